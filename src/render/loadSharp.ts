type Sharp = typeof import('sharp');

let loading: Promise<Sharp['default']> | undefined;
let oneThreadEach = false;

/**
 * Says that sharp, once some chart needs it, runs in a render worker: each
 * worker is already one of the cores, so libvips' own threads on top would
 * only contend (concurrency 1), and libvips' operation cache (up to 50 MB,
 * process-wide) never hits, every SVG being new. Called by each worker
 * before its first chart; it loads nothing, since sharp now draws only
 * right-to-left text (renderPng) and most builds never load it.
 */
export function sharpInWorkers(): void {
  oneThreadEach = true;
}

/** sharp, loaded once per thread when first needed, set up as sharpInWorkers asked. */
export function loadSharp(): Promise<Sharp['default']> {
  return (loading ??= import('sharp').then(({ default: sharp }) => {
    if (oneThreadEach) {
      sharp.concurrency(1);
      sharp.cache(false);
    }
    return sharp;
  }));
}
