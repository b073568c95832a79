import { describe, expect, it } from 'vitest';
import { findBidiControls } from '../../src/load/bidiControls.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

const RLO = '\u202E';

describe('findBidiControls', () => {
  it('finds each directional control at its line and column', () => {
    expect(findBidiControls(`a,b\nx${RLO},\u2066y`)).toEqual([
      { char: RLO, line: 2, column: 2 },
      { char: '\u2066', line: 2, column: 4 },
    ]);
  });

  it('reads JSON escapes as the character, at their backslash, but not an escaped backslash', () => {
    expect(findBidiControls('{"t": "a\\u202Eb",\n "u": "\\\\u202e"}', true)).toEqual([{ char: RLO, line: 1, column: 9 }]);
  });

  it('ignores marks that only act as a letter (LRM, RLM)', () => {
    expect(findBidiControls('a\u200Eb\u200F')).toEqual([]);
  });
});

describe('directional controls in cells and specs', () => {
  // The case: "Acme" + RIGHT-TO-LEFT OVERRIDE, then "sells 120 tanks"
  // in the next field, rendered reversed: "sknat 021 slles".
  const files = {
    'data/sources.csv': sourcesCsv('a'),
    'data/t.csv': `label,value,note,source\nAcme${RLO},1,sells 120 tanks,a\n`,
    'specs/c.vl.json': JSON.stringify({
      data: { url: 'data/t.csv' },
      title: 'Sales\\u202E by firm',
      mark: 'bar',
      encoding: { x: { field: 'label', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } },
    }).replace('\\\\u202E', '\\u202E'),
  };

  it('removes the override from the cell and warns at its place', async () => {
    const cwd = await project(files);
    const { chart, diagnostics } = await renderChart(await openProject(cwd), 'c', { png: false });
    expect(format(diagnostics)).toEqual([
      expect.stringMatching(/^specs\/c\.vl\.json:1:44: warning: a right-to-left override \(U\+202E\) was removed here/),
      expect.stringMatching(/^data\/t\.csv:2:5: warning: a right-to-left override \(U\+202E\) was removed here: it would reorder the text around it/),
    ]);
    expect(chart!.svg).not.toContain(RLO);
    // The row's note marks its axis label (src/markers): "Acme" then its marker, nothing reordered.
    expect(chart!.svg).toContain('>Acme¹</text>');
    expect(chart!.svg).toContain('Sales by firm');
    expect(chart!.embed!.alt).toContain('Acme: 1');
  });

  it('is reported by check too', async () => {
    const { check } = await import('../../src/commands/check.js');
    const diagnostics = await check({ cwd: await project(files) });
    expect(format(diagnostics).filter((d) => d.includes('U+202E'))).toHaveLength(2);
  });
});
