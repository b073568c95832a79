// The typed API: one chart drawn from data held in memory.
//
//   { spec, tables, sources, theme } ─► project files ─► mounted at a cwd ─► openProject ─► renderChart(project, name)
//     objects, CSV text or rows        (memoryProject)   no disk behind it    (src/project)   the function `build` runs
//
// There is no second pipeline: the input is laid out as the files of a
// project and drawn by the function every `citechart build` runs for each
// chart (src/renderChart.ts, imported here as drawProjectChart), with the
// same checks and diagnostics. Only the font files and font caches of
// citechart itself are read from disk (src/text); no project file is.
import { capDiagnostics, hasErrors, UsageError } from '../errors.js';
import { mountFolder, unmountFolder } from '../load/memoryFolder.js';
import { isKnownLocale } from '../locale/readLocale.js';
import * as messages from '../messages.js';
import type { Diagnostic } from '../model.js';
import { openProject } from '../project.js';
import type { InputHash } from '../provenance/hashInputs.js';
import { chartFiles, renderChart as drawProjectChart } from '../renderChart.js';
import { MAX_ARTBOARD_WIDTH, MIN_ARTBOARD_WIDTH } from '../compile/usermetaSchema.js';
import { takeFreshWidths } from '../text/widthStore.js';
import type { ManifestEntry } from '../write/manifest.js';
import { projectFiles, type TableInput } from './memoryProject.js';
import { describe } from './rowsToCsv.js';

export type { Cell, Rows } from './rowsToCsv.js';
export type { TableInput } from './memoryProject.js';

/** The outputs renderChart can draw. */
export const API_FORMATS = ['svg', 'png', 'html'] as const;
export type ApiFormat = (typeof API_FORMATS)[number];

export interface RenderChartOptions {
  /** The chart's name: its ids (`cc-NAME-…`), its spec's file name in diagnostics (`specs/NAME.vl.json`). `chart` by default. */
  name?: string;
  /** What to draw; all by default. Leaving out `png` skips the rasteriser. */
  formats?: ApiFormat[];
  /** Re-lay the chart out at this width (px, 200–4000), as an artboard is; the spec's own size by default. */
  width?: number;
  /** A BCP 47 tag (`fr`, `de-CH`) for the chart's words and number formats, in place of the spec's `usermeta.citechart.locale`. */
  locale?: string;
  /** `dark` draws the graphic in the dark palette (as `build --theme dark`). */
  scheme?: 'light' | 'dark';
}

export interface RenderChartInput {
  /** A Vega-Lite spec (object or JSON text) whose data urls name tables as a project does: `{"url": "data/NAME.csv"}`. */
  spec: string | Record<string, unknown>;
  /**
   * The tables the spec draws, by name (`data/NAME.csv`, `NAME.csv` or
   * `NAME`): CSV text or bytes, or an array of row objects, each row with
   * its citation cells (`source`, and `quote`, `note`, `derived` if any).
   * A schema sidecar goes in as `NAME.schema.json` (object or JSON text).
   */
  tables?: ReadonlyMap<string, TableInput> | Readonly<Record<string, TableInput>>;
  /** The rows of sources.csv: CSV text or bytes, or an array of row objects (`id`, `publisher`, `title`, `published`, `url`, …). */
  sources: TableInput;
  /** The house theme (a Vega-Lite config, object or JSON text), as `specs/theme.json`. */
  theme?: string | Record<string, unknown>;
  options?: RenderChartOptions;
}

/** What a graphic records about where its figures come from. */
export interface ChartProvenance {
  title: string;
  /** Ids of the sources it cites. */
  sources: string[];
  /** sha256 of each input, as the project files the input was laid out as (`data/NAME.csv`…). */
  inputs: InputHash[];
  /** The keys of the rows drawn, per table. */
  drawn?: ManifestEntry['drawn'];
  /** BCP 47 tag of the chart's language, when it has a locale. */
  language?: string;
  /** The schema.org JSON-LD embedded in the HTML snippet (the SVG and PNG embed the same, with their own encodingFormat). */
  jsonLd: Record<string, unknown>;
}

export interface RenderChartResult {
  /** False when a diagnostic is an error: then nothing is drawn. */
  ok: boolean;
  /** The published SVG, footer drawn in: what `build` writes as NAME.svg. */
  svg?: string;
  /** The 2× PNG with its XMP packet (NAME.png), when `png` is among the formats. */
  png?: Buffer;
  /** The HTML embed snippet (NAME.html). */
  html?: string;
  // (The PDF output, issue 18, belongs here too: `pdf?: Buffer`, taken from the same drawn chart.)
  /** The chart re-laid-out at each artboard width (the spec's `widths`, else the theme's), as NAME-WIDTHw.svg. */
  artboards?: Array<{ width: number; svg: string }>;
  /** Social cards (the theme's `citechart-social-*` presets, or the spec's choice), as NAME-social-WIDTHxHEIGHT.png: the PNG at exactly that many px. */
  socialCards?: Array<{ width: number; height: number; png: Buffer }>;
  provenance?: ChartProvenance;
  /** Every problem found, as `build` reports them: `file` is the project file the input was laid out as. */
  diagnostics: Diagnostic[];
}

/**
 * Draws one chart from a spec, tables, sources and theme held in memory, with
 * every check `citechart build` makes: the input is laid out as a project's
 * files (memoryProject.ts) and drawn by the same function as `build`.
 * Problems in the data or spec come back as `diagnostics` (`ok: false`),
 * never thrown; a UsageError is thrown for a call of the wrong shape (a spec
 * that is neither object nor text, an unknown format, a width out of range,
 * a locale citechart has no words for). Reads no project file: only
 * citechart's own fonts (and their caches in the system's temporary folder).
 */
export async function renderChart(input: RenderChartInput): Promise<RenderChartResult> {
  // Called from JavaScript, the argument may be missing or anything at all.
  const given: unknown = input;
  if (!given || typeof given !== 'object' || Array.isArray(given)) throw new UsageError(messages.api.notInput(describe(given)));
  if (input.options !== undefined && (!input.options || typeof input.options !== 'object' || Array.isArray(input.options))) throw new UsageError(messages.api.notOptions(describe(input.options)));
  const options = checkOptions(input.options ?? {});
  const name = options.name ?? 'chart';
  const files = projectFiles({ ...input, name });
  const cwd = mountFolder(files);
  try {
    const project = await openProject(cwd);
    const drawn = await drawProjectChart(project, name, {
      png: options.formats.includes('png'),
      ...(options.scheme === 'dark' && { theme: 'dark' as const }),
      ...(options.width !== undefined && { width: options.width }),
      ...(options.locale !== undefined && { locale: options.locale }),
    });
    const diagnostics = capDiagnostics(project.diagnostics.concat(drawn.diagnostics));
    const chart = drawn.chart;
    if (!chart || hasErrors(diagnostics)) return { ok: false, diagnostics };
    const html = chart.embed && options.formats.includes('html') ? chartFiles(chart).find((file) => file.suffix === '.html')?.data : undefined;
    return {
      ok: true,
      ...(options.formats.includes('svg') && { svg: chart.svg }),
      ...(chart.png && { png: chart.png }),
      ...(typeof html === 'string' && { html }),
      ...(chart.artboards?.length && options.formats.includes('svg') && { artboards: chart.artboards }),
      ...(chart.socialCards?.length && { socialCards: chart.socialCards.map(({ width, height, png }) => ({ width, height, png })) }),
      provenance: { ...chart.entry, jsonLd: chart.embed?.jsonLd ?? {} },
      diagnostics,
    };
  } finally {
    unmountFolder(cwd);
    // Widths measured now stay in this process's memory; `build` alone saves them for later runs.
    takeFreshWidths();
  }
}

function checkOptions(options: RenderChartOptions): RenderChartOptions & { formats: ApiFormat[] } {
  if (options.name !== undefined && (typeof options.name !== 'string' || !/^[A-Za-z0-9][\w-]*$/.test(options.name))) {
    throw new UsageError(messages.api.badName(String(options.name)));
  }
  const formats = options.formats ?? [...API_FORMATS];
  if (!Array.isArray(formats)) throw new UsageError(messages.api.badFormats(describe(formats), API_FORMATS));
  for (const format of formats) if (!(API_FORMATS as readonly unknown[]).includes(format)) throw new UsageError(messages.api.badFormats(String(format), API_FORMATS));
  const { width } = options;
  if (width !== undefined && !(Number.isInteger(width) && width >= MIN_ARTBOARD_WIDTH && width <= MAX_ARTBOARD_WIDTH)) {
    throw new UsageError(messages.api.badWidth(width, MIN_ARTBOARD_WIDTH, MAX_ARTBOARD_WIDTH));
  }
  if (options.locale !== undefined && (typeof options.locale !== 'string' || !isKnownLocale(options.locale))) throw new UsageError(messages.api.badLocale(String(options.locale)));
  if (options.scheme !== undefined && options.scheme !== 'light' && options.scheme !== 'dark') throw new UsageError(messages.api.badScheme(options.scheme));
  return { ...options, formats };
}
