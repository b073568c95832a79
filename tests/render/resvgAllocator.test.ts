// resvg's allocator keeps a chart's freed pages for the thread's next chart
// (issue 15: a warm build's page faults): the variable mimalloc reads.
import { describe, expect, it } from 'vitest';
import { keepResvgPagesBetweenCharts, PURGE_DELAY_VARIABLE, RESVG_PURGE_DELAY_MS } from '../../src/render/resvgAllocator.js';

describe('keepResvgPagesBetweenCharts', () => {
  it('sets MIMALLOC_PURGE_DELAY on the main thread when the user has not', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(keepResvgPagesBetweenCharts(env, true)).toBe(String(RESVG_PURGE_DELAY_MS));
    expect(env).toEqual({ MIMALLOC_PURGE_DELAY: String(RESVG_PURGE_DELAY_MS) });
    expect(PURGE_DELAY_VARIABLE).toBe('MIMALLOC_PURGE_DELAY');
  });

  it("keeps the user's own value, -1 or 0 included", () => {
    for (const value of ['-1', '0', '10']) {
      const env: NodeJS.ProcessEnv = { MIMALLOC_PURGE_DELAY: value };
      expect(keepResvgPagesBetweenCharts(env, true)).toBe(value);
      expect(env.MIMALLOC_PURGE_DELAY).toBe(value);
    }
  });

  it("leaves a worker's copy of the environment alone (native code never reads it)", () => {
    const env: NodeJS.ProcessEnv = {};
    expect(keepResvgPagesBetweenCharts(env, false)).toBeUndefined();
    expect(env).toEqual({});
  });

  it('is longer than the gap between two charts on one thread, and finite (a huge chart is handed back)', () => {
    expect(RESVG_PURGE_DELAY_MS).toBeGreaterThanOrEqual(100);
    expect(RESVG_PURGE_DELAY_MS).toBeLessThanOrEqual(2000);
  });
});
