// `citechart build` with nothing to draw is done by the launcher without
// starting the snapshot (src/startup/upToDateBuild.ts): what it prints and
// its exit code are those of the same build run in one process
// (CITECHART_SNAPSHOT=off runs cliProgram.ts in the launcher, no fast path),
// warnings replayed included; and a build with work falls through to the
// snapshot and draws it. The decision, input kind by input kind, is tested
// in tests/startup/upToDateBuild.test.ts.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { makeProject, minimalProject, readBytes, SOURCES_CSV } from '../helpers/fixtureProject.js';

// The fast path runs only where the launcher starts the snapshot: dist/cli.js as `npm run build` leaves it.
const bundled = existsSync(CLI) && readFileSync(CLI, 'utf8').includes('__citechartDist');
const OFF = { CITECHART_SNAPSHOT: 'off' };

describe.skipIf(!bundled)('citechart build with nothing to draw (the launcher alone)', () => {
  it('prints what the whole command prints, warnings replayed, exit 0; a deleted output is drawn again', async () => {
    // A source with no url: a warning every build prints again.
    const cwd = makeProject({ ...minimalProject, 'data/sources.csv': SOURCES_CSV.replace('https://example.org/survey-2023', '') });
    const first = await runCli(['build'], { cwd });
    expect(first.code).toBe(0);
    expect(first.errLines.some((line) => line.includes(': warning: '))).toBe(true);
    const png = readBytes(cwd, 'output/exports.png');

    const [fast, whole] = [await runCli(['build'], { cwd }), await runCli(['build'], { cwd, env: OFF })];
    expect(fast.code).toBe(whole.code);
    expect(fast.outLines).toEqual(whole.outLines);
    expect(fast.outLines).toEqual(['0 charts built, 1 up to date']);
    expect(fast.errLines).toEqual(whole.errLines);
    expect(fast.errLines).toEqual(first.errLines);

    rmSync(path.join(cwd, 'output', 'exports.png'));
    const again = await runCli(['build'], { cwd });
    expect(again.code).toBe(0);
    expect(again.outLines).toEqual(['built exports: output/exports.svg, output/exports.png, output/exports.html', '1 chart built']);
    expect(readBytes(cwd, 'output/exports.png').equals(png)).toBe(true);
  });
});
