import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import type { RenderedImage, ResvgRenderOptions } from '@resvg/resvg-js';
import { keepResvgPagesBetweenCharts } from './resvgAllocator.js';

export interface Resvg {
  /** Draws on libuv's thread pool. */
  renderAsync(svg: string | Buffer, options?: ResvgRenderOptions | null, signal?: AbortSignal | null): Promise<RenderedImage>;
  /** Draws on the calling thread: `new Resvg(svg, options).render()` (index.js's own `render` calls a function its binding lacks). */
  render(svg: string | Buffer, options?: ResvgRenderOptions | null): RenderedImage;
}

/** What a platform package of @resvg/resvg-js exports (its index.js wraps it, the options as JSON). */
interface NativeResvg {
  renderAsync(svg: string | Buffer, options?: string | null, signal?: AbortSignal | null): Promise<RenderedImage>;
  Resvg: new (svg: string | Buffer, options?: string | null) => { render(): RenderedImage };
}

let loading: Promise<Resvg> | undefined;

/**
 * @resvg/resvg-js, loaded once per thread. Its loader (js-binding.js) asks
 * whether the C library is glibc or musl through `process.report.getReport()`,
 * which gathers a whole diagnostic report: ≈6 of the ≈9 ms of CPU its load
 * took (issue 15: a one-chart build's fixed cost). So this thread requires
 * the platform package itself when it is installed (npm installs only the
 * one that fits, by its "libc" field), glibc's first, and wraps its
 * renderAsync as index.js does; a package that is absent or does not load
 * (the other C library's) falls back to the loader, the network part left
 * out of its report (≈17 ms of waiting on this machine).
 */
export function loadResvg(): Promise<Resvg> {
  return (loading ??= (async () => {
    // Before the library's allocator reads the environment (as it loads), where this thread's process.env reaches it.
    if (isMainThread) keepResvgPagesBetweenCharts();
    const native = platformPackage();
    if (native) {
      const json = (options: ResvgRenderOptions | null | undefined) => (options ? JSON.stringify(options) : null);
      return {
        renderAsync: (svg, options, signal) => native.renderAsync(svg, json(options), signal),
        render: (svg, options) => new native.Resvg(svg, json(options)).render(),
      } satisfies Resvg;
    }
    const report = process.report as (NodeJS.ProcessReport & { excludeNetwork?: boolean }) | undefined;
    const before = report?.excludeNetwork;
    if (report) report.excludeNetwork = true;
    try {
      const resvg = await import('@resvg/resvg-js');
      return { renderAsync: resvg.renderAsync, render: (svg, options) => new resvg.Resvg(svg, options).render() } satisfies Resvg;
    } finally {
      if (report) report.excludeNetwork = before ?? false;
    }
  })());
}

/** The names js-binding.js tries on Linux for this architecture, glibc's first; none elsewhere (it needs no report there). */
const LINUX_PACKAGES = new Map([
  ['x64', ['@resvg/resvg-js-linux-x64-gnu', '@resvg/resvg-js-linux-x64-musl']],
  ['arm64', ['@resvg/resvg-js-linux-arm64-gnu', '@resvg/resvg-js-linux-arm64-musl']],
]);

function platformPackage(): NativeResvg | undefined {
  if (process.platform !== 'linux') return undefined;
  // Resolved from @resvg/resvg-js's own folder, as its loader resolves them.
  let load: NodeJS.Require;
  try {
    const createdFrom = createRequire(import.meta.url);
    load = createRequire(createdFrom.resolve('@resvg/resvg-js'));
  } catch {
    return undefined;
  }
  for (const name of LINUX_PACKAGES.get(process.arch) ?? []) {
    try {
      const native = load(name) as Partial<NativeResvg>;
      if (typeof native.renderAsync === 'function' && typeof native.Resvg === 'function') return native as NativeResvg;
    } catch {
      // Not installed, or built for the other C library: try the next, then the package's own loader.
    }
  }
  return undefined;
}
