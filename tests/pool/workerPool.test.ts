import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model.js';
import { internalError } from '../../src/pool/internalError.js';
// The compiled pool (run `npx tsc -p .` first): its workers start from compiled JavaScript.
import { createWorkerPool } from '../../dist/pool/workerPool.js';

interface Task { name: string; kind: 'ok' | 'slow' | 'throw' | 'exit' | 'hog' }
type Result = { name: string; ok: true; thread: number } | { name: string; ok: false; diagnostics: Diagnostic[] };

const filename = fileURLToPath(new URL('../fixtures/pool/flakyWorker.mjs', import.meta.url));
const pool = () =>
  createWorkerPool<Task, Result>({
    filename,
    threads: 2,
    onFailure: (task, error) => ({ name: task.name, ok: false, diagnostics: [internalError(task.name, error)] }),
  });

describe('createWorkerPool', () => {
  it('runs tasks on two threads', async () => {
    const workers = pool();
    try {
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((name) => workers.run({ name, kind: 'slow' })));
      expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
      expect(new Set(results.map((r) => (r.ok ? r.thread : 0))).size).toBe(2);
    } finally {
      await workers.close();
    }
  });

  it('turns an exception in a worker into that task\'s diagnostic; the others still run', async () => {
    const workers = pool();
    try {
      const [bad, good] = await Promise.all([workers.run({ name: 'bad', kind: 'throw' }), workers.run({ name: 'good', kind: 'ok' })]);
      expect(good).toMatchObject({ name: 'good', ok: true });
      expect(bad.ok).toBe(false);
      const [diagnostic] = bad.ok ? [] : bad.diagnostics;
      expect(diagnostic).toMatchObject({ file: 'specs/bad.vl.json', severity: 'error' });
      expect(diagnostic?.message).toMatch(/^internal error: .*boom in bad/);
      expect(diagnostic?.message).toContain('This is a bug in citechart');
    } finally {
      await workers.close();
    }
  });

  it('turns a worker that dies mid-task into a diagnostic, and goes on with a new worker', async () => {
    const workers = pool();
    try {
      const dead = await workers.run({ name: 'dies', kind: 'exit' });
      expect(dead.ok).toBe(false);
      expect(dead.ok ? '' : dead.diagnostics[0]?.message).toMatch(/^internal error: /);
      const after = await Promise.all(['x', 'y', 'z'].map((name) => workers.run({ name, kind: 'ok' })));
      expect(after.every((r) => r.ok)).toBe(true);
    } finally {
      await workers.close();
    }
  });

  it('passes a worker that ran out of its heap limit to onFailure with ERR_WORKER_OUT_OF_MEMORY (build redraws such a chart once on a worker of its own with a larger heap)', async () => {
    const codes: unknown[] = [];
    const workers = createWorkerPool<Task, Result>({
      filename,
      threads: 1,
      resourceLimits: { maxOldGenerationSizeMb: 16 },
      onFailure: (task, error) => {
        codes.push((error as NodeJS.ErrnoException).code);
        return { name: task.name, ok: false, diagnostics: [internalError(task.name, error)] };
      },
    });
    try {
      expect((await workers.run({ name: 'big', kind: 'hog' })).ok).toBe(false);
      expect(codes).toEqual(['ERR_WORKER_OUT_OF_MEMORY']);
      expect((await workers.run({ name: 'small', kind: 'ok' })).ok).toBe(true);
    } finally {
      await workers.close();
    }
  });
});

describe('createWorkerPool onRequest (askMainThread)', () => {
  interface Asked { name: string; n: number }
  type Answer = { name: string; answer?: unknown; error?: string };
  const askingWorker = fileURLToPath(new URL('../fixtures/pool/askingWorker.mjs', import.meta.url));
  const asking = (onRequest?: (request: unknown) => Promise<unknown>) =>
    createWorkerPool<Asked, Answer>({
      filename: askingWorker,
      threads: 2,
      onRequest,
      onFailure: (task, error) => ({ name: task.name, error: String(error) }),
    });

  it('answers each worker question on the main thread, the error text reaching the worker', async () => {
    const asked: unknown[] = [];
    const workers = asking(async (request) => {
      asked.push(request);
      const n = (request as { double: number }).double;
      if (n < 0) throw new Error(`no negative ${n}`);
      return n * 2;
    });
    try {
      const results = await Promise.all([1, 2, -3, 4].map((n) => workers.run({ name: `t${n}`, n })));
      expect(results).toEqual([
        { name: 't1', answer: 2 },
        { name: 't2', answer: 4 },
        { name: 't-3', error: 'no negative -3' },
        { name: 't4', answer: 8 },
      ]);
      expect(asked).toHaveLength(4);
    } finally {
      await workers.close();
    }
  });

  it('gives a worker of a pool that answers nothing no channel: the worker does the work itself', async () => {
    const workers = asking();
    try {
      expect(await workers.run({ name: 'alone', n: 1 })).toEqual({ name: 'alone', answer: 'nobody asked' });
    } finally {
      await workers.close();
    }
  });
});
