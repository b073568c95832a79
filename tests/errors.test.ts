import { describe, expect, it } from 'vitest';
import { capDiagnostics, formatDiagnostic, sortDiagnostics } from '../src/errors.js';
import type { Diagnostic } from '../src/model.js';
import { pushAll } from '../src/pushAll.js';

const problem = (file: string, line: number, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({ file, line, column: 3, severity, message: `problem on ${line}` });

describe('pushAll', () => {
  it('appends 300,000 items, which push(...items) cannot (call stack)', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => i);
    expect(() => [0].push(...many)).toThrow(RangeError);
    const target = [-1];
    expect(pushAll(target, many, [7])).toBe(target);
    expect(target).toHaveLength(300_002);
    expect(target.at(-1)).toBe(7);
  });
});

describe('capDiagnostics', () => {
  it('keeps the first few of each file and counts the rest at the first one left out', () => {
    const list = [problem('a.csv', 1), problem('b.csv', 1), problem('a.csv', 2), problem('a.csv', 3, 'warning'), problem('a.csv', 4)];
    expect(capDiagnostics(list, 2).map(formatDiagnostic)).toEqual([
      'a.csv:1:3: error: problem on 1',
      'b.csv:1:3: error: problem on 1',
      'a.csv:2:3: error: problem on 2',
      'a.csv:3:3: error: and 2 more problems like these in a.csv (only the first 2 of a file are listed); fix those above and run check again',
    ]);
  });

  it('says warning when only warnings are left out, and leaves a short list alone', () => {
    const list = [problem('a.csv', 1), problem('a.csv', 2, 'warning')];
    expect(capDiagnostics(list, 1).at(-1)!.severity).toBe('warning');
    expect(capDiagnostics(list, 2)).toEqual(list);
  });

  it('capping a capped list again gives one summary per file with the total', () => {
    const first = capDiagnostics(Array.from({ length: 250 }, (_, i) => problem('a.csv', i + 1)));
    const again = sortDiagnostics(capDiagnostics(sortDiagnostics(first.concat([problem('a.csv', 300, 'warning')]))));
    expect(again).toHaveLength(101);
    expect(formatDiagnostic(again.at(-1)!)).toBe(
      'a.csv:101:3: error: and 151 more problems like these in a.csv (only the first 100 of a file are listed); fix those above and run check again',
    );
  });
});
