// The bench's floor (bench/floor.mjs) stands for citechart's drawing work
// (issue 15: citechart ÷ floor, and the floor against vega-cli): it must draw
// citechart's picture, or it measures other work. Before h12-draw its PNGs
// had a transparent band under the chart (Vega's background covers the chart
// only), which also cost sharp an unpremultiplying pass citechart's opaque
// PNGs skip.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.mjs';
import { footerParts } from '../../bench/floorSvg.mjs';
import { runCli } from '../helpers/cli.js';
import { usePrivateTmpdir } from '../helpers/privateTmpdir.js';

const FLOOR = fileURLToPath(new URL('../../bench/floor.mjs', import.meta.url));
const tmp = usePrivateTmpdir('citechart-floor-');

const runFloor = (args: string[]) =>
  new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [FLOOR, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });

const pixels = (file: string) => sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });

describe('bench/floor.mjs', () => {
  it("draws the same pixels as citechart's PNG, footer band included", async () => {
    const dir = path.join(tmp(), 'corpus');
    // One chart of each of the corpus's 8 types.
    const names: string[] = generateCorpus(dir, 8);
    const built = await runCli(['build'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    const footers = Object.fromEntries(names.map((name) => [name, footerParts(readFileSync(path.join(dir, 'output', `${name}.svg`), 'utf8'))]));
    const footersFile = path.join(tmp(), 'footers.json');
    writeFileSync(footersFile, JSON.stringify(footers));
    // Not the bar chart: Vega's loader leaves its CSV's `age` a string (citechart types it), so the
    // floor orders the bars as text (45 before 5): the same marks and cost, another order.
    const drawn = names.filter((name) => !name.startsWith('bar-'));
    const out = path.join(tmp(), 'floor');
    const floor = await runFloor([dir, out, footersFile, '1', ...drawn]);
    expect(floor.code, floor.stderr).toBe(0);
    for (const name of drawn) {
      const [theirs, ours] = await Promise.all([pixels(path.join(out, `${name}.png`)), pixels(path.join(dir, 'output', `${name}.png`))]);
      expect([theirs.info.width, theirs.info.height], name).toEqual([ours.info.width, ours.info.height]);
      expect(theirs.data.equals(ours.data), `${name}: the floor's pixels differ from citechart's`).toBe(true);
    }
  }, 180_000);
});
