import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/progress/progressLine.js';

const stream = (isTTY: boolean) => {
  const writes: string[] = [];
  return { isTTY, columns: 60, write: (text: string) => writes.push(text), writes };
};

describe('progressLine', () => {
  it('redraws one line on a terminal: count, chart, time left; clears it', () => {
    const tty = stream(true);
    const line = progressLine(tty, {});
    line.update(1, 4, 'exports', 300);
    line.update(2, 4, 'prices', 600);
    line.clear();
    expect(tty.writes).toEqual([
      '\r\x1b[2K[1/4] exports · about 1 s left',
      '\r\x1b[2K[2/4] prices · about 1 s left',
      '\r\x1b[2K',
    ]);
  });

  it('cuts a long line to the terminal width', () => {
    const tty = stream(true);
    progressLine(tty, {}).update(1, 2, 'x'.repeat(200), 10);
    expect(tty.writes[0]!.length).toBeLessThanOrEqual('\r\x1b[2K'.length + 59);
  });

  it('writes nothing when not a terminal, or in CI', () => {
    for (const [target, env] of [[stream(false), {}], [stream(true), { CI: 'true' }]] as const) {
      const line = progressLine(target, env);
      line.update(1, 4, 'exports', 300);
      line.clear();
      expect(target.writes).toEqual([]);
    }
  });
});
