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
