// The floor: what drawing the same charts costs with none of citechart's own
// work (no CSV reading and typing, citations, alt text, metadata, cache,
// HTML snippet or gallery), but the same drawing work and the same
// parallelism as `citechart build`:
//
// - the same specs, compiled by the same Vega-Lite and Vega builds that
//   citechart loads (dist/vegaBuilds.js), with the theme merged under the
//   spec as citechart does ({ font: FONT_STACK, ...theme });
// - text measured with citechart's real font metrics (its override of
//   vega.textMetrics, dist/text/textMetrics.js, which reads and fills the
//   text-width store in $TMPDIR like citechart);
// - the footer: citechart's footer block, taken from citechart's own SVG of
//   the chart (FOOTERS, prepared before timing), spliced under the chart so
//   the PNG has the same size and text to draw; laying the footer out is
//   citechart's work and not in the floor; and citechart's background rect,
//   which fills the footer band too: Vega's own background covers the chart
//   only, and without citechart's the floor's PNG had a transparent band
//   under the chart (a different picture, and one that cost sharp ≈1.8 ms of
//   CPU per chart unpremultiplying, which citechart's opaque PNGs skip:
//   bench/stages.mjs, and 45.3 → 43.5 ms of the floor's CPU per chart);
// - citechart's date labels where the spec gives no format (dist/compile/dateLabels.js,
//   English) and its axes' least label separation (dist/compile/labelSeparation.js), so
//   the axes draw the same labels;
// - the embedded font subset (dist/text/embedFonts.js), as the published SVG
//   carries it;
// - the PNG drawn as citechart draws it: its own renderPng (dist/render/renderPng.js:
//   resvg at 2× given the bundled fonts' subsets, sharp's PNG encoder), without
//   the XMP packet (metadata is citechart's own work); SVG and PNG written to OUT;
// - JOBS processes (citechart draws on one worker per core), each given
//   every JOBS-th chart of the names in citechart's order (sorted, as
//   src/listSpecs.ts lists them; its workers take the next chart in turn),
//   so each process draws every chart type, type after type, as each of
//   citechart's workers does. Before (h12-warm found it): every JOBS-th of
//   the corpus list, which cycles through the 8 types, so with 2 processes
//   one drew only bar, line, area and map and the other the rest; a process
//   held to 4 types used ≈11 % less CPU (7 interleaved rounds: 9.15 s in
//   corpus order against 10.23 s sorted), which made the floor lighter than
//   citechart's like-for-like work.
//
// Data is read by Vega's own loader from the project folder, types inferred
// by Vega.
//
// Usage: node bench/floor.mjs PROJECT_DIR OUT_DIR FOOTERS_JSON JOBS NAME...
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [dir, out, footersFile, jobsText, ...listed] = process.argv.slice(2);
// In citechart's order (see above).
const names = listed.sort();
const jobs = Number(jobsText);
if (!dir || !out || !footersFile || !(jobs >= 1)) {
  console.error('usage: node bench/floor.mjs PROJECT_DIR OUT_DIR FOOTERS_JSON JOBS NAME...');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

if (jobs > 1) {
  // The parent only splits the list and waits: /usr/bin/time around it
  // counts its children's CPU too (wait4's rusage includes waited children).
  const slices = Array.from({ length: jobs }, (_, k) => names.filter((_, i) => i % jobs === k));
  const codes = await Promise.all(slices.filter((slice) => slice.length).map((slice) => new Promise((resolve) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), dir, out, footersFile, '1', ...slice], { stdio: 'inherit' });
    child.once('exit', (code) => resolve(code));
  })));
  process.exit(codes.every((code) => code === 0) ? 0 : 1);
}

// Same process-wide settings as citechart's build (src/commands/build.ts): UTC for time labels.
process.env.TZ = 'UTC';
// BENCH_FLOOR_INTERRUPT_BUDGET=N: V8's interrupt budget citechart's command line sets for itself
// (src/startup/jitBudget.ts), given to the floor too, so the bench can say what that setting alone
// is worth: the floor is measured both ways (bench/run.mjs, variant floorBudget).
if (process.env.BENCH_FLOOR_INTERRUPT_BUDGET) (await import('node:v8')).default.setFlagsFromString(`--interrupt-budget=${Number(process.env.BENCH_FLOOR_INTERRUPT_BUDGET)}`);
const dist = (file) => import(pathToFileURL(path.join(ROOT, 'dist', file)).href);
const { vega, vl } = await dist('vegaBuilds.js');
const { FONT_STACK } = await dist('text/fonts.js');
// The same rasteriser as citechart (issue 15: like for like).
const { renderPng } = await dist('render/renderPng.js');
const { installTextMetrics } = await dist('text/textMetrics.js');
// The published SVG carries its font (issue 10): the floor embeds the same subset.
const { embedFonts } = await dist('text/embedFonts.js');
const { withFooter } = await import('./floorSvg.mjs');
// Dates without an author's format drawn in citechart's labels ("Feb 9", not Vega's "Tue 09"): what is drawn, so
// the same picture (src/compile/dateLabels.ts rewrites the compiled spec's formats; its cost is a walk of the spec).
const { labelDates } = await dist('compile/dateLabels.js');
const { DEFAULT_DATE_TAG } = await dist('locale/dateLabels.js');
// Axis labels kept apart as citechart keeps them (its default labelSeparation, src/compile/labelSeparation.ts).
const { withLabelSeparation } = await dist('compile/labelSeparation.js');
// The floor stands for citechart's drawing: if these moved, fail loudly rather than draw otherwise.
for (const [name, value] of Object.entries({ vega, vl, FONT_STACK, renderPng, installTextMetrics, embedFonts, labelDates, DEFAULT_DATE_TAG, withLabelSeparation })) {
  if (value === undefined) throw new Error(`bench/floor.mjs: dist/ no longer exports ${name}; update the floor to draw as citechart does`);
}
installTextMetrics();

const theme = JSON.parse(readFileSync(path.join(dir, 'specs/theme.json'), 'utf8'));
const config = { font: FONT_STACK, ...withLabelSeparation(theme) };
const footers = JSON.parse(readFileSync(footersFile, 'utf8'));
const loader = vega.loader({ baseURL: dir + '/', mode: 'file' });
// Vega's single-file build has the browser loader: give it file access, as citechart's loader does.
Object.assign(loader, { fileAccess: true, file: (filename) => readFile(filename) });

for (const name of names) {
  const spec = JSON.parse(readFileSync(path.join(dir, 'specs', `${name}.vl.json`), 'utf8'));
  const compiled = vl.compile(spec, { config }).spec;
  labelDates(compiled, DEFAULT_DATE_TAG);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader });
  const svg = await embedFonts(withFooter(await view.toSVG(), footers[name], FONT_STACK));
  view.finalize();
  writeFileSync(path.join(out, `${name}.svg`), svg);
  writeFileSync(path.join(out, `${name}.png`), await renderPng(svg));
}
