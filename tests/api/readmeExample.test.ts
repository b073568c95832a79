// The Node example in README ("From your own code") is run as written,
// against the compiled package imported by its name (`citechart`), in a
// folder of its own: it must draw, and write the files it says it writes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const tool = realpathSync(fileURLToPath(new URL('../../', import.meta.url)));

/** The first ```js block of the README's section `heading`. */
export function readmeExample(heading: string): string {
  const readme = readFileSync(path.join(tool, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${heading}`);
  if (start < 0) throw new Error(`README has no section "${heading}"`);
  const block = /```js\n([\s\S]*?)```/.exec(readme.slice(start));
  if (!block) throw new Error(`README section "${heading}" has no js example`);
  return block[1]!;
}

describe('README: From your own code', () => {
  it('the published types (dist/index.d.ts) type-check a TypeScript caller of renderChart, check and verify', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'api-types-'));
    try {
      mkdirSync(path.join(folder, 'node_modules'));
      symlinkSync(tool, path.join(folder, 'node_modules', 'citechart'), 'dir');
      writeFileSync(path.join(folder, 'package.json'), '{"type": "module"}');
      writeFileSync(
        path.join(folder, 'caller.ts'),
        [
          "import { check, renderChart, verify, type Diagnostic, type RenderChartResult } from 'citechart';",
          "const result: RenderChartResult = await renderChart({ spec: { mark: 'bar' }, tables: { t: [{ v: 1, source: 'a' }] }, sources: 'id\\n', options: { formats: ['svg'], width: 320 } });",
          'const svg: string | undefined = result.svg;',
          'const problems: Diagnostic[] = await check({ cwd: process.cwd() });',
          "const verdicts = (await verify({ cwd: process.cwd(), all: true })).verdicts.map((v) => v.status);",
          'export { svg, problems, verdicts };',
          // Must not compile: a format renderChart does not draw.
          "// @ts-expect-error\nawait renderChart({ spec: {}, sources: '', options: { formats: ['gif'] } });",
        ].join('\n'),
      );
      const tsc = path.join(tool, 'node_modules/.bin/tsc');
      const run = spawnSync(tsc, ['--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', path.join(tool, 'node_modules/@types'), 'caller.ts'], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
      expect(run.stdout + run.stderr).toBe('');
      expect(run.status).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 90_000);

  it('the example runs against the built package and writes the SVG and PNG it names', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'api-readme-'));
    try {
      // `import … from 'citechart'` resolves as in a user's project: node_modules/citechart.
      mkdirSync(path.join(folder, 'node_modules'));
      symlinkSync(tool, path.join(folder, 'node_modules', 'citechart'), 'dir');
      writeFileSync(path.join(folder, 'example.mjs'), readmeExample('From your own code'));
      const run = spawnSync(process.execPath, ['example.mjs'], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe('cites reuters-2024\n');
      // The example's source has no url: a warning, printed as build prints it.
      expect(run.stderr).toBe('data/sources.csv:2:88: warning: source "reuters-2024" has no url; readers cannot follow it\n');
      const svg = readFileSync(path.join(folder, 'imports.svg'), 'utf8');
      expect(svg).toMatch(/viewBox="0 0 480 /);
      expect(svg).toContain('Russia’s microelectronics imports, 2023');
      expect(readFileSync(path.join(folder, 'imports.png')).subarray(1, 4).toString()).toBe('PNG');
      expect(existsSync(path.join(folder, 'imports.html'))).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 90_000);
});
