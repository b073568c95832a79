// One chart rendered to the files `build` writes, in a worker or in-process:
// the same function either way, so parallel and serial builds give the same bytes.
import type { Diagnostic } from '../model.js';
import type { Project } from '../project.js';
import { chartFiles, renderChart, type RenderProgress } from '../renderChart.js';
import { takeFreshWidths } from '../text/widthStore.js';
import type { ManifestEntry } from '../write/manifest.js';
import { formatOf, internalError } from './internalError.js';

export type RenderOptions = NonNullable<Parameters<typeof renderChart>[2]>;

export interface RenderTask {
  cwd: string;
  name: string;
  /** Passed to renderChart as they are (and hashed into the cache key by build). */
  render: RenderOptions;
  /** File extensions to keep of what chartFiles returns: `svg`, `png`, … */
  formats: string[];
}

export interface RenderOutcome {
  name: string;
  /** Absent when the chart failed. */
  files?: { suffix: string; data: string | Uint8Array }[];
  entry?: Omit<ManifestEntry, 'files'>;
  diagnostics: Diagnostic[];
  /** Text widths this thread measured (not known from the width store) since the last outcome; build saves them. */
  widths?: Record<string, number>;
}

export async function renderTask(project: Project, task: RenderTask, progress?: RenderProgress): Promise<RenderOutcome> {
  const { name } = task;
  try {
    const { chart, diagnostics } = await renderChart(project, name, task.render, progress);
    if (!chart || diagnostics.some((d) => d.severity === 'error')) return { name, diagnostics, widths: takeFreshWidths() };
    const files = chartFiles(chart).filter((file) => task.formats.includes(formatOf(file.suffix)));
    return { name, files, entry: chart.entry, diagnostics, widths: takeFreshWidths() };
  } catch (error) {
    return { name, diagnostics: [internalError(name, error)], widths: takeFreshWidths() };
  }
}
