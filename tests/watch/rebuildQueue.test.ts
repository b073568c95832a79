import { describe, expect, it } from 'vitest';
import { RebuildQueue } from '../../src/watch/rebuildQueue.js';

describe('RebuildQueue', () => {
  it('runs one build at a time and gathers the charts asked for meanwhile into the next one', async () => {
    const calls: string[][] = [];
    let running = 0;
    let release!: () => void;
    const firstBlocked = new Promise<void>((resolve) => (release = resolve));
    const queue = new RebuildQueue(async (names) => {
      running++;
      expect(running).toBe(1);
      calls.push(names);
      if (calls.length === 1) await firstBlocked;
      running--;
    });
    queue.add(['b']);
    queue.add(['c', 'a']);
    queue.add(['a']);
    release();
    await queue.idle();
    expect(calls).toEqual([['b'], ['a', 'c']]);
  });

  it('keeps working after a failed build', async () => {
    const calls: string[][] = [];
    const queue = new RebuildQueue(async (names) => {
      calls.push(names);
      if (names[0] === 'bad') throw new Error('boom');
    });
    queue.add(['bad']);
    await queue.idle().catch(() => undefined);
    queue.add(['good']);
    await queue.idle();
    expect(calls).toEqual([['bad'], ['good']]);
  });
});
