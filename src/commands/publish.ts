import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { listSpecs } from '../listSpecs.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { PUBLISHED_FILE, publishedText, readPublished } from '../trail/readPublished.js';
import { readProvenance } from '../verify/readProvenance.js';
import { writeAtomic } from '../write/writeAtomic.js';
import { verify } from './verify.js';

export interface PublishOptions {
  /** The project root. */
  cwd: string;
  /** Chart names (specs/NAME.vl.json). */
  names: string[];
}

export interface PublishResult {
  /** The charts recorded, each with how many rows it draws. */
  published: Array<{ name: string; rows: number }>;
  diagnostics: Diagnostic[];
}

/**
 * Records in published.json, for each named chart, the drawn rows of its
 * graphic as built (read from output/NAME.svg's JSON-LD, which must be up
 * to date: `verify`). Afterwards a build that would change a drawn figure
 * of the chart fails unless data/corrections.csv covers the change
 * (src/trail/checkPublished.ts). Writes nothing when any chart cannot be
 * published. Throws a UsageError when no name is given or one is no spec.
 */
export async function publish(options: PublishOptions): Promise<PublishResult> {
  const cwd = path.resolve(options.cwd);
  if (!options.names.length) throw new UsageError(messages.trail.nothingToPublish());
  const specs = await listSpecs(cwd);
  for (const name of options.names) if (!specs.includes(name)) throw new UsageError(messages.trail.publishUnknown(name));

  const { published, diagnostics } = await readPublished(cwd);
  if (diagnostics.length) return { published: [], diagnostics };
  const done: PublishResult['published'] = [];
  for (const name of [...new Set(options.names)]) {
    const file = `output/${name}.svg`;
    const bytes = await readFile(path.join(cwd, 'output', `${name}.svg`)).catch(() => undefined);
    const provenance = bytes && (await readProvenance(file, bytes));
    if (!provenance) {
      diagnostics.push({ file, severity: 'error', message: messages.trail.publishUnbuilt(name) });
      continue;
    }
    const verdict = (await verify({ cwd, files: [file] })).verdicts[0];
    if (verdict?.status !== 'up to date') {
      diagnostics.push({ file, severity: 'error', message: messages.trail.publishStale(name) });
      continue;
    }
    const tables = provenance.trails.filter((trail) => trail.file !== 'data/sources.csv');
    published.set(name, tables);
    done.push({ name, rows: tables.reduce((sum, trail) => sum + trail.count, 0) });
  }
  if (diagnostics.length) return { published: [], diagnostics };
  await writeAtomic(path.join(cwd, PUBLISHED_FILE), publishedText(published));
  return { published: done, diagnostics };
}
