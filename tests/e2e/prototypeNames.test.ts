// Issue 9, item 4: no user-supplied name is a key of a plain object. A column
// or source id named after an Object.prototype member ("constructor",
// "__proto__", "toString"…) is a name like any other: the table loads,
// checks and builds, and every cell of those columns reaches the graphic's
// data table. (Charts named so are the build cache's part of the item.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorLines, runCli, STACK_FRAME } from '../helpers/cli.js';
import { makeProject, minimalProject, positionOf, SOURCES_CSV, where } from '../helpers/fixtureProject.js';

const MEMBERS = Object.getOwnPropertyNames(Object.prototype);
const cell = (row: number, column: number) => `v${row}-${column}`;

function membersCsv(cite: (row: number) => string): string {
  const lines = [['label', ...MEMBERS, 'n', 'source'].join(',')];
  for (let r = 0; r < 3; r++) lines.push([`row${r}`, ...MEMBERS.map((_, c) => cell(r, c)), String(10 * (r + 1)), cite(r)].join(','));
  return lines.join('\n') + '\n';
}

const spec = (encoding: Record<string, unknown> = {}) =>
  JSON.stringify(
    {
      data: { url: 'data/members.csv' },
      mark: 'bar',
      encoding: { y: { field: 'label', type: 'nominal' }, x: { field: 'n', type: 'quantitative', title: 'Value (units)' }, ...encoding },
      usermeta: { citechart: { alt: 'Bars.' } },
    },
    null,
    2,
  ) + '\n';

// A source whose id is "constructor" (ids are lower-case slugs, so the only member that is one).
const SOURCES = SOURCES_CSV + 'constructor,Builders Gazette,Jo Smith,Members,2024,https://example.org/members,registry\n';

describe('columns and source ids named after Object.prototype members', () => {
  it('load, check and build, every cell reaching the graphic', async () => {
    const cwd = makeProject({
      ...minimalProject,
      'data/sources.csv': SOURCES,
      'data/members.csv': membersCsv(() => 'constructor'),
      'specs/members.vl.json': spec(),
    });
    const check = await runCli(['check'], { cwd });
    expect(check.stderr).not.toContain(STACK_FRAME);
    expect(errorLines(check)).toEqual([]);
    expect(check.code).toBe(0);
    const build = await runCli(['build'], { cwd });
    expect(build.stderr).not.toContain(STACK_FRAME);
    expect(build.code).toBe(0);
    const html = readFileSync(path.join(cwd, 'output', 'members.html'), 'utf8');
    for (const [c, name] of MEMBERS.entries()) {
      expect(html).toContain(`<th scope="col">${name}</th>`);
      for (let r = 0; r < 3; r++) expect(html).toContain(`<td dir="auto">${cell(r, c)}</td>`);
    }
    expect(readFileSync(path.join(cwd, 'output', 'members.svg'), 'utf8')).toContain('Builders Gazette (Jo Smith), 2024, citing registry');
  });

  it('a source id named after a member is unknown unless sources.csv lists it', async () => {
    const ids = ['__proto__', 'toString', 'hasOwnProperty'];
    const csv = membersCsv((r) => ids[r]!);
    const cwd = makeProject({ ...minimalProject, 'data/members.csv': csv, 'specs/members.vl.json': spec() });
    const check = await runCli(['check'], { cwd });
    expect(check.code).toBe(1);
    expect(errorLines(check)).toEqual(
      ids.map((id) => {
        // The cell after the row's last comma (the header names these ids too).
        const { line, column } = positionOf(csv, `,${id}\n`);
        return `data/members.csv:${line}:${column + 1}: error: unknown source id "${id}": it is not in data/sources.csv`;
      }),
    );
  });

  it('a spec drawing such a column gets an error at the field, not Vega\'s "Operator not defined"', async () => {
    const bad = spec({ color: { field: 'constructor', type: 'nominal' }, tooltip: { field: 'toString' } });
    const cwd = makeProject({ ...minimalProject, 'data/sources.csv': SOURCES, 'data/members.csv': membersCsv(() => 'constructor'), 'specs/members.vl.json': bad });
    const message = (name: string, suggestion: string) =>
      `error: field "${name}" has the name of a built-in JavaScript property, which Vega and Vega-Lite cannot draw (vega-lite issue #8125); rename the column, e.g. to "${suggestion}"`;
    const expected = [
      `${where('specs/members.vl.json', bad, '"field": "constructor"')}: ${message('constructor', 'constructor_')}`,
      `${where('specs/members.vl.json', bad, '"field": "toString"')}: ${message('toString', 'toString_')}`,
    ];
    for (const command of ['check', 'build']) {
      const result = await runCli([command], { cwd });
      expect(result.code).toBe(1);
      expect(result.stderr).not.toMatch(/Operator not defined|TypeError/);
      expect([...new Set(errorLines(result))]).toEqual(expected);
    }
  });
});
