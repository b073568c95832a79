// A failed chart never costs the others, and never its own last good output:
// five charts built once; then one spec is broken and the table only one
// other chart uses gets a bad cell. The rebuild exits 1, names both charts
// and why, rewrites the three good ones, and leaves the two failed charts'
// previous SVG and PNG byte for byte, with no temp files in output/.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorLines, runCli, STACK_FRAME, type CliResult } from '../helpers/cli.js';
import { barSpec, listFiles, makeProject, minimalProject, readText, where } from '../helpers/fixtureProject.js';
import { footerText } from '../helpers/svg.js';

const CHARTS = ['a', 'b', 'c', 'd', 'e'];
const D_CSV = 'country,exports,source\nPeru,30,monitor-2023\nGhana,22,stats-2024\nChad,8,stats-2024\n';
const D_CSV_BROKEN = 'country,exports,source\nPeru,30,monitor-2023\nGhana,22 thousand,stats-2024\nChad,8,stats-2024\n';

let cwd: string;
let first: CliResult;
let second: CliResult;
const before = new Map<string, Buffer>();
let manifestBefore: any;

const outputFile = (name: string) => path.join(cwd, 'output', name);

beforeAll(async () => {
  cwd = makeProject({
    'data/sources.csv': minimalProject['data/sources.csv']!,
    'specs/theme.json': minimalProject['specs/theme.json']!,
    'data/shared.csv': minimalProject['data/exports.csv']!,
    'data/d-only.csv': D_CSV,
    'specs/a.vl.json': barSpec({ file: 'data/shared.csv', title: 'Chart A' }),
    'specs/b.vl.json': barSpec({ file: 'data/shared.csv', title: 'Chart B', transform: [{ filter: 'datum.exports > 50' }] }),
    'specs/c.vl.json': barSpec({ file: 'data/shared.csv', title: 'Chart C' }),
    'specs/d.vl.json': barSpec({ file: 'data/d-only.csv', title: 'Chart D' }),
    'specs/e.vl.json': barSpec({ file: 'data/shared.csv', title: 'Chart E' }),
  });
  first = await runCli(['build'], { cwd });
  for (const name of CHARTS) for (const ext of ['svg', 'png']) before.set(`${name}.${ext}`, readFileSync(outputFile(`${name}.${ext}`)));
  manifestBefore = JSON.parse(readText(cwd, 'output/manifest.json'));

  // Break c's spec the way an interrupted save does (cut off mid-file), break
  // the table only d uses, and change a source every chart cites so the
  // charts that still build visibly change.
  const cSpec = readText(cwd, 'specs/c.vl.json');
  writeFileSync(path.join(cwd, 'specs/c.vl.json'), cSpec.slice(0, cSpec.indexOf('"encoding"')));
  writeFileSync(path.join(cwd, 'data/d-only.csv'), D_CSV_BROKEN);
  const sources = readText(cwd, 'data/sources.csv').replace('Statistics Office', 'National Statistics Office');
  writeFileSync(path.join(cwd, 'data/sources.csv'), sources);
  second = await runCli(['build'], { cwd });
});

describe('rebuild with one broken spec and one broken table', () => {
  it('the first build succeeded for all five charts', () => {
    expect(first.code).toBe(0);
    expect(first.outLines.at(-1)).toBe('5 charts built');
    expect(Object.keys(manifestBefore.charts)).toEqual(CHARTS);
  });

  it('exits 1 and names c and d with the reason, on stderr', () => {
    const errors = errorLines(second);
    expect(errors.filter((line) => line.startsWith('specs/c.vl.json:'))).not.toEqual([]);
    for (const line of errors.filter((line) => line.startsWith('specs/c.vl.json:'))) {
      // In words (jsonc-parser's codes such as "CloseBraceExpected" are translated).
      expect(line).toMatch(/^specs\/c\.vl\.json:\d+:\d+: error: invalid JSON: [a-z]+ /);
    }
    expect(errors).toContain(
      `${where('data/d-only.csv', D_CSV_BROKEN, '22 thousand')}: error: "22 thousand" is not a number, but column "exports" holds numbers; write it as e.g. 90 or 1234.5`,
    );
    expect(errors.every((line) => line.startsWith('specs/c.vl.json:') || line.startsWith('data/d-only.csv:'))).toBe(true);
    expect(second.errLines).toContain('failed c: previous output kept');
    expect(second.errLines).toContain('failed d: previous output kept');
    expect(second.stderr).not.toContain(STACK_FRAME);
    expect(second.outLines).toEqual([
      'built a: output/a.svg, output/a.png, output/a.html',
      'built b: output/b.svg, output/b.png, output/b.html',
      'built e: output/e.svg, output/e.png, output/e.html',
      '3 charts built, 2 failed',
    ]);
    expect(second.code).toBe(1);
  });

  it('rewrites a, b and e with the new data', () => {
    for (const name of ['a', 'b', 'e']) {
      const svg = readFileSync(outputFile(`${name}.svg`));
      expect(svg.equals(before.get(`${name}.svg`)!)).toBe(false);
      expect(readFileSync(outputFile(`${name}.png`)).equals(before.get(`${name}.png`)!)).toBe(false);
      expect(footerText(svg.toString('utf8'))).toContain('National Statistics Office (Ana Diaz and Ben Okafor)');
    }
  });

  it("keeps c's and d's previous SVG and PNG byte-identical", () => {
    for (const name of ['c', 'd']) {
      for (const ext of ['svg', 'png']) {
        expect(readFileSync(outputFile(`${name}.${ext}`)).equals(before.get(`${name}.${ext}`)!), `${name}.${ext}`).toBe(true);
      }
    }
  });

  it('updates the manifest for a, b and e and keeps the entries that describe c and d as they are on disk', () => {
    const manifest = JSON.parse(readText(cwd, 'output/manifest.json'));
    expect(Object.keys(manifest.charts)).toEqual(CHARTS);
    expect(manifest.charts.c).toEqual(manifestBefore.charts.c);
    expect(manifest.charts.d).toEqual(manifestBefore.charts.d);
    for (const name of ['a', 'b', 'e']) expect(manifest.charts[name]).not.toEqual(manifestBefore.charts[name]);
  });

  it('leaves no temporary files in output/', () => {
    expect(listFiles(path.join(cwd, 'output'))).toEqual(
      [...CHARTS.flatMap((name) => [`${name}.html`, `${name}.png`, `${name}.svg`]), 'index.html', 'manifest.json'].sort(),
    );
  });
});

describe('a chart that cannot be rasterised', () => {
  // BUG (reported): a spec sized 12000×12000 (a slipped zero) renders to an
  // SVG fine, but sharp refuses the 24000×24000 PNG ("Input image exceeds
  // pixel limit"); renderPng's exception escapes renderChart, so the whole
  // build dies with exit 70, a stack trace, and no chart written at all.
  it('fails alone: the other charts are still built, no stack trace', async () => {
    const cwd = makeProject({
      ...minimalProject,
      'specs/a-huge.vl.json': barSpec({ title: 'Too big', extra: { width: 12000, height: 12000 } }),
      'specs/b-ok.vl.json': barSpec({ title: 'Fine' }),
    });
    const result = await runCli(['build'], { cwd });
    expect(result.stderr).not.toContain(STACK_FRAME);
    expect(result.stderr).not.toContain('internal error');
    expect(result.errLines).toContain('failed a-huge: nothing written');
    expect(errorLines(result).some((line) => line.startsWith('specs/a-huge.vl.json'))).toBe(true);
    expect(result.outLines).toEqual([
      'built b-ok: output/b-ok.svg, output/b-ok.png, output/b-ok.html',
      'built exports: output/exports.svg, output/exports.png, output/exports.html',
      '2 charts built, 1 failed',
    ]);
    expect(result.code).toBe(1);
    expect(listFiles(path.join(cwd, 'output'))).toEqual(['b-ok.html', 'b-ok.png', 'b-ok.svg', 'exports.html', 'exports.png', 'exports.svg', 'index.html', 'manifest.json']);
  });
});
