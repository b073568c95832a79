import type { Diagnostic } from './model.js';

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
  const where = [d.file, d.line, d.line !== undefined ? d.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  return `${where}: ${d.severity}: ${d.message}`;
}

export function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

// One fixed collation: `localeCompare` follows the machine's locale, so a
// Swedish laptop and CI would list `data/ä.csv` in different places.
const byFileName = new Intl.Collator('en').compare;

/** Sorted by file, then line, then column, so `check` output reads top to bottom. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      byFileName(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}
