import { readSources } from '../load/readSources.js';
import { chartCorrections } from './checkPublished.js';
import { comparePublished } from './comparePublished.js';
import type { TableTrail } from './drawnTrail.js';
import { readCorrections, type Correction } from './readCorrections.js';
import { readPublished, type Published } from './readPublished.js';

/** A correction a graphic should show and does not, or shows and no longer should. */
export interface CorrectionChange {
  kind: 'correction';
  table: 'data/corrections.csv';
  date: string;
  what: string;
  /** true: in the log now, not in the graphic; false: in the graphic, gone from the log. */
  added: boolean;
}

/** The correction log and publication record, read once per `verify` run. */
export function correctionLog(root: string): () => Promise<{ corrections: Correction[]; published: Published }> {
  let log: Promise<{ corrections: Correction[]; published: Published }> | undefined;
  return () =>
    (log ??= (async () => {
      const { sources } = await readSources(root);
      const [{ corrections }, { published }] = await Promise.all([readCorrections(root, sources), readPublished(root)]);
      return { corrections, published };
    })());
}

/**
 * The corrections the graphic of chart `name` would show now
 * (checkPublished.ts chooses them, from the rows its trail records)
 * compared with those it shows: a correction logged after the build, or
 * removed since, makes it stale. For a table over the recorded-rows cap,
 * only corrections naming the chart or the whole table are known to apply.
 */
export async function compareCorrections(
  name: string,
  trails: TableTrail[],
  shown: Array<{ date: string; what: string }>,
  log: ReturnType<typeof correctionLog>,
): Promise<CorrectionChange[]> {
  const { corrections, published } = await log();
  const tables = trails.filter((trail) => trail.file !== 'data/sources.csv');
  const drawn = tables.map((trail) => ({ table: trail.file, keys: (trail.rows ?? []).map(([key]) => key) }));
  const before = published.get(name);
  const changes = before ? comparePublished(before, tables) : [];
  const expected = chartCorrections(name, corrections, drawn, changes).map((c) => ({ date: c.date, what: c.what }));
  const id = (c: { date: string; what: string }) => `${c.date}\n${c.what}`;
  const has = new Set(shown.map(id));
  const wants = new Set(expected.map(id));
  return [
    ...expected.filter((c) => !has.has(id(c))).map((c) => ({ kind: 'correction' as const, table: 'data/corrections.csv' as const, ...c, added: true })),
    ...shown.filter((c) => !wants.has(id(c))).map((c) => ({ kind: 'correction' as const, table: 'data/corrections.csv' as const, ...c, added: false })),
  ];
}
