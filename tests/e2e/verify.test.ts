// `citechart verify` end to end: the built CLI on throwaway projects.
import { copyFileSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, STACK_FRAME } from '../helpers/cli.js';
import { barSpec, EXPORTS_CSV, makeProject, minimalProject, readBytes, readText } from '../helpers/fixtureProject.js';

const FILES = ['output/exports.html', 'output/exports.png', 'output/exports.svg'];
const REBUILD = 'rebuild with `npx citechart build`';
const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'citechart-copied-'));
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

/** A built minimal project. */
async function builtProject(): Promise<string> {
  const dir = makeProject(minimalProject);
  const built = await runCli(['build'], { cwd: dir });
  expect(built.code).toBe(0);
  return dir;
}

describe('citechart verify', () => {
  let dir: string;
  beforeAll(async () => (dir = await builtProject()));

  it('finds a fresh build up to date, every graphic of output/ with --all', async () => {
    const result = await runCli(['verify', '--all'], { cwd: dir });
    expect(result.outLines).toEqual([...FILES.map((f) => `${f}: up to date`), '3 up to date, 0 stale']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('checks only the named files', async () => {
    const result = await runCli(['verify', 'output/exports.png'], { cwd: dir });
    expect(result.outLines).toEqual(['output/exports.png: up to date', '1 up to date, 0 stale']);
    expect(result.code).toBe(0);
  });

  it('reports a graphic copied out of the project, checked against the project with --project', async () => {
    const copy = path.join(elsewhere, 'exports copy.svg');
    copyFileSync(path.join(dir, 'output', 'exports.svg'), copy);
    const fromOutside = await runCli(['verify', 'exports copy.svg', '--project', dir], { cwd: elsewhere });
    expect(fromOutside.outLines).toEqual(['exports copy.svg: up to date', '1 up to date, 0 stale']);
    expect(fromOutside.code).toBe(0);
    // From inside the project, the copy is found by its path and checked against cwd.
    const fromInside = await runCli(['verify', copy], { cwd: dir });
    expect(fromInside.code).toBe(0);
    // Without --project, a folder that is no project is a usage error that says what to do.
    const lost = await runCli(['verify', 'exports copy.svg'], { cwd: elsewhere });
    expect(lost.code).toBe(2);
    expect(lost.stderr).toContain('is not a citechart project');
    expect(lost.stderr).toContain('--project DIR');
  });
});

describe('citechart verify after the data changed', () => {
  it('names the edited row, column, old and new value in every graphic built from it, and exits 1', async () => {
    const dir = await builtProject();
    writeFileSync(path.join(dir, 'data', 'exports.csv'), EXPORTS_CSV.replace('Norway,120', 'Norway,121'));
    const result = await runCli(['verify', '--all'], { cwd: dir });
    expect(result.outLines).toEqual([
      ...FILES.map((f) => `${f}: stale (data/exports.csv row "Norway": exports was 120, now 121); ${REBUILD}`),
      '0 up to date, 3 stale',
    ]);
    expect(result.code).toBe(1);
    // A rebuild makes them current again.
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['verify', '--all'], { cwd: dir })).code).toBe(0);
  });

  it('names an input that is gone, and each of several changed inputs; sources.csv only by the rows it cites', async () => {
    const dir = await builtProject();
    unlinkSync(path.join(dir, 'specs', 'theme.json'));
    writeFileSync(path.join(dir, 'data', 'sources.csv'), readText(dir, 'data/sources.csv') + '\n');
    writeFileSync(path.join(dir, 'specs', 'exports.vl.json'), readText(dir, 'specs/exports.vl.json') + ' ');
    const result = await runCli(['verify', 'output/exports.svg'], { cwd: dir });
    expect(result.outLines[0]).toBe(
      'output/exports.svg: stale (specs/exports.vl.json changed since it was built; specs/theme.json is missing); ' + REBUILD,
    );
    expect(result.code).toBe(1);
  });

  it('finds a graphic up to date after a checkout converted its inputs to CRLF (git autocrlf)', async () => {
    const dir = await builtProject();
    for (const file of ['data/exports.csv', 'data/sources.csv', 'specs/exports.vl.json', 'specs/theme.json']) {
      writeFileSync(path.join(dir, file), readText(dir, file).replace(/\n/g, '\r\n'));
    }
    const result = await runCli(['verify', '--all'], { cwd: dir });
    expect(result.outLines).toEqual([...FILES.map((f) => `${f}: up to date`), '3 up to date, 0 stale']);
    expect(result.code).toBe(0);
    // And a rebuild from the CRLF files draws the same SVG: line ends are not content.
    const before = readText(dir, 'output/exports.svg');
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    expect(readText(dir, 'output/exports.svg').replace(/"sha256":"[0-9a-f]+"/g, '')).toBe(before.replace(/"sha256":"[0-9a-f]+"/g, ''));
  });

  it('checks every chart of a page holding several snippets, not just the first', async () => {
    const dir = makeProject({
      ...minimalProject,
      'data/imports.csv': EXPORTS_CSV.replace('exports', 'imports'),
      'specs/imports.vl.json': barSpec({ file: 'data/imports.csv', title: 'Imports' }).replace('"field": "exports"', '"field": "imports"'),
    });
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    // An article saved from the web: both snippets in one page, the stale chart second.
    const page = `<!doctype html><article>${readText(dir, 'output/exports.html')}<p>text</p>${readText(dir, 'output/imports.html')}</article>`;
    writeFileSync(path.join(dir, 'article.html'), page);
    expect((await runCli(['verify', 'article.html'], { cwd: dir })).outLines).toEqual(['article.html: up to date', '1 up to date, 0 stale']);
    writeFileSync(path.join(dir, 'data', 'imports.csv'), EXPORTS_CSV.replace('exports', 'imports').replace('Kenya,40', 'Kenya,41'));
    const result = await runCli(['verify', 'article.html'], { cwd: dir });
    expect(result.outLines).toEqual([`article.html: stale (data/imports.csv row "Kenya": imports was 40, now 41); ${REBUILD}`, '0 up to date, 1 stale']);
    expect(result.code).toBe(1);
  });

  it('calls the files no chart writes any more left over (a dropped width, a deleted spec), not stale: a rebuild would not fix them', async () => {
    const withWidths = barSpec({ extra: { usermeta: { citechart: { widths: [320, 640] } } } });
    const dir = makeProject({ ...minimalProject, 'specs/exports.vl.json': withWidths, 'specs/gone.vl.json': withWidths });
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    writeFileSync(path.join(dir, 'specs', 'exports.vl.json'), withWidths.replace('320, 640', '640').replace(/\[\s*320,\s*640\s*\]/, '[640]'));
    unlinkSync(path.join(dir, 'specs', 'gone.vl.json'));
    // build removes such files itself; they come back e.g. from an old checkout or a copy.
    const leftovers = ['exports-320w.svg', 'gone-320w.svg', 'gone-640w.svg', 'gone.html', 'gone.png', 'gone.svg'];
    const saved = leftovers.map((f) => [f, readBytes(dir, `output/${f}`)] as const);
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    for (const [f, bytes] of saved) writeFileSync(path.join(dir, 'output', f), bytes);
    const result = await runCli(['verify', '--all'], { cwd: dir });
    const leftOver = (f: string) => `${f}: left over: no chart writes it any more (its spec was deleted, or no longer asks for this width); delete it`;
    expect(result.outLines).toEqual([
      leftOver('output/exports-320w.svg'),
      'output/exports-640w.svg: up to date',
      ...FILES.map((f) => `${f}: up to date`),
      ...['gone-320w.svg', 'gone-640w.svg', 'gone.html', 'gone.png', 'gone.svg'].map((f) => leftOver(`output/${f}`)),
      '4 up to date, 0 stale, 6 left over',
    ]);
    expect(result.code).toBe(1);
  });

  it('finds a graphic stale when a sidecar was added since (it changes how cells read)', async () => {
    const dir = await builtProject();
    // With this sidecar, build would refuse Norway's 120: the graphic no longer shows what the data says.
    writeFileSync(path.join(dir, 'data', 'exports.schema.json'), '{"fields": [{"name": "exports", "type": "number", "constraints": {"maximum": 100}}]}\n');
    const result = await runCli(['verify', 'output/exports.svg'], { cwd: dir });
    // The table no longer reads (Norway's 120 breaks the new maximum): both are said.
    expect(result.outLines[0]).toBe(
      `output/exports.svg: stale (data/exports.csv cannot be read now (run \`npx citechart check\`); data/exports.schema.json was added since it was built); ${REBUILD}`,
    );
    expect(result.code).toBe(1);
  });

  it('never reads an input path that leads out of the project', async () => {
    const dir = await builtProject();
    const svg = readText(dir, 'output/exports.svg').replace('"contentUrl":"data/sources.csv"', '"contentUrl":"../../../etc/passwd"');
    writeFileSync(path.join(dir, 'output', 'tampered.svg'), svg);
    const result = await runCli(['verify', 'output/tampered.svg'], { cwd: dir });
    expect(result.outLines[0]).toBe(`output/tampered.svg: stale (records "../../../etc/passwd", outside the project: not read); ${REBUILD}`);
    expect(result.code).toBe(1);
  });
});

describe('citechart verify on files that are not citechart graphics', () => {
  it('says so for a random SVG, a plain PNG, an HTML page and a text file, and exits 1', async () => {
    const dir = await builtProject();
    const other = {
      'random.svg': '<svg xmlns="http://www.w3.org/2000/svg"><metadata>{"creator":{"name":"someone else"},"isBasedOn":[]}</metadata><rect/></svg>',
      'page.html': '<!doctype html><p>hello</p><script type="application/ld+json">{"@type":"Article"}</script>',
      'notes.txt': 'not markup at all < & >',
      'broken.svg': '<svg><metadata>{"creator":',
    };
    for (const [name, text] of Object.entries(other)) writeFileSync(path.join(dir, name), text);
    await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toFile(path.join(dir, 'plain.png'));
    const names = [...Object.keys(other), 'plain.png'];
    const result = await runCli(['verify', ...names, 'output/exports.svg'], { cwd: dir });
    expect(result.outLines).toEqual([
      ...names.map((name) => `${name}: not a citechart graphic (it holds no citechart provenance)`),
      'output/exports.svg: up to date',
      '1 up to date, 0 stale, 5 not citechart graphics',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain(STACK_FRAME);
  });

  it('reports a missing file as file:error on stderr and exits 1; no file and no --all is a usage error (2)', async () => {
    const dir = await builtProject();
    const missing = await runCli(['verify', 'output/nope.svg'], { cwd: dir });
    expect(missing.errLines).toEqual(['output/nope.svg: error: file not found: output/nope.svg']);
    expect(missing.outLines).toEqual(['0 up to date, 0 stale, 1 error']);
    expect(missing.code).toBe(1);
    const none = await runCli(['verify'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--all');
  });

  it('fails --all when output/ holds no graphic', async () => {
    const dir = makeProject(minimalProject);
    const result = await runCli(['verify', '--all'], { cwd: dir });
    expect(result.errLines).toEqual(['output: error: no .svg, .png or .html graphics to verify here; run `npx citechart build` first']);
    expect(result.code).toBe(1);
  });
});

describe('citechart verify and special files', () => {
  // Found by an adversarial pass: a named pipe among the graphics made verify wait forever (CI runs verify --all).
  it('refuses a named pipe named on the command line or in output/, without opening it', async () => {
    const dir = makeProject(minimalProject);
    const fifo = path.join(dir, 'pipe.svg');
    execFileSync('mkfifo', [fifo]);
    execFileSync('mkfifo', [path.join(dir, 'output-pipe.svg')]);
    const named = await runCli(['verify', 'pipe.svg'], { cwd: dir, timeoutMs: 20_000 });
    expect(named.code).toBe(1);
    expect(named.stderr).toContain('pipe.svg: error: pipe.svg is a named pipe (FIFO), not a file');
    await runCli(['build', '--formats', 'svg'], { cwd: dir });
    execFileSync('mv', [path.join(dir, 'output-pipe.svg'), path.join(dir, 'output', 'zz.svg')]);
    const all = await runCli(['verify', '--all'], { cwd: dir, timeoutMs: 20_000 });
    expect(all.code).toBe(1);
    expect(all.stderr).toContain('output/zz.svg: error: output/zz.svg is a named pipe (FIFO), not a file');
    expect(all.stdout).toMatch(/1 up to date, 0 stale, 1 error/);
  }, 60_000);
});
