// Where resvg draws (issue 15, the warm build's page faults): on this thread
// once sharp is loaded (a render worker loads it before its first chart), so
// the thread reuses the pages its allocator kept; a process's first PNG on
// libuv's pool, while sharp loads. Either way the same PNG bytes.
import { describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
vi.mock('../../src/render/loadResvg.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/render/loadResvg.js')>();
  return {
    ...real,
    loadResvg: async () => {
      const resvg = await real.loadResvg();
      return {
        renderAsync: (...args: Parameters<typeof resvg.renderAsync>) => (calls.push('pool'), resvg.renderAsync(...args)),
        render: (...args: Parameters<typeof resvg.render>) => (calls.push('this thread'), resvg.render(...args)),
      };
    },
  };
});

const { renderPng } = await import('../../src/render/renderPng.js');
const { loadedSharp } = await import('../../src/render/loadSharp.js');

const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 300 40"><rect width="300" height="40" fill="#ffffff"/>' +
  '<text x="4" y="26" font-size="16" font-family="Source Sans 3"><tspan font-weight="bold">Source:</tspan> Reuters, 2024</text></svg>';

describe('renderPng: which thread resvg draws on', () => {
  it("draws a process's first PNG on libuv's pool, every later one on this thread, with the same bytes", async () => {
    expect(loadedSharp()).toBeUndefined();
    const first = await renderPng(svg);
    expect(loadedSharp()).toBeTypeOf('function');
    const second = await renderPng(svg);
    const third = await renderPng(svg);
    expect(calls).toEqual(['pool', 'this thread', 'this thread']);
    expect(Buffer.compare(first, second)).toBe(0);
    expect(Buffer.compare(second, third)).toBe(0);
  });
});
