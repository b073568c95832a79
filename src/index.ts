// citechart's public API: the commands as library functions taking a `cwd`.
export { build, type BuildOptions, type BuildResult, type ChartResult } from './commands/build.js';
export { check, type CheckOptions } from './commands/check.js';
export { watch, type WatchOptions, type WatchSession } from './commands/watch.js';
export { formatDiagnostic, UsageError } from './errors.js';
export { OutputError } from './write/outputError.js';
export type { CitedRow, CitedTable, Diagnostic, Source } from './model.js';
export { verify, type VerifyOptions, type VerifyResult, type FileVerdict } from './commands/verify.js';
export {
  renderChart,
  API_FORMATS,
  type ApiFormat,
  type Cell,
  type ChartProvenance,
  type RenderChartInput,
  type RenderChartOptions,
  type RenderChartResult,
  type Rows,
  type TableInput,
} from './api/renderChart.js';
