type Resvg = typeof import('@resvg/resvg-js');

let loading: Promise<Resvg> | undefined;

/**
 * @resvg/resvg-js, loaded once per thread. Its loader asks whether the C
 * library is glibc or musl through `process.report.getReport()`
 * (js-binding.js, isMusl), which also lists the network interfaces: ≈17 ms
 * of waiting on this machine out of ≈25, for an answer the report's header
 * gives without them (issue 15: a one-chart build's fixed cost). The network
 * part is left out of reports only while the package loads.
 */
export function loadResvg(): Promise<Resvg> {
  return (loading ??= (async () => {
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
