import path from 'node:path';
import { checkFields } from './compile/checkFields.js';
import { readTheme, type ChartSpec } from './compile/readSpec.js';
import type { JsonFile } from './compile/readJsonFile.js';
import { capDiagnostics, UsageError } from './errors.js';
import { locateProjectFile, readCitedTable, readSources } from './load/index.js';
import type { Located } from './load/locateProjectFile.js';
import { recordReads, type ReadLedger } from './load/readLedger.js';
import { projectFileExists } from './load/memoryFolder.js';
import type { CitedTable, Diagnostic, Source } from './model.js';
import * as messages from './messages.js';
import { pushAll } from './pushAll.js';
import { bigTableKind, isParquetPath } from './bigtable/bigTableFile.js';
import { openBigTable, type BigTable } from './bigtable/openBigTable.js';
import { checkBigTableNumbers } from './bigtable/checkBigTableNumbers.js';

/**
 * What every chart of a project shares, read once per command: sources,
 * theme, and the tables (each read at most once however many charts use it).
 */
export interface Project {
  cwd: string;
  sources: Map<string, Source>;
  theme?: JsonFile;
  /** Problems with sources.csv and the theme; an error here fails every chart. */
  diagnostics: Diagnostic[];
  /** sha256 of the bytes this project read of each file (sources, theme, tables, sidecars): what its charts are drawn from. */
  readHashes: ReadonlyMap<string, string>;
  /** A table read row by row (src/load); for a big table, its problems only (no rows: charts read it through polars). */
  table(file: string): Promise<{ table?: CitedTable; diagnostics: Diagnostic[] }>;
  /** A big table (a Parquet file or folder, or a CSV over LIMITS.bigCsvBytes: src/bigtable), opened once; undefined when `file` is not one. */
  bigTable(file: string): Promise<{ table?: BigTable; diagnostics: Diagnostic[] } | undefined>;
  /**
   * The tables a spec references, checked to be real files inside the
   * project and typed as the spec plots them. `ready`: tables already
   * loaded for it (big tables, through polars: src/bigtable/pushDownChart.ts).
   */
  tablesFor(spec: ChartSpec, ready?: Map<string, CitedTable>): Promise<{ tables: Map<string, CitedTable>; diagnostics: Diagnostic[] }>;
}

export async function openProject(cwd: string): Promise<Project> {
  const root = path.resolve(cwd);
  if (!projectFileExists(root, 'specs') && !projectFileExists(root, 'data')) {
    throw new UsageError(messages.build.notAProject(root));
  }
  const readHashes: ReadLedger = new Map();
  const [sources, theme] = await recordReads(readHashes, () => Promise.all([readSources(root), readTheme(root)]));
  const tables = new Map<string, ReturnType<Project['table']>>();
  const bigTables = new Map<string, ReturnType<Project['bigTable']>>();
  // Where each table is, asked of the file system once per project (each chart using it asked twice before: issue 15).
  const located = new Map<string, Promise<Located>>();
  const locate = (file: string) => {
    let where = located.get(file);
    if (!where) located.set(file, (where = locateProjectFile(root, file)));
    return where;
  };
  const project: Project = {
    cwd: root,
    sources: sources.sources,
    theme: theme.theme,
    diagnostics: capDiagnostics(sources.diagnostics.concat(theme.diagnostics)),
    readHashes,
    table(file) {
      let table = tables.get(file);
      if (!table) {
        // A big table as `check` sees it: its columns and its sources' row counts, no rows (charts read it through polars).
        table = project.bigTable(file).then((big) =>
          big ? { ...(big.table && { table: bigTableOutline(big.table) }), diagnostics: big.diagnostics } : recordReads(readHashes, () => readCitedTable(root, file, sources.sources)),
        );
        tables.set(file, table);
      }
      return table;
    },
    bigTable(file) {
      let big = bigTables.get(file);
      if (!big) {
        big = (async () => {
          const where = await locate(file);
          const folder = where.place === 'special' && where.kind === 'folder' && isParquetPath(file);
          if ((where.place !== 'inside' && !folder) || !(await bigTableKind(file, path.join(root, file)))) return undefined;
          const opened = await openBigTable(root, file, sources.sources);
          // Hashed by streaming (src/bigtable/hashBigTable.ts): the graphic's input hash and the build cache key.
          if (opened.table) readHashes.set(file, opened.table.sha256);
          return opened;
        })();
        bigTables.set(file, big);
      }
      return big;
    },
    async tablesFor(spec, ready) {
      const found = new Map<string, CitedTable>();
      const diagnostics: Diagnostic[] = [];
      for (const ref of spec.dataRefs) {
        if (found.has(ref.file)) continue;
        const done = ready?.get(ref.file);
        if (done) {
          found.set(ref.file, done);
          continue;
        }
        // Refused at the spec's url, before the file is opened (a FIFO would block forever).
        const where = await locate(ref.file);
        if (where.place !== 'inside') {
          const message =
            where.place === 'missing'
              ? messages.spec.dataUrlUnknown(ref.file)
              : where.place === 'outside'
                ? messages.spec.dataLinkOutside(ref.file, where.real)
                : messages.spec.dataNotAFile(ref.file, where.kind);
          diagnostics.push(spec.json.diagnostic([...ref.jsonPath, 'url'], message));
          continue;
        }
        const loaded = await project.table(ref.file);
        pushAll(diagnostics, loaded.diagnostics);
        if (loaded.table) found.set(ref.file, loaded.table);
      }
      pushAll(diagnostics, checkFields(spec.json, spec.vegaLite, [...found.values()]));
      for (const table of found.values()) {
        const big = table.summary && (await project.bigTable(table.file))?.table;
        if (big) pushAll(diagnostics, await checkBigTableNumbers(spec.json, spec.vegaLite, big));
      }
      return { tables: found, diagnostics };
    },
  };
  return project;
}

/** A big table without its rows: columns, types, and the rows citing each source (the lint rule unused-source counts them). */
function bigTableOutline(big: BigTable): CitedTable {
  const bySource = new Map([...big.rowsBySource].map(([id, read]) => [id, { read, kept: read }]));
  return { file: big.file, columns: big.columns, types: big.types, rows: [], summary: { rowsRead: big.rows, rowsKept: big.rows, rowsOut: 0, bySource } };
}

// In its own module so `build` can list charts without loading the readers.
export { listSpecs } from './listSpecs.js';
