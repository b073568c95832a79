import type { CellValue } from '../model.js';
import type { TableTrail } from './drawnTrail.js';

/** A drawn figure that differs from the graphic as published. */
export type FigureChange =
  | { kind: 'changed'; table: string; key: string; column: string; old: CellValue; now: CellValue }
  /** A row published that the chart no longer draws. */
  | { kind: 'removed'; table: string; key: string }
  /** A row the chart now draws that was not published. */
  | { kind: 'added'; table: string; key: string }
  /** Over the recorded-rows cap (drawnTrail.ts): only the table's digest is known to differ. */
  | { kind: 'digest'; table: string };

/** Citation columns are not figures: a note or quote fixed needs no correction. */
const CITATION = new Set(['source', 'quote', 'note', 'derived']);

/**
 * The figures of `current` that differ from `published`, table by table
 * (tables in path order, rows in key order): each value cell changed, each
 * row no longer drawn or newly drawn. Empty when the graphic still shows
 * the figures it was published with.
 */
export function comparePublished(published: TableTrail[], current: TableTrail[]): FigureChange[] {
  const changes: FigureChange[] = [];
  const files = [...new Set([...published, ...current].map((trail) => trail.file))].filter((file) => file !== 'data/sources.csv').sort();
  for (const file of files) {
    const before = published.find((trail) => trail.file === file);
    const after = current.find((trail) => trail.file === file);
    if (before?.whole || after?.whole) {
      if (before?.digest !== after?.digest) changes.push({ kind: 'digest', table: file });
      continue;
    }
    const old = new Map((before?.rows ?? []).map(([key, ...cells]) => [key, cells]));
    const now = new Map((after?.rows ?? []).map(([key, ...cells]) => [key, cells]));
    const columns = after?.columns ?? before?.columns ?? [];
    const keys = [...new Set([...old.keys(), ...now.keys()])].sort();
    for (const key of keys) {
      const was = old.get(key);
      const is = now.get(key);
      if (!is) changes.push({ kind: 'removed', table: file, key });
      else if (!was) changes.push({ kind: 'added', table: file, key });
      else {
        for (const column of columns) {
          if (CITATION.has(column)) continue;
          const i = before!.columns.indexOf(column);
          const j = after!.columns.indexOf(column);
          const a = i < 0 ? null : (was[i] ?? null);
          const b = j < 0 ? null : (is[j] ?? null);
          if (a !== b) changes.push({ kind: 'changed', table: file, key, column, old: a, now: b });
        }
      }
    }
  }
  return changes;
}
