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
