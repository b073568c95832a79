import { describe, expect, test } from 'vitest';
import { scanCsv } from '../../src/load/scanCsv.js';

const positions = (text: string) =>
  scanCsv(text).map((r) => ({
    line: r.line,
    blank: r.blank,
    fields: r.fields.map((f) => [f.text, f.line, f.column]),
    problem: r.problem,
  }));

describe('scanCsv', () => {
  test('records the line and column where every field starts, across quoted newlines', () => {
    const text = 'a,b\r\n"x\n""y""",2\r\n\r\nlast,"3"';
    expect(positions(text)).toEqual([
      { line: 1, blank: false, fields: [['a', 1, 1], ['b', 1, 3]], problem: undefined },
      { line: 2, blank: false, fields: [['x\n"y"', 2, 1], ['2', 3, 8]], problem: undefined },
      { line: 4, blank: true, fields: [], problem: undefined },
      { line: 5, blank: false, fields: [['last', 5, 1], ['3', 5, 6]], problem: undefined },
    ]);
  });

  test('keeps offsets of each record without its line terminator', () => {
    const text = 'a,b\r\n1,"2\r\n3"\n';
    const [header, row] = scanCsv(text);
    expect(text.slice(header!.start, header!.end)).toBe('a,b');
    expect(text.slice(row!.start, row!.end)).toBe('1,"2\r\n3"');
  });

  test('a trailing comma is an empty last field; a quote inside plain text is literal', () => {
    expect(positions('a,b"c,')[0]!.fields).toEqual([['a', 1, 1], ['b"c', 1, 3], ['', 1, 7]]);
  });

  test('reports an unclosed quote at the cell that opens it', () => {
    expect(positions('a,b\n1,"never\nclosed\n')[1]!.problem).toEqual({ kind: 'unclosedQuote', line: 2, column: 3 });
  });

  test('reports text after a closing quote where it starts', () => {
    expect(positions('a,b\n"ab"c,d\n')[1]!.problem).toEqual({ kind: 'textAfterQuote', line: 2, column: 5 });
  });

  test('reports a bare carriage return (old Mac line endings)', () => {
    expect(positions('a,b\r1,2\r')[0]!.problem).toEqual({ kind: 'loneCarriageReturn', line: 1, column: 4 });
  });
});
