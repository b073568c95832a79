import { lstat, mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { checkUrl } from '../compile/findDataRefs.js';
import { specFile } from '../compile/readSpec.js';
import { capDiagnostics, hasErrors } from '../errors.js';
import { listDataFiles } from '../load/index.js';
import { SOURCES_FILE } from '../load/readSources.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { openProject } from '../project.js';
import { fitsOneWidth } from '../compile/atWidth.js';
import { PHONE_AND_COLUMN, themeArtboards } from '../compile/themeArtboards.js';
import { chooseChart } from '../scaffold/chooseChart.js';
import { readableTextConfig } from '../scaffold/readableText.js';
import { publishableTitle } from '../scaffold/publishableTitle.js';
import { proposeMap } from '../geo/proposeMap.js';

export interface NewOptions {
  cwd: string;
  /** The chart's name: the spec becomes `specs/NAME.vl.json`. */
  name: string;
  /** The table to chart, `data/FILE.csv`. */
  data: string;
}

/**
 * Scaffolds `specs/NAME.vl.json`: a chart suited to the table's column types
 * (see scaffold/chooseChart), its data url, a title and axis titles a
 * reporter could publish (scaffold/publishableTitle), a `usermeta.citechart`
 * to fill in, with 320 and 640 px artboards when the theme sets none. The house theme needs no mention: build
 * merges specs/theme.json under every spec. Never overwrites a file; a spec
 * that cannot be written (full disk, read-only folder, a file named specs) is
 * an error diagnostic, and a spec cut short is removed.
 */
export async function scaffoldChart(options: NewOptions): Promise<{ file?: string; kind?: string; diagnostics: Diagnostic[] }> {
  const file = specFile(options.name);
  const fail = (where: string, message: string) => ({ diagnostics: [{ file: where, severity: 'error' as const, message }] });
  if (!/^[a-z0-9][a-z0-9-]*$/.test(options.name)) return fail(file, messages.scaffold.badName(options.name));

  const project = await openProject(options.cwd);
  // A path the shell completed (absolute, or with Windows backslashes) names the same table.
  const given = path.isAbsolute(options.data) ? path.relative(project.cwd, options.data) : options.data;
  const data = given.split(path.sep).join('/').replace(/^\.\//, '');
  // sources.csv is the list of sources, not figures: no "did you mean" another table.
  if (checkUrl(data) || data === SOURCES_FILE) return fail(data, messages.scaffold.notDataTable(options.data));
  const known = await listDataFiles(project.cwd);
  if (!known.includes(data)) {
    const best = known.length ? closest(data, known) : undefined;
    const suggestion = best && distance(data, best) <= Math.max(2, Math.ceil(data.length / 3)) ? best : undefined;
    return fail(data, messages.scaffold.unknownData(known, suggestion));
  }

  // A big table's rows stay in polars (src/bigtable): there are none here to choose a chart from.
  if (await project.bigTable(data)) return fail(data, messages.scaffold.bigTable(data));
  const { table, diagnostics } = await project.table(data);
  if (!table || hasErrors(diagnostics)) return { diagnostics: capDiagnostics(diagnostics).concat([{ file: data, severity: 'error', message: messages.scaffold.tableHasErrors(data) }]) };
  if (!table.columns.length) return fail(data, messages.scaffold.noValueColumns(data));
  // Column types come from the rows, and a chart of nothing would not build.
  if (!table.rows.length) return fail(data, messages.scaffold.noRows(data));

  // A column of country or US state names/codes makes a map (src/geo); the map's layers carry their own data.
  const map = await proposeMap(project.cwd, table, data);
  const chart = map ?? chooseChart(table);
  // Phone-first: artboards for a phone and a desktop column, unless the theme gives every chart its own.
  const widths = themeArtboards(project.theme?.value as Record<string, unknown> | undefined).length || !fitsOneWidth(chart.body) ? {} : { widths: PHONE_AND_COLUMN };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: publishableTitle(path.basename(data, '.csv')),
    ...(map ? {} : { data: { url: data } }),
    ...chart.body,
    ...readableTextConfig(project.theme?.value as Record<string, unknown> | undefined),
    usermeta: { citechart: { notes: [], credit: '', ...widths } },
  };
  // A full disk, a read-only folder or a file named specs is the user's to fix: an error, never a stack trace.
  const cannot = (error: unknown, where: string) => {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code !== 'string') throw error;
    return fail(where, messages.scaffold.cannotWrite(code));
  };
  try {
    await mkdir(path.join(project.cwd, 'specs'), { recursive: true });
  } catch (error) {
    return cannot(error, 'specs');
  }
  // A specs/ that is a link (a cloned repository can hold one pointing anywhere) is
  // never written through: build would refuse to read the spec there anyway.
  const specsInfo = await lstat(path.join(project.cwd, 'specs'));
  if (specsInfo.isSymbolicLink()) return fail('specs', messages.scaffold.specsLink());
  if (!specsInfo.isDirectory()) return fail('specs', messages.scaffold.cannotWrite('ENOTDIR'));
  const target = path.join(project.cwd, file);
  let created = false;
  try {
    // `wx`: create only, so an existing spec (even one made a moment ago) is never replaced.
    const handle = await open(target, 'wx');
    created = true;
    try {
      await handle.writeFile(JSON.stringify(spec, null, 2) + '\n');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (!created && (error as NodeJS.ErrnoException).code === 'EEXIST') return fail(file, messages.scaffold.exists());
    // A spec cut short by a full disk would be invalid JSON that the next `new` refuses to replace.
    if (created) await rm(target, { force: true });
    return cannot(error, file);
  }
  return { file, kind: chart.kind, diagnostics };
}
