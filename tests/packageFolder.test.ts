// packageFolder finds an installed package's folder as `require` would,
// without resolving through its package.json "exports" (≈1 ms of a fresh
// process: listPatterns.ts reads CLDR's files from it in every one-chart build).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { packageFolder } from '../src/packageFolder.js';

const require = createRequire(import.meta.url);
const nameIn = (folder: string) => (JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name: string }).name;

describe('packageFolder', () => {
  test.each(['cldr-misc-full', 'cldr-core', '@resvg/resvg-js'])('%s: the folder require resolves into', (name) => {
    const folder = packageFolder(name);
    expect(nameIn(folder)).toBe(name);
    expect(path.dirname(require.resolve(`${name}/package.json`))).toBe(folder);
  });
  test('a package whose "exports" hide its package.json (d3-format) is found too', () => {
    expect(() => require.resolve('d3-format/package.json')).toThrow();
    expect(nameIn(packageFolder('d3-format'))).toBe('d3-format');
  });
  test('a package that is not installed throws, as require does', () => {
    expect(() => packageFolder('citechart-no-such-package')).toThrow(/citechart-no-such-package/);
  });
});
