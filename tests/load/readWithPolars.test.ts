// Pins the explicit polars options: every column a string, and a long row an
// error rather than silently truncated.
import { expect, test } from 'vitest';
import { readWithPolars } from '../../src/load/readWithPolars.js';

test('every cell is read as a string, an empty cell as empty text', async () => {
  expect(await readWithPolars('code,n,when\n001,1e3,2024-04-01\n,"",x\n')).toEqual({
    width: 3,
    rows: [
      ['001', '1e3', '2024-04-01'],
      ['', '', 'x'],
    ],
  });
});

test('a row longer than the header is refused, not truncated', async () => {
  await expect(readWithPolars('a,b\n1,2,3\n')).rejects.toThrow(/more fields than defined/);
});

test('a column named height, width, shape or getColumns is a column like any other (issue 11, case 7)', async () => {
  // nodejs-polars answers `df.height` with the column named "height".
  for (const name of ['height', 'width', 'shape', 'getColumns']) {
    expect(await readWithPolars(`name,${name}\nA,180\nB,165\nC,170\n`)).toEqual({ width: 2, rows: [['A', '180'], ['B', '165'], ['C', '170']] });
  }
});
