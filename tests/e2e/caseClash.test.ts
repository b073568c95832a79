// Two specs whose names differ only in case would write one file on macOS and
// Windows: both fail with a message naming the other; the rest still build.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { barSpec, listFiles, makeProject, minimalProject } from '../helpers/fixtureProject.js';
import path from 'node:path';

describe('spec names that differ only in case', () => {
  it('fail both charts, naming each other; other charts build', async () => {
    const cwd = makeProject({ ...minimalProject, 'specs/Trade.vl.json': barSpec(), 'specs/trade.vl.json': barSpec() });
    const result = await runCli(['build'], { cwd });
    expect(result.code).toBe(1);
    expect(result.errLines).toContain(
      'specs/Trade.vl.json:1:1: error: specs "Trade" and "trade" differ only in case: on macOS and Windows their outputs would be one file; rename one',
    );
    expect(result.errLines).toContain(
      'specs/trade.vl.json:1:1: error: specs "trade" and "Trade" differ only in case: on macOS and Windows their outputs would be one file; rename one',
    );
    expect(listFiles(path.join(cwd, 'output'))).toEqual(['exports.html', 'exports.png', 'exports.svg', 'index.html', 'manifest.json']);
  });
});
