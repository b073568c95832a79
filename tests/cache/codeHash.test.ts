// The build cache must not keep graphics drawn by other code: upgrading
// citechart (or pulling a fix with the same version number) without --force
// kept every old graphic, e.g. maps drawn before a border correction.
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CODE_HASH_STAMP, codeHash, CODE_DIR, hashCode, stampedCodeHash, writeCodeHashStamp } from '../../src/cache/codeHash.js';
import { keyVersions } from '../../src/cache/keyVersions.js';
import { makeProject, minimalProject } from '../helpers/fixtureProject.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citechart-code-'));
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(dir, file);
    writeFileSync(full, text, { flag: 'w' });
  }
  return dir;
}

describe('codeHash', () => {
  it('changes when one byte of a module changes, and only then', () => {
    const a = tree({ 'a.js': 'export const a = 1;\n', 'b.json': '{"x": 1}\n' });
    const before = codeHash(a);
    expect(codeHash(a)).toBe(before);
    writeFileSync(path.join(a, 'a.js'), 'export const a = 2;\n');
    expect(codeHash(a)).not.toBe(before);
  });

  it('covers nested folders, word catalogues (.json) and source files, not type declarations', () => {
    const dir = tree({ 'x.ts': 'export {};\n' });
    const bare = codeHash(dir);
    writeFileSync(path.join(dir, 'x.d.ts'), 'export declare const x: number;\n');
    expect(codeHash(dir)).toBe(bare);
    writeFileSync(path.join(dir, 'fr.json'), '{}\n');
    expect(codeHash(dir)).not.toBe(bare);
  });

  it('tells moved bytes from unchanged ones (names and lengths are delimited)', () => {
    expect(codeHash(tree({ 'a.js': 'xy', 'b.js': '' }))).not.toBe(codeHash(tree({ 'a.js': 'x', 'b.js': 'y' })));
  });

  it('is what npm run build stamped, while every file and folder keeps its size and time; else the files are hashed', () => {
    const dir = tree({ 'a.js': 'export const a = 1;\n', 'b.json': '{"x": 1}\n' });
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'c.js'), 'export {};\n');
    const real = writeCodeHashStamp(dir);
    expect(real).toBe(hashCode(dir));
    expect(codeHash(dir)).toBe(real);
    // A stamp rewritten in place keeps every recorded time: its hash is taken without reading the code.
    const stampFile = path.join(dir, CODE_HASH_STAMP);
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { hash: string };
    const forged = 'f'.repeat(64);
    writeFileSync(stampFile, JSON.stringify({ ...stamp, hash: forged }));
    expect(codeHash(dir)).toBe(forged);
    // One module written again later, same size: its time differs, so the files are hashed.
    const later = new Date(Date.now() + 5_000);
    writeFileSync(path.join(dir, 'a.js'), 'export const a = 2;\n');
    utimesSync(path.join(dir, 'a.js'), later, later);
    expect(stampedCodeHash(dir)).toBeUndefined();
    expect(codeHash(dir)).toBe(hashCode(dir));
    expect(codeHash(dir)).not.toBe(real);
  });

  it('is not taken from the stamp when a code file was added to a folder, or the stamp is garbled', () => {
    const dir = tree({ 'a.js': 'export const a = 1;\n' });
    mkdirSync(path.join(dir, 'sub'));
    writeCodeHashStamp(dir);
    expect(stampedCodeHash(dir)).toBe(hashCode(dir));
    // The folder given with or without its trailing separator: the same stamp (entries are joined to it by hand).
    expect(stampedCodeHash(dir + path.sep)).toBe(hashCode(dir));
    writeFileSync(path.join(dir, 'sub', 'new.js'), 'export {};\n');
    // The folder's time as a later build would leave it (two writes in one clock tick share a time).
    const later = new Date(Date.now() + 5_000);
    utimesSync(path.join(dir, 'sub'), later, later);
    expect(stampedCodeHash(dir)).toBeUndefined();
    expect(codeHash(dir)).toBe(hashCode(dir));
    writeCodeHashStamp(dir);
    writeFileSync(path.join(dir, CODE_HASH_STAMP), '{"hash": ');
    expect(stampedCodeHash(dir)).toBeUndefined();
    expect(codeHash(dir)).toBe(hashCode(dir));
  });

  it('is part of every build cache key', () => {
    expect(keyVersions()['citechart code']).toBe(codeHash(CODE_DIR));
  });
});

describe("a build after citechart's code changed (same version)", () => {
  it('draws every chart again instead of keeping the old graphics', async () => {
    // An installed copy of citechart: its dist/ copied, its dependencies linked.
    const install = mkdtempSync(path.join(os.tmpdir(), 'citechart-install-'));
    cpSync(path.join(ROOT, 'dist'), path.join(install, 'dist'), { recursive: true });
    // Its stamp, as `npm run build` writes it (a copy has other file times): trusted until the upgrade below.
    writeCodeHashStamp(path.join(install, 'dist'));
    cpSync(path.join(ROOT, 'package.json'), path.join(install, 'package.json'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(install, 'node_modules'));
    symlinkSync(path.join(ROOT, 'generated'), path.join(install, 'generated'));
    const cwd = makeProject(minimalProject);
    const build = async () => (await run(process.execPath, [path.join(install, 'dist/cli.js'), 'build', '--formats', 'svg'], { cwd, env: { ...process.env, NO_COLOR: '1' } })).stdout;
    expect(await build()).toMatch(/^1 chart built in/m);
    expect(await build()).toMatch(/^0 charts built, 1 up to date in/m);
    expect(stampedCodeHash(path.join(install, 'dist'))).toBe(hashCode(path.join(ROOT, 'dist')));
    // The "upgrade": same version in package.json, other code.
    appendFileSync(path.join(install, 'dist/messages.js'), '\n// a fix\n');
    expect(stampedCodeHash(path.join(install, 'dist'))).toBeUndefined();
    expect(await build()).toMatch(/^1 chart built in/m);
  }, 60_000);
});
