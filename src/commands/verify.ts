import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { specialKind } from '../load/locateProjectFile.js';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { GALLERY } from '../preview/writeGallery.js';
import { readManifest } from '../write/manifest.js';
import { isComplete } from '../verify/checkComplete.js';
import { checkInputs, type InputCheck } from '../verify/checkInputs.js';
import { graphicKind, provenanceCandidates, readAllProvenance } from '../verify/readProvenance.js';
import { compareTrail, trailReader, type RowChange } from '../trail/compareTrail.js';
import { compareCorrections, correctionLog } from '../trail/compareCorrections.js';

export interface VerifyOptions {
  /** Where FILE arguments are resolved (the shell's folder). */
  cwd: string;
  /** Graphics to check, relative to cwd. */
  files?: string[];
  /** Check every .svg, .png, .html and .pdf in the project's output/. */
  all?: boolean;
  /** The project root the recorded inputs are relative to; cwd by default. */
  project?: string;
}

export type FileVerdict =
  | { file: string; status: 'up to date' }
  /** `rows`: what changed in the rows it draws and the sources it cites (src/trail/compareTrail.ts). */
  | ({ file: string; status: 'stale'; rows: RowChange[] } & InputCheck)
  /** In output/, but no chart writes it any more: a rebuild would not refresh it. */
  | { file: string; status: 'left over' }
  | { file: string; status: 'not a graphic' };

export interface VerifyResult {
  verdicts: FileVerdict[];
  /** Files that could not be read at all. */
  diagnostics: Diagnostic[];
}

/** What `--all` checks: the graphics build writes (not the manifest). */
export const GRAPHIC_EXTENSIONS = ['.svg', '.png', '.html', '.pdf'];

/**
 * Is each graphic still what its data would build? Reads the provenance
 * inside the file (not the manifest, so a graphic copied out of the project
 * can be checked) and compares the sha256 of every input it records with
 * the file at the same path under the project root.
 */
export async function verify(options: VerifyOptions): Promise<VerifyResult> {
  const cwd = path.resolve(options.cwd);
  const root = path.resolve(cwd, options.project ?? '.');
  if (!existsSync(path.join(root, 'specs')) && !existsSync(path.join(root, 'data'))) {
    throw new UsageError(messages.verify.notAProject(root));
  }
  if (!options.all && !options.files?.length) throw new UsageError(messages.verify.nothingToVerify());

  const shown = (file: string) => path.relative(cwd, file).split(path.sep).join('/') || file;
  const targets = (options.files ?? []).map((file) => path.resolve(cwd, file));
  const diagnostics: Diagnostic[] = [];
  if (options.all) {
    const outDir = path.join(root, 'output');
    const entries = await readdir(outDir).catch(() => undefined);
    // The gallery page is an index of the graphics, not a graphic: it cites nothing itself.
    const graphics = (entries ?? [])
      .filter((name) => name !== GALLERY && GRAPHIC_EXTENSIONS.includes(path.extname(name).toLowerCase()))
      .sort();
    if (!graphics.length) diagnostics.push({ file: shown(outDir), severity: 'error', message: messages.verify.noGraphics() });
    for (const name of graphics) if (!targets.includes(path.join(outDir, name))) targets.push(path.join(outDir, name));
  }

  const leftOver = await leftOverTest(root);
  const readTrail = trailReader(root);
  const log = correctionLog(root);
  const verdicts: FileVerdict[] = [];
  for (const target of targets) {
    const file = shown(target);
    let bytes: Buffer;
    try {
      // A named pipe or device is never opened: reading one waits forever (`verify --all` in CI would hang).
      const kind = specialKind(await stat(target));
      if (kind) {
        diagnostics.push({ file, severity: 'error', message: messages.load.notAFile(file, kind) });
        continue;
      }
      bytes = await readFile(target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      diagnostics.push({ file, severity: 'error', message: code === 'ENOENT' ? messages.load.missingFile(file) : messages.load.unreadable(file, code ?? String(error)) });
      continue;
    }
    const records = await readAllProvenance(target, bytes);
    const kind = graphicKind(target, bytes);
    // A PDF keeps its XMP near its end (PDFKit writes the metadata last): one cut short has lost it, and is damaged, not foreign.
    if (!records.length && !(kind === 'pdf' && !isComplete(kind, bytes))) {
      // A provenance element naming citechart that no longer reads is a damaged or hand-edited record, not a foreign file.
      const damaged = (await provenanceCandidates(target, bytes)).some((text) => /citechart/i.test(text));
      if (damaged) diagnostics.push({ file, severity: 'error', message: messages.verify.provenanceDamaged(kind.toUpperCase()) });
      else verdicts.push({ file, status: 'not a graphic' });
      continue;
    }
    // A graphic cut short still records its inputs near its start: never "up to date".
    if (!isComplete(kind, bytes)) {
      diagnostics.push({ file, severity: 'error', message: messages.verify.incomplete(kind.toUpperCase()) });
      continue;
    }
    // A page of several charts is up to date only when every one of them is.
    // Whole files (spec, theme, sidecars) by hash; tables and sources.csv by the rows drawn (older graphics: by hash).
    const checks = await Promise.all(records.map((record) => checkInputs(root, record.inputs, record.trails.map((trail) => trail.file))));
    const merged = (key: keyof InputCheck) => [...new Set(checks.flatMap((c) => c[key]))];
    const check: InputCheck = { changed: merged('changed'), missing: merged('missing'), outside: merged('outside'), added: merged('added') };
    const rows: RowChange[] = [];
    const seen = new Set<string>();
    // Only tables inside the project are read (checkInputs sorted the others into outside and missing).
    const unread = new Set([...check.outside, ...check.missing]);
    for (const record of records) {
      const found = await compareTrail(record.trails.filter((trail) => !unread.has(trail.file)), readTrail);
      // Graphics built before the trail record no rows: their corrections are not judged.
      if (record.trails.length) for (const change of await compareCorrections(record.name, record.trails, record.corrections ?? [], log)) found.push(change);
      for (const change of found) {
        const id = JSON.stringify(change);
        if (!seen.has(id)) (seen.add(id), rows.push(change));
      }
    }
    const stale = check.changed.length + check.missing.length + check.outside.length + check.added.length + rows.length > 0;
    if (stale && !check.outside.length && records.every((record) => leftOver(target, record.name))) {
      verdicts.push({ file, status: 'left over' });
      continue;
    }
    verdicts.push(stale ? { file, status: 'stale', rows, ...check } : { file, status: 'up to date' });
  }
  return { verdicts, diagnostics };
}

/**
 * Whether a stale file is one no chart writes any more: in the project's
 * output/, named as build names the files of the chart it records, but not
 * among the files of the manifest (an artboard of a width the spec dropped,
 * the files of a deleted spec). "Rebuild" would not refresh it; deleting
 * does. Without a manifest nothing is called left over.
 */
async function leftOverTest(root: string): Promise<(target: string, chart: string) => boolean> {
  const outDir = path.join(root, 'output');
  const manifest = await readManifest(outDir);
  const written = new Set(Object.values(manifest.charts).flatMap((entry) => (Array.isArray(entry.files) ? entry.files : [])));
  if (!written.size) return () => false;
  return (target, chart) => {
    const name = path.basename(target);
    // Only a file named as build names this chart's files: anything else put in output/ is just stale.
    const ours = [`${chart}.svg`, `${chart}.png`, `${chart}.html`, `${chart}.pdf`].includes(name) || (name.startsWith(`${chart}-`) && /^-\d+w\.svg$/.test(name.slice(chart.length)));
    return path.dirname(target) === outDir && ours && !written.has(`output/${name}`);
  };
}
