// Issue 15, item 4 (the pool's start-up): each render worker loaded ≈62 ES
// modules of the command line's shared chunks, each resolved, read,
// compiled, linked and evaluated on the worker's own thread. scripts/bundle.mjs
// now writes the workers' entries as single files: what they import of
// citechart's own code (static or dynamic) is inside them, and only Node's
// built-ins and packages are left to the loader.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const bundle = path.resolve('dist/bundle');
/**
 * The relative specifiers of `code`'s static imports and exports, and of its
 * import() calls with a literal, outside comment lines (JSDoc types name
 * `import('./index.js')`).
 */
const relativeImports = (code: string) =>
  code
    .split('\n')
    .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
    .flatMap((line) => [...line.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g)].map((match) => match[1]));

describe("the render workers' bundle", () => {
  it('finds the relative imports it looks for', () => {
    const code = 'import { a } from "./chunk-A.js";\nconst b = await import("./b-B.js");\nimport "../c.js";\nexport { d } from \'./d.js\';\n  * @param {import(\'./e.js\').E} e';
    expect(relativeImports(code)).toEqual([
      './chunk-A.js',
      './b-B.js',
      '../c.js',
      './d.js',
    ]);
  });

  it.each(['workerMain.js', 'renderWorker.js'])('%s imports no other file of the bundle', (name) => {
    const code = readFileSync(path.join(bundle, name), 'utf8');
    expect(relativeImports(code)).toEqual([]);
  });

  it("renderWorker.js holds the worker's code and still finds Vega's copies and sharp beside it", () => {
    const code = readFileSync(path.join(bundle, 'renderWorker.js'), 'utf8');
    expect(code).toContain('function renderInWorker(');
    expect(code).toContain("new URL(\"bundle/vega.js\", __citechartDist)");
    expect(code).toMatch(/function loadSharp\(/);
  });
});
