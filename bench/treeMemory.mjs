// The peak memory of a whole process tree (issue 15, "peak memory < 500 MB").
//
// /usr/bin/time's %M is the largest resident set of ONE process among the
// command and the children it waited for, not their sum. citechart started
// from its snapshot is two processes (a launcher and the build), and the
// floor is three (a parent and a process per core), so %M undercounts both,
// the floor far more. Here a worker thread of the bench samples every
// descendant of the bench's process from /proc every SAMPLE_MS while a
// measurement runs (it keeps sampling while the main thread waits in
// spawnSync) and keeps the peak of:
//
//   Σ private memory (RssAnon + RssShmem) of every process
//   + the largest file-backed resident set (RssFile) of any one of them
//
// File-backed pages (the node binary, sharp's and resvg's libraries) are the
// same page-cache pages in every process that maps them: summing them would
// count the ~35 MB of the node binary once per process. Linux only (reads
// /proc); elsewhere `available` is false and the bench shows %M alone.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

const SAMPLE_MS = 20;

// ---------------------------------------------------------------- the sampler thread

const SAMPLER = `
const { workerData } = require('node:worker_threads');
const { readdirSync, readFileSync } = require('node:fs');
const state = new Int32Array(workerData.shared); // [armed, peakKb, samples]
const root = workerData.root;
const kb = (status, field) => Number(new RegExp('^' + field + ':\\\\s+(\\\\d+)', 'm').exec(status)?.[1] ?? 0);
function children(pid) {
  const found = [];
  let tasks = [];
  try { tasks = readdirSync('/proc/' + pid + '/task'); } catch { return found; }
  for (const tid of tasks) {
    try {
      for (const child of readFileSync('/proc/' + pid + '/task/' + tid + '/children', 'utf8').split(' ')) if (child.trim()) found.push(child.trim());
    } catch {}
  }
  return found;
}
function sample() {
  let privateKb = 0, fileKb = 0;
  const stack = children(root);
  while (stack.length) {
    const pid = stack.pop();
    try {
      const status = readFileSync('/proc/' + pid + '/status', 'utf8');
      privateKb += kb(status, 'RssAnon') + kb(status, 'RssShmem');
      fileKb = Math.max(fileKb, kb(status, 'RssFile'));
    } catch {}
    for (const child of children(pid)) stack.push(child);
  }
  return privateKb + fileKb;
}
const sleep = new Int32Array(new SharedArrayBuffer(4));
for (;;) {
  if (Atomics.load(state, 0) === 1) {
    const total = sample();
    if (total > Atomics.load(state, 1)) Atomics.store(state, 1, total);
    Atomics.add(state, 2, 1);
    Atomics.wait(sleep, 0, 0, ${SAMPLE_MS});
  } else {
    Atomics.wait(state, 0, 0); // until armed
  }
}
`;

/** Whether this system has what the sampler reads (/proc with each task's children). */
export const available = existsSync(`/proc/${process.pid}/task/${process.pid}/children`);

/**
 * Starts the sampler thread (unref'd: it never keeps the bench alive).
 * `measure(fn)` runs `fn` (a spawnSync of the measured command) with the
 * sampler armed and returns fn's result with `treeMb`, the peak described
 * above in MB (undefined when not `available` or no sample was taken).
 */
export function treeSampler() {
  if (!available) return { measure: (fn) => ({ ...fn(), treeMb: undefined }), stop: () => {} };
  const shared = new SharedArrayBuffer(12);
  const state = new Int32Array(shared);
  const worker = new Worker(SAMPLER, { eval: true, workerData: { shared, root: String(process.pid) } });
  worker.unref();
  return {
    measure(fn) {
      Atomics.store(state, 1, 0);
      Atomics.store(state, 2, 0);
      Atomics.store(state, 0, 1);
      Atomics.notify(state, 0);
      try {
        const result = fn();
        return { ...result, treeMb: Atomics.load(state, 2) > 0 ? Atomics.load(state, 1) / 1024 : undefined };
      } finally {
        Atomics.store(state, 0, 0);
      }
    },
    stop: () => void worker.terminate(),
  };
}

/** For a quick look: `node bench/treeMemory.mjs CMD ARGS…` runs CMD and prints its tree's peak and its %M. */
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()) && process.argv.length > 2) {
  const { spawnSync } = await import('node:child_process');
  const sampler = treeSampler();
  const { treeMb, status } = sampler.measure(() => spawnSync(process.argv[2], process.argv.slice(3), { stdio: 'inherit' }));
  console.error(`exit ${status}; peak memory of the process tree: ${treeMb?.toFixed(0) ?? 'not measured'} MB`);
  sampler.stop();
}
