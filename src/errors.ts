import type { Diagnostic } from './model.js';
import * as messages from './messages.js';
import { showInvisible } from './visibleText.js';

// User mistakes in files are not thrown: commands return them as
// diagnostics, so every problem is reported at once.

/** A mistake in how the command was called (unknown chart name, bad flag): exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `file:line:col: error: message`, the form editors turn into links. */
export function formatDiagnostic(d: Diagnostic): string {
  // A file name with a direction override would reorder the whole line as printed.
  const where = [showInvisible(d.file), d.line, d.line !== undefined ? d.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  return `${where}: ${d.severity}: ${d.message}`;
}

export function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

// One fixed collation: `localeCompare` follows the machine's locale, so a
// Swedish laptop and CI would list `data/ä.csv` in different places. Made on
// first use: an Intl object made while the module loads cannot be kept in
// the startup snapshot (src/startup/snapshotEntry.ts).
let collator: Intl.Collator | undefined;
const byFileName = (a: string, b: string) => (collator ??= new Intl.Collator('en')).compare(a, b);

/** Sorted by file, then line, then column, so `check` output reads top to bottom. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.slice().sort(
    (a, b) =>
      byFileName(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

/** At most this many problems are listed per file; the rest are counted in one last line (README, "Command line"). */
export const MAX_PROBLEMS_PER_FILE = 100;

// The summaries capDiagnostics made, with how many problems each stands for,
// so capping an already capped list (check adds lint warnings to the
// loaders' problems) merges them into one summary per file.
const hiddenBy = new WeakMap<Diagnostic, number>();

/**
 * The first `max` diagnostics of each file, in the order given, and for a
 * file with more, one diagnostic "and N more problems like these in FILE"
 * in place of the rest: at the position of the first one left out (so
 * sorting keeps it after those shown), an error if any left out is. A CSV
 * with 150,000 bad rows would otherwise print 150,000 lines, and nobody
 * reads past the first screen: the first problems show the pattern.
 */
export function capDiagnostics(diagnostics: readonly Diagnostic[], max = MAX_PROBLEMS_PER_FILE): Diagnostic[] {
  const shown = new Map<string, number>();
  const left = new Map<string, { first: Diagnostic; count: number; error: boolean }>();
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const hidden = hiddenBy.get(d);
    const count = shown.get(d.file) ?? 0;
    if (hidden === undefined && count < max) {
      shown.set(d.file, count + 1);
      kept.push(d);
      continue;
    }
    const out = left.get(d.file);
    if (out) {
      out.count += hidden ?? 1;
      out.error ||= d.severity === 'error';
    } else left.set(d.file, { first: d, count: hidden ?? 1, error: d.severity === 'error' });
  }
  for (const [file, { first, count, error }] of left) {
    const summary: Diagnostic = {
      file,
      ...(first.line !== undefined ? { line: first.line } : {}),
      ...(first.column !== undefined ? { column: first.column } : {}),
      severity: error ? 'error' : 'warning',
      message: messages.build.moreProblems(count, file, max),
    };
    hiddenBy.set(summary, count);
    kept.push(summary);
  }
  return kept;
}
