import { createRequire } from 'node:module';

type Resvg = Pick<typeof import('@resvg/resvg-js'), 'renderAsync'>;

/** What a platform package of @resvg/resvg-js exports (its index.js wraps it, the options as JSON). */
interface NativeResvg {
  renderAsync(svg: string | Buffer, options?: string | null, signal?: AbortSignal | null): ReturnType<Resvg['renderAsync']>;
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
    const native = platformPackage();
    if (native) {
      return { renderAsync: (svg, options, signal) => native.renderAsync(svg, options ? JSON.stringify(options) : null, signal) } satisfies Resvg;
    }
    const report = process.report as (NodeJS.ProcessReport & { excludeNetwork?: boolean }) | undefined;
    const before = report?.excludeNetwork;
    if (report) report.excludeNetwork = true;
    try {
      return await import('@resvg/resvg-js');
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
      if (typeof native.renderAsync === 'function') return native as NativeResvg;
    } catch {
      // Not installed, or built for the other C library: try the next, then the package's own loader.
    }
  }
  return undefined;
}
