import { existsSync } from 'node:fs';
import path from 'node:path';
import { specFile } from '../compile/readSpec.js';
import { UsageError, hasErrors } from '../errors.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { writeGallery } from '../preview/writeGallery.js';
import { listSpecs, openProject, type Project } from '../project.js';
import { chartFiles, renderChart } from '../renderChart.js';
import { writeManifest, type ManifestEntry } from '../write/manifest.js';
import { writeAtomic } from '../write/writeAtomic.js';

export interface BuildOptions {
  /** The project folder. */
  cwd: string;
  /** Charts to build; all specs when empty. */
  names?: string[];
  /** Output folder, relative to cwd; `output` by default. */
  outDir?: string;
  /** Called once sources.csv and the theme are read, with their problems (before any chart). */
  onProject?: (diagnostics: Diagnostic[]) => void;
  /** `dark` draws every chart (SVG and PNG) in the dark palette; light by default. */
  theme?: 'light' | 'dark';
  /** Called as each chart finishes, for progress output. */
  onChart?: (result: ChartResult) => void;
}

export type ChartResult =
  | { name: string; ok: true; files: string[]; diagnostics: Diagnostic[] }
  | { name: string; ok: false; diagnostics: Diagnostic[]; /** Whether files of an earlier build remain. */ kept: boolean };

export interface BuildResult {
  charts: ChartResult[];
  /** Problems with sources.csv or the theme, shared by every chart. */
  diagnostics: Diagnostic[];
}

/**
 * Renders the named specs (or all) into the output folder. Charts are
 * independent: one that fails is reported and its previous files are kept,
 * and the others are still written.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const project = await openProject(options.cwd);
  const known = await listSpecs(project.cwd);
  const names = options.names?.length ? options.names : known;
  if (!known.length) throw new UsageError(messages.build.noSpecs());
  for (const name of names) if (!known.includes(name)) throw new UsageError(messages.build.unknownChart(name, known));

  options.onProject?.(project.diagnostics);
  // sources.csv is every chart's citation base: if it is broken, no chart can be cited.
  const sharedErrors = hasErrors(project.diagnostics);

  const outDir = path.resolve(project.cwd, options.outDir ?? 'output');
  const relative = (file: string) => path.relative(project.cwd, file).split(path.sep).join('/');
  const charts: ChartResult[] = [];
  const entries: Record<string, ManifestEntry> = {};
  for (const name of names) {
    const svgFile = path.join(outDir, `${name}.svg`);
    const { chart, diagnostics } = sharedErrors ? { chart: undefined, diagnostics: [] } : await renderSafely(project, name, options.theme);
    let result: ChartResult;
    if (!chart || hasErrors(diagnostics)) {
      result = { name, ok: false, diagnostics, kept: existsSync(svgFile) };
    } else {
      const files: string[] = [];
      try {
        for (const file of chartFiles(chart)) {
          const target = path.join(outDir, name + file.suffix);
          await writeAtomic(target, file.data);
          files.push(target);
        }
        entries[name] = { ...chart.entry, files: files.map(relative) };
        result = { name, ok: true, files: files.map(relative), diagnostics };
      } catch (error) {
        // An unwritable output folder or a full disk is the user's to fix, not a crash.
        const reason = (error as NodeJS.ErrnoException).code ?? String(error);
        const problem = { file: relative(outDir), severity: 'error' as const, message: messages.build.cannotWrite(reason) };
        result = { name, ok: false, diagnostics: [...diagnostics, problem], kept: existsSync(svgFile) };
      }
    }
    charts.push(result);
    options.onChart?.(result);
  }
  if (Object.keys(entries).length) await writeManifest(outDir, entries, known);
  // output/index.html, the static gallery: lists only charts with files in outDir.
  if (Object.keys(entries).length) await writeGallery(outDir, project.sources, known);
  return { charts, diagnostics: project.diagnostics };
}

/** A bug in citechart while rendering one chart fails that chart, not the whole build. */
async function renderSafely(project: Project, name: string, theme?: BuildOptions['theme']): ReturnType<typeof renderChart> {
  try {
    return await renderChart(project, name, { theme });
  } catch (error) {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { diagnostics: [{ file: specFile(name), severity: 'error', message: messages.build.internal(reason) }] };
  }
}
