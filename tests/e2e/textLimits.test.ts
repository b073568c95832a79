// Unbounded text and sizes from the CLI (review, h9): a spec given a
// 10,000-character title and a theme-free `labelFontSize: 1e7` is refused
// at its values (file:line:col), exit 1, and the chart's last good SVG and
// PNG stay as they were.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorLines, runCli, STACK_FRAME } from '../helpers/cli.js';
import { barSpec, makeProject, minimalProject } from '../helpers/fixtureProject.js';

describe('citechart build with a huge title and font size', () => {
  it('exits 1 with located errors and keeps the previous graphic', async () => {
    const cwd = makeProject({ ...minimalProject, 'specs/exports.vl.json': barSpec({ title: 'Exports' }) });
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    const svg = readFileSync(path.join(cwd, 'output/exports.svg'));
    const spec = JSON.parse(barSpec({ title: 'X'.repeat(10_000) })) as { encoding: { x: Record<string, unknown> } };
    spec.encoding.x.axis = { labelFontSize: 1e7 };
    const text = JSON.stringify(spec, null, 2);
    writeFileSync(path.join(cwd, 'specs/exports.vl.json'), text);
    const line = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const result = await runCli(['build'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain(STACK_FRAME);
    const errors = errorLines(result);
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`^specs/exports\\.vl\\.json:${line('"title": "XXX')}:\\d+: error: this title is 10,000 characters long`)),
      expect.stringMatching(new RegExp(`^specs/exports\\.vl\\.json:${line('"labelFontSize"')}:\\d+: error: "labelFontSize" 10000000 px is over citechart's limit of 500 px`)),
    ]));
    expect(readFileSync(path.join(cwd, 'output/exports.svg')).equals(svg)).toBe(true);
  });
});
