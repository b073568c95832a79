// Every size limit citechart enforces, in one place, so the README table
// ("Limits") and the code cannot drift apart. Each is checked before the work
// it bounds starts, and going over one is a located error (exit 1), never an
// out-of-memory crash or a run that does not end. The values are far above
// what a newsroom table or chart needs (hundreds of rows, a few columns, a
// few hundred marks) and far below what makes a run take minutes or
// gigabytes on a laptop.

import { UsageError } from './errors.js';
import * as messages from './messages.js';

/** The limits, by name. Units are in each name or docstring. */
export const LIMITS = {
  /** Bytes of one project file read as text (a CSV, a spec, a sidecar, the theme): checked with `stat` before reading. */
  fileBytes: 50 * 1024 * 1024,
  /** Characters (UTF-16 code units) in one CSV cell, header names included: a long verbatim quote is a few hundred. */
  cellChars: 10_000,
  /** Columns of one CSV file (header fields or the fields of any row). */
  columns: 500,
  /** Data rows of one CSV file (blank lines not counted). Until large tables get their own mode (issue: big data). */
  rows: 100_000,
  /** Cells of one CSV file (rows × columns, as they come): bounds the memory of a wide and long table. */
  cells: 1_000_000,
  /**
   * Bytes from which a CSV is a big table (README, "Big tables"): read lazily
   * by polars, its leading transforms run there, instead of held in memory
   * row by row. Smaller CSVs are read as before. `CITECHART_BIG_CSV_BYTES` in
   * the environment sets it (tests send small files down the big-table path).
   */
  bigCsvBytes: 16 * 1024 * 1024,
  /**
   * Bytes (512 MiB) up to which a big CSV is parsed once and held in memory (about
   * 2.5 to 3 times its size: 1.6 GB at peak for 10M rows, 493 MiB) for its validation and
   * every chart's query, instead of parsed again by each; larger ones are
   * scanned from the file each time, in bounded memory.
   * `CITECHART_BIG_CSV_MEMORY_BYTES` sets it (0: never held).
   */
  bigCsvInMemoryBytes: 512 * 1024 * 1024,
  /** Bytes of one big table (a CSV over `bigCsvBytes`, a Parquet file, or all files of a Parquet folder): polars streams them, so this bounds disk time, not memory. */
  bigTableBytes: 16 * 1024 * 1024 * 1024,
  /** Distinct values of a big table's `source` column (each is checked against sources.csv). */
  bigTableSourceValues: 10_000,
  /** Bad cells reported per big table in one run (each located by reading the file once more); then a count. */
  bigTableCellErrors: 50,
  /** Rows listed in the HTML snippet's screen-reader table per table drawn; then a line saying how many more it summarises. */
  snippetTableRows: 1_000,
  /**
   * Least gap in px between two labels of one axis drawn side by side: half the house
   * theme's 12-px label size, an en space, twice Source Sans 3's word space
   * (0.2 em, 2.4 px), so two labels never read as one phrase
   * ("29 janv. février", 3 px apart). Compile gives it to Vega as the axes'
   * `labelSeparation` when the theme sets none; closer drawn labels are an error (crowdedLabels.ts).
   */
  minLabelGap: 6,
  /** Rows given to one chart (summed over every dataset it reads). */
  rowsPerChart: 100_000,
  /** Marks one chart draws (bars, points, text items… after its transforms), counted from its data before layout starts. */
  marksPerChart: 20_000,
  /** Rows a generator makes: a `sequence` data source, `impute` keyvals `{start, stop, step}`, the expression functions `sequence()`, `timeSequence()`, `utcSequence()`. */
  generatedRows: 100_000,
  /** Items the expression functions `sequence()`, `timeSequence()`, `utcSequence()` make over all their calls in one chart (one call per row adds up). */
  generatedPerChart: 1_000_000,
  /** Points a `density` transform samples (`steps`, `minsteps`, `maxsteps`). */
  densitySteps: 10_000,
  /** Quantiles a `quantile` transform computes: 1 / `step`, or the length of `probs`. */
  quantiles: 10_000,
  /** Bins of a `bin` (`maxbins`, or the span of `extent` divided by `step`). */
  bins: 1_000,
  /**
   * Pixels of a view's `width` or `height` (a number, or a `step`), in a spec or the theme's
   * `view`: the largest side a PNG may have. Vega draws a quantitative axis a tick every
   * 40 px, so a width of 1e9 made 25 million ticks and `check` ran out of memory.
   * A legend's `gradientLength` and `gradientThickness` too: 1e7 took `check` 27 s and 816 MB.
   */
  viewPx: 32_767,
  /** An axis's or legend's `tickCount` (the same memory, asked for directly). */
  ticks: 1_000,
  /**
   * Characters (UTF-16 code units) of one text the graphic draws, written in
   * a spec, the theme or an edition's file: a title or subtitle (all its
   * lines), an axis, legend or header title, a text mark's `text`, a note,
   * the credit, an annotation. A long headline is about 100; 10,000 was
   * drawn far off the artboard, or wrapped to a footer thousands of px tall.
   */
  drawnTextChars: 1_000,
  /** Pixels of any font size (`fontSize`, `labelFontSize`, `titleFontSize`…) in a spec or the theme: a social card's headline needs about 100. */
  fontPx: 500,
  /** Pixels of a line's or outline's width (`strokeWidth`, `labelStrokeWidth`, `gridWidth`, `domainWidth`, `tickWidth`…). */
  strokePx: 100,
  /**
   * Pixels of a padding or offset (`padding`, `titlePadding`, `labelPadding`, `offset`, `labelOffset`…,
   * and a mark's `dx`, `dy`), either sign: the gap between two things drawn; beyond 1,000 px a label
   * or a text lands off any artboard but a poster's. Held to the same figure, as gaps too:
   * - a `spacing` (a concatenation's, a facet's or repeat's, each of its `row` and `column`; a
   *   config's `concat`/`facet`) and a bar's `binSpacing`: the gap between two views or bars
   *   (Vega-Lite's defaults are 20 px and 1 px);
   * - an axis's `tickSize`: Vega sets the labels beyond the ticks, so a tick's length is the labels'
   *   offset from the axis (default 5 px);
   * - a `lineHeight` (a text mark's, `labelLineHeight`, `titleLineHeight`, `subtitleLineHeight`): the
   *   step from one line of a text to the next, twice `fontPx` at this limit (double spacing of the
   *   largest font allowed).
   * `--formats svg` skips the PNG size check, so nothing else bounded them.
   */
  spacingPx: 1_000,
  /**
   * Pixels of a corner's radius (`cornerRadius`, `cornerRadiusEnd`, `cornerRadiusTopLeft`…, a mark's,
   * a view's, a legend's or the theme's), either sign. Vega rounds a corner by at most half its
   * rectangle's shorter side (an arc's: half its thickness) and no side may be over `viewPx`, so a
   * radius over half of that (16,384) draws exactly what 16,384 does: such a value is a slip (a bar's
   * corners are rounded by a few px).
   */
  cornerRadiusPx: 16_384,
  /**
   * Square pixels of a mark's `size` (a mark's or config's `size`, an encoding's `size` value or its
   * scale's `range`, a scale config's `minSize`/`maxSize`, a legend's `symbolSize`): a point's area.
   * 100,000 px² is a circle 357 px across, wider than most plots (a bubble chart's largest is a few
   * thousand); Vega drew `size: 1e9` without complaint, one circle covering the artboard many times.
   * Marks that read `size` as a length (a bar's or tick's width, a line's stroke) are held to the same
   * number; a text mark's `size` is its font size, held to `fontPx`.
   */
  markSizePx2: 100_000,
  /**
   * Characters of a chart's alt text (`usermeta.citechart.alt`, or its translation in an edition): a
   * screen reader reads it in one piece, with no way to skip within it, so guides ask for a sentence
   * or two (the longest of the project's examples is 431). 2,000 is about two minutes of speech.
   * A `description` (the spec's, a view's, a mark's or a `description` channel's value) too: Vega
   * gives it to the chart or the mark as its ARIA label, read out the same way.
   */
  altTextChars: 2_000,
  /**
   * Entries of an edition's `strings`, and of its `values`, each: the rows one chart may draw
   * (`rowsPerChart`), so a label of its own for every row still fits; entries beyond that could only
   * go unused, each a warning to compute.
   */
  translationEntries: 100_000,
  /**
   * Characters of one translation in an edition's `strings` or `values`: as many as the CSV cell it
   * may replace (`cellChars`: a label, a note, an attribution). A spec text's translation is then
   * also held to `drawnTextChars` (or `altTextChars`) once applied.
   */
  translationChars: 10_000,
  /** Polynomial order of a `regression` transform with `method: "poly"`. */
  regressionOrder: 20,
  /**
   * Drawn rows with a note or `derived` one chart marks (src/markers): each is
   * looked up in Vega expressions per label drawn, and a graphic with more
   * numbered marks than this is unreadable anyway. Over it, the chart draws
   * no marker (a warning); its notes stay in the footer.
   */
  markedRows: 1_000,
  /** Characters the expression function `pad()` may add (padding a label to a width needs tens). */
  padChars: 1_000,
  /**
   * Megabytes of JavaScript heap a build worker may use (its chart is then
   * redrawn once alone with `chartHeapMb`). Also what V8 sizes the worker's
   * heap growth by: at 96 MB it collected so often that garbage collection
   * was a fifth of a build's CPU; at 768 MB the 200-chart bench build uses
   * 13 % less CPU and stays under 500 MB peak RSS (bench/RESULTS.md, issue 15).
   */
  workerHeapMb: 768,
  /**
   * Megabytes of heap for redrawing a chart whose worker ran out of its
   * `workerHeapMb`: over this, the chart fails with an error and the build
   * goes on. `CITECHART_CHART_HEAP_MB` in the environment sets it (tests
   * force a failure with a tiny value; a very large chart may need more).
   */
  chartHeapMb: 1024,
  /** Shards of a sharded build (`build --shard K/N`): N at most this (GitLab's `parallel` allows 200). */
  shards: 1_000,
} as const;

/**
 * `chartHeapMb`, or the whole number of megabytes (1 or more) that
 * `CITECHART_CHART_HEAP_MB` sets (unset or empty: the default). Throws
 * UsageError for any other value (`2GB`, `0`, `1.5`): a typo must not
 * silently draw with the default. The CLI checks it before every command
 * (src/checkEnvironment.ts), so the error comes first.
 */
export function chartHeapMb(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CITECHART_CHART_HEAP_MB;
  if (raw === undefined || raw.trim() === '') return LIMITS.chartHeapMb;
  if (!/^\s*[1-9]\d*\s*$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new UsageError(messages.build.badChartHeapMb(raw));
  return Number(raw);
}
