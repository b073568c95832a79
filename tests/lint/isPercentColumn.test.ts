import { describe, expect, it } from 'vitest';
import { isPercentColumn } from '../../src/lint/isPercentColumn.js';
import * as messages from '../../src/messages.js';
import type { CitedTable } from '../../src/model.js';

const table = (extra: Record<string, unknown> = {}) =>
  ({ file: 'data/t.csv', columns: ['share'], types: { share: 'number' }, rows: [], ...extra }) as CitedTable;

describe('isPercentColumn', () => {
  it('reads the loader\'s percent flag when there is one', () => {
    expect(isPercentColumn(table({ columnInfo: { share: { type: 'number', percent: true } } }), 'share')).toBe(true);
    expect(isPercentColumn(table({ columnInfo: { share: { type: 'number', percent: false } } }), 'share')).toBe(false);
    expect(isPercentColumn(table(), 'share')).toBe(false);
  });
  it('makes missing-unit ask for "%" outright', () => {
    expect(messages.lint.missingUnit('share', 'x', 'Share', true)).toBe(
      'column "share" on x has no unit: its title "Share" and format name none (%, $, million, …); its cells are written as percentages, so write "Share (%)" (not a "%" format: it multiplies by 100 and would print 6100%)',
    );
  });
});
