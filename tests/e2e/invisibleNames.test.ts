// A spec file named with a right-to-left override (or another invisible or
// control character) wrote output/ab<U+202E>gpj.svg, which a file browser, a
// CMS upload dialog or a terminal shows as "abjpg.svg": refused, and every
// line that names it shows the character as an escape.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { barSpec, listFiles, makeProject, minimalProject } from '../helpers/fixtureProject.js';
import { invisibleCharacters, showInvisible } from '../../src/visibleText.js';

describe('spec names with invisible or direction-changing characters', () => {
  it('fail that chart at its file, printed with the character escaped; the other charts build', async () => {
    const cwd = makeProject({ ...minimalProject, 'specs/ab\u202Egpj.vl.json': barSpec(), 'specs/tab\u0007.vl.json': barSpec() });
    const result = await runCli(['build'], { cwd });
    expect(result.code).toBe(1);
    expect(result.errLines).toContain(
      'specs/ab\\u202Egpj.vl.json:1:1: error: the chart name "ab\\u202Egpj" holds an invisible or direction-changing character (right-to-left override (U+202E)), which would hide or reorder characters of its output file names wherever they are shown ("ab\\u202Egpj.svg" may read as another name); rename the spec file with visible characters only',
    );
    expect(result.errLines).toContain('failed ab\\u202Egpj: nothing written');
    expect(result.errLines.some((line) => line.startsWith('specs/tab\\u0007.vl.json:1:1: error: the chart name "tab\\u0007" holds an invisible or direction-changing character (control character (U+0007))'))).toBe(true);
    // Nothing printed holds the raw characters.
    expect(result.stderr + result.stdout).not.toMatch(/[\u202E\u0007]/);
    expect(listFiles(path.join(cwd, 'output'))).toEqual(['exports.html', 'exports.png', 'exports.svg', 'index.html', 'manifest.json']);
  });

  it('check reports the same error', async () => {
    const cwd = makeProject({ ...minimalProject, 'specs/x\u2066y.vl.json': barSpec() });
    const result = await runCli(['check'], { cwd });
    expect(result.code).toBe(1);
    expect(result.errLines[0]).toMatch(/^specs\/x\\u2066y\.vl\.json:1:1: error: the chart name "x\\u2066y" holds an invisible or direction-changing character \(left-to-right isolate \(U\+2066\)\)/);
  });
});

describe('showInvisible and invisibleCharacters', () => {
  it('escape controls, direction marks and zero-width characters, and keep joiners, accents, RTL letters and emoji', () => {
    expect(showInvisible('a\u202Eb\u200Fc\u200Bd\uFEFFe\u0085f')).toBe('a\\u202Eb\\u200Fc\\u200Bd\\uFEFFe\\u0085f');
    const kept = 'می\u200Cخواهم café שלום 👩\u200D👩\u200D👧';
    expect(showInvisible(kept)).toBe(kept);
    expect(invisibleCharacters(kept)).toEqual([]);
    expect(invisibleCharacters('a\u202Eb\u202E\u200E')).toEqual(['right-to-left override (U+202E)', 'left-to-right mark (U+200E)']);
  });
});

// Also from the break-it pass: specs/.vl.json built hidden files (output/.svg,
// output/.png), and output/con.svg or output/a?b.svg could not be checked out
// on Windows.
describe('spec names whose outputs would be hidden or impossible on Windows', () => {
  it('fail that chart at its file; the other charts build', async () => {
    const cwd = makeProject({ ...minimalProject, 'specs/.vl.json': barSpec(), 'specs/con.vl.json': barSpec(), 'specs/a?b.vl.json': barSpec(), 'specs/sp ace.vl.json': barSpec() });
    const result = await runCli(['build', '--formats', 'svg'], { cwd });
    expect(result.code).toBe(1);
    expect(result.errLines).toEqual(
      expect.arrayContaining([
        'specs/.vl.json:1:1: error: the chart name "" cannot be used: the spec file is named ".vl.json", so its outputs would be hidden files (output/.svg); rename the spec file',
        'specs/con.vl.json:1:1: error: the chart name "con" cannot be used: con is a device name on Windows, where output/con.svg cannot be created; rename the spec file',
        'specs/a?b.vl.json:1:1: error: the chart name "a?b" cannot be used: Windows file names cannot hold "?", so its outputs could not be checked out there; rename the spec file',
      ]),
    );
    expect(listFiles(path.join(cwd, 'output'))).toEqual(['exports.svg', 'index.html', 'manifest.json', 'sp ace.svg']);
  });

  it('unportableName knows device names with any extension, and trailing dots and spaces', async () => {
    const { unportableName } = await import('../../src/listSpecs.js');
    for (const name of ['..', '.hidden', 'NUL', 'com1.fr', 'lpt9', 'a:b', 'a|b', 'a*b', 'a\\b', 'trailing.', 'trailing ']) expect(unportableName(name), name).toBeDefined();
    for (const name of ['trade', 'sp ace', 'a#b', 'console', 'exports.fr', 'données-2024', 'a&b']) expect(unportableName(name), name).toBeUndefined();
  });
});
