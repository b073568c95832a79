import type { RowOrigin } from '../compile/injectData.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { TruncatedLabel } from './truncatedLabels.js';

/**
 * A warning per label drawn cut, showing it whole, at the CSV cell it came
 * from (the first drawn cell holding exactly that text) or, for a label the
 * spec wrote or computed, at the spec file. `width` (px): the artboard the
 * labels were drawn in, named in the message; none for the spec's own layout.
 */
export function truncationWarnings(labels: TruncatedLabel[], origins: RowOrigin[], specFile: string, width?: number): Diagnostic[] {
  if (!labels.length) return [];
  const wanted = new Set(labels.map((label) => label.text));
  const cells = new Map<string, { file: string; line: number; column: number }>();
  for (const { table, row } of origins) {
    for (const [column, value] of Object.entries(row.values)) {
      const text = typeof value === 'string' ? value.trim() : String(value);
      const at = row.positions[column];
      if (at && wanted.has(text) && !cells.has(text)) cells.set(text, { file: table.file, ...at });
    }
  }
  return labels.map(({ text, drawn, limit }) => ({
    file: specFile,
    ...cells.get(text),
    severity: 'warning' as const,
    message: messages.spec.labelTruncated(text, drawn, limit, width),
  }));
}
