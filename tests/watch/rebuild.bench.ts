// Save → rebuilt chart on disk in a warm `watch`, for the < 150 ms target.
// Run: npx vitest bench tests/watch --run
// What is timed: writing the CSV, chokidar's event, the 30 ms quiet gap for
// bursts of saves, and build() of that one chart (SVG and PNG written).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { watch, type WatchSession } from '../../src/commands/watch.js';
import { EXPORTS_CSV, makeProject, minimalProject } from '../helpers/fixtureProject.js';
import { labelledBarSpec } from './labelledBar.js';

const cwd = makeProject({
  ...minimalProject,
  'specs/exports.vl.json': labelledBarSpec(),
  // Other charts that the edit must not rebuild.
  'data/prices.csv': 'item,price,source\nWidget,12,stats-2024\n',
  'specs/prices.vl.json': labelledBarSpec('data/prices.csv').replaceAll('"country"', '"item"').replaceAll('"exports"', '"price"'),
});
let session: WatchSession;
let next: ((ms: number) => void) | undefined;
let value = 100;

beforeAll(async () => {
  session = await watch({ cwd, port: 0, onChart: (chart, ms) => chart.name === 'exports' && next?.(ms) });
  await session.idle();
});
afterAll(() => session.close());

describe('watch', () => {
  bench(
    'save data/exports.csv → exports.svg and .png rebuilt',
    async () => {
      const rebuilt = new Promise<number>((resolve) => (next = resolve));
      writeFileSync(path.join(cwd, 'data/exports.csv'), EXPORTS_CSV.replace('120', String(++value)));
      await rebuilt;
      await session.idle();
    },
    { iterations: 30, warmupIterations: 3, time: 0 },
  );
});
