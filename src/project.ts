import path from 'node:path';
import { checkFields } from './compile/checkFields.js';
import { readTheme, type ChartSpec } from './compile/readSpec.js';
import type { JsonFile } from './compile/readJsonFile.js';
import { capDiagnostics, UsageError } from './errors.js';
import { locateProjectFile, readCitedTable, readSources } from './load/index.js';
import { recordReads, type ReadLedger } from './load/readLedger.js';
import { projectFileExists } from './load/memoryFolder.js';
import type { CitedTable, Diagnostic, Source } from './model.js';
import * as messages from './messages.js';
import { pushAll } from './pushAll.js';

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
  table(file: string): Promise<{ table?: CitedTable; diagnostics: Diagnostic[] }>;
  /** The tables a spec references, checked to be real files inside the project and typed as the spec plots them. */
  tablesFor(spec: ChartSpec): Promise<{ tables: Map<string, CitedTable>; diagnostics: Diagnostic[] }>;
}

export async function openProject(cwd: string): Promise<Project> {
  const root = path.resolve(cwd);
  if (!projectFileExists(root, 'specs') && !projectFileExists(root, 'data')) {
    throw new UsageError(messages.build.notAProject(root));
  }
  const readHashes: ReadLedger = new Map();
  const [sources, theme] = await recordReads(readHashes, () => Promise.all([readSources(root), readTheme(root)]));
  const tables = new Map<string, ReturnType<Project['table']>>();
  const project: Project = {
    cwd: root,
    sources: sources.sources,
    theme: theme.theme,
    diagnostics: capDiagnostics(sources.diagnostics.concat(theme.diagnostics)),
    readHashes,
    table(file) {
      let table = tables.get(file);
      if (!table) {
        table = recordReads(readHashes, () => readCitedTable(root, file, sources.sources));
        tables.set(file, table);
      }
      return table;
    },
    async tablesFor(spec) {
      const found = new Map<string, CitedTable>();
      const diagnostics: Diagnostic[] = [];
      for (const ref of spec.dataRefs) {
        if (found.has(ref.file)) continue;
        // Refused at the spec's url, before the file is opened (a FIFO would block forever).
        const where = await locateProjectFile(root, ref.file);
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
      return { tables: found, diagnostics };
    },
  };
  return project;
}

// In its own module so `build` can list charts without loading the readers.
export { listSpecs } from './listSpecs.js';
