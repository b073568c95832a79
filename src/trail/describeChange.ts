import * as messages from '../messages.js';
import type { RowChange } from './compareTrail.js';

/** A row change as verify prints it: `data/x.csv row "China": share was 90, now 91`. */
export function describeChange(change: RowChange): string {
  const source = change.table === 'data/sources.csv';
  switch (change.kind) {
    case 'changed':
      return source ? messages.trail.sourceChanged(change.key, change.column, change.old, change.now) : messages.trail.rowChanged(change.table, change.key, change.column, change.old, change.now);
    case 'removed':
      return source ? messages.trail.sourceRemoved(change.key) : messages.trail.rowRemoved(change.table, change.key);
    case 'added':
      return messages.trail.rowAdded(change.table, change.key);
    case 'digest':
      return messages.trail.rowsChanged(change.table, change.count, change.cap);
    case 'correction':
      return change.added ? messages.trail.correctionAdded(change.date, change.what) : messages.trail.correctionRemoved(change.date, change.what);
    case 'unreadable':
      return messages.trail.tableUnreadable(change.table);
  }
}
