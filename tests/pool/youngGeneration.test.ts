// Issue 15, peak memory: the build's main thread is started with a small
// semi-space (its young generation had grown to 32 MB, nearly empty), but
// that V8 flag is process-wide and wins over a worker's resourceLimits, so
// the build gives it back to V8 before starting its workers.
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { letWorkersSizeTheirYoungGeneration } from '../../src/pool/youngGeneration.js';
import { MAIN_SEMI_SPACE_MB, SNAPSHOT_V8_FLAGS } from '../../src/startup/v8Flags.js';

// Keeps up to 400,000 small objects alive at once, so that many survive each
// young-generation collection: V8 then grows the young generation to its limit.
const CHURN = `
const v8 = require('node:v8');
let kept = [];
for (let i = 0; i < 3e6; i++) { kept.push({ i }); if (kept.length > 400000) kept = []; }
require('node:worker_threads').parentPort.postMessage(v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size / 1048576);
`;

/** The committed size of a worker's young generation (both semi-spaces, MB) after CHURN, with the build's resourceLimits. */
const workerNewSpaceMb = () =>
  new Promise<number>((resolve, reject) => {
    const worker = new Worker(CHURN, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 24 } });
    worker.once('message', (mb: number) => void worker.terminate().then(() => resolve(mb)));
    worker.once('error', reject);
  });

afterAll(() => v8.setFlagsFromString('--max-semi-space-size=0'));

describe("the main thread's semi-space is not the workers'", () => {
  it('starts the snapshot child with the small semi-space', () => {
    expect(SNAPSHOT_V8_FLAGS).toContain(`--max-semi-space-size=${MAIN_SEMI_SPACE_MB}`);
  });

  it("gives workers started after letWorkersSizeTheirYoungGeneration the young generation of their resourceLimits", async () => {
    v8.setFlagsFromString(`--max-semi-space-size=${MAIN_SEMI_SPACE_MB}`);
    // Under the flag: two semi-spaces of MAIN_SEMI_SPACE_MB, whatever the worker's limits say.
    expect(await workerNewSpaceMb()).toBeLessThanOrEqual(2 * MAIN_SEMI_SPACE_MB);
    letWorkersSizeTheirYoungGeneration();
    // 24 MB of young generation: two semi-spaces of 8 MB (and a large-object space beside them).
    expect(await workerNewSpaceMb()).toBe(16);
  }, 60_000);
});
