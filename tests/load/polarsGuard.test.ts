// When polars fails or sees different rows than the scanner, the file is
// refused with a diagnostic: never a stack trace, never misnumbered lines.
import { beforeEach, expect, test, vi } from 'vitest';
import { readCitedTable } from '../../src/load/index.js';
import { readWithPolars } from '../../src/load/readWithPolars.js';
import type { Source } from '../../src/model.js';
import { format, project } from '../helpers/project.js';

vi.mock('../../src/load/readWithPolars.js', () => ({ readWithPolars: vi.fn() }));
// These files are small: polars reads them only when the scanner may not stand alone.
vi.mock('../../src/load/scannerSuffices.js', () => ({ scannerSuffices: () => false }));
const polars = vi.mocked(readWithPolars);
beforeEach(() => {
  polars.mockReset();
});

const sources = new Map([['s', { id: 's' } as Source]]);
async function read() {
  const cwd = await project({ 'data/t.csv': 'v,source\n1,s\n\n2,s\n' });
  const { table, diagnostics } = await readCitedTable(cwd, 'data/t.csv', sources);
  return { table, messages: format(diagnostics) };
}

test('the scanner hands polars only the header and the well-formed rows', async () => {
  polars.mockResolvedValue({ width: 2, rows: [['1', 's'], ['2', 's']] });
  const { messages } = await read();
  expect(messages).toEqual([]);
  expect(polars).toHaveBeenCalledWith('v,source\n1,s\n2,s\n', ',');
});

test('a polars error becomes a file-level diagnostic (first line of its message)', async () => {
  polars.mockRejectedValue(new Error('could not parse\n\nlong advice'));
  expect(await read()).toEqual({
    table: undefined,
    messages: ['data/t.csv: error: cannot read data/t.csv: could not parse'],
  });
});

test.each([
  ['fewer rows', { width: 2, rows: [['1', 's']] }, 1],
  ['another width', { width: 3, rows: [['1', 's', ''], ['2', 's', '']] }, 1],
  ['a different cell', { width: 2, rows: [['1', 's'], ['3', 's']] }, 4],
])('polars seeing %s than the scanner refuses the file', async (_, result, line) => {
  polars.mockResolvedValue(result);
  expect(await read()).toEqual({
    table: undefined,
    messages: [
      `data/t.csv:${line}:1: error: citechart's line scanner and the CSV reader (polars) disagree about this file's rows; please report this file as a citechart bug`,
    ],
  });
});
