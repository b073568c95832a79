// Issue 9, item 5: spec mistakes are located errors in words, found by
// Vega-Lite's own JSON Schema before citechart's code walks the spec (these
// crashed readSpec with "Cannot use 'in' operator" stack traces before).
import { describe, expect, it } from 'vitest';
import { readSpec, readTheme } from '../../src/compile/readSpec.js';
import { MAX_JSON_DEPTH } from '../../src/compile/jsonDepth.js';
import { MAX_TRANSFORMS } from '../../src/compile/validateSpec.js';
import { formatDiagnostic } from '../../src/errors.js';
import { barSpec, makeProject, minimalProject, where } from '../helpers/fixtureProject.js';

const SPEC = 'specs/exports.vl.json';
const RAW_JS = /TypeError|RangeError|Cannot read prop|Cannot use 'in'|at Object\./;

async function read(text: string) {
  const cwd = makeProject({ ...minimalProject, [SPEC]: text });
  const { spec, diagnostics } = await readSpec(cwd, 'exports');
  const lines = diagnostics.map(formatDiagnostic);
  for (const line of lines) expect(line).not.toMatch(RAW_JS);
  return { spec, lines };
}

const edit = (change: (spec: Record<string, any>) => void) => {
  const spec = JSON.parse(barSpec());
  change(spec);
  return JSON.stringify(spec, null, 2);
};

describe('validateSpec: Vega-Lite schema errors at their line and column', () => {
  it('"encoding": "x" is a located type error', async () => {
    const text = edit((s) => (s.encoding = 'x'));
    const { spec, lines } = await read(text);
    expect(spec).toBeUndefined();
    expect(lines).toEqual([`${where(SPEC, text, '"encoding"')}: error: not valid Vega-Lite: encoding is the text "x", but must be an object`]);
  });

  it('a layer whose encoding is a number', async () => {
    const text = edit((s) => {
      s.layer = [{ mark: 'bar', encoding: 5 }];
      delete s.mark;
    });
    const { lines } = await read(text);
    expect(lines).toEqual([`${where(SPEC, text, '"encoding": 5')}: error: not valid Vega-Lite: layer[0].encoding is the number 5, but must be an object`]);
  });

  it('an object where a title text belongs', async () => {
    const text = edit((s) => (s.title = { text: { text: 'Exports' } }));
    const { lines } = await read(text);
    expect(lines).toEqual([
      `${where(SPEC, text, '"text"')}: error: not valid Vega-Lite: title.text is an object, but must be a text ("…") or a list ([…]) or an expression reference ({"expr": "…"})`,
    ]);
  });

  it('an expression reference as the whole title', async () => {
    const text = edit((s) => (s.title = { expr: "'Exports'" }));
    const { lines } = await read(text);
    expect(lines).toEqual([
      `${where(SPEC, text, '"expr"')}: error: not valid Vega-Lite: title.expr is not a property Vega-Lite knows here; title needs the property "text"`,
    ]);
  });

  it('an unknown aggregate op lists the known ones and suggests the closest', async () => {
    const text = edit((s) => (s.encoding.x.aggregate = 'summ'));
    const { lines } = await read(text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${where(SPEC, text, '"aggregate"')}: error: not valid Vega-Lite: encoding\\.x\\.aggregate is the text "summ", but must be one of "average", "count", .*"sum".*; did you mean "sum"\\?$`));
  });

  it('a misspelt property suggests the right one', async () => {
    const text = edit((s) => (s.encoding.x.feild = 'exports'));
    const { lines } = await read(text);
    expect(lines).toEqual([`${where(SPEC, text, '"feild"')}: error: not valid Vega-Lite: encoding.x.feild is not a property Vega-Lite knows here; did you mean "field"?`]);
  });

  it('a valid spec passes, and is returned', async () => {
    const { spec, lines } = await read(barSpec());
    expect(lines).toEqual([]);
    expect(spec?.name).toBe('exports');
  });
});

describe('documented limits', () => {
  it(`JSON nested thousands of levels deep is refused at the level past ${MAX_JSON_DEPTH}, without overflowing the stack`, async () => {
    const text = `{"data": {"url": "data/exports.csv"}, "mark": "bar", "usermeta": ${'['.repeat(20000)}${']'.repeat(20000)}}`;
    const { lines } = await read(text);
    // The root object is level 1: the bracket opening level MAX_JSON_DEPTH + 1.
    const column = text.indexOf('[') + MAX_JSON_DEPTH;
    expect(lines).toEqual([
      `${SPEC}:1:${column}: error: objects and arrays nest more than ${MAX_JSON_DEPTH} levels deep here, citechart's limit for a JSON file; a spec needs far fewer: flatten it`,
    ]);
  });

  it(`nesting up to ${MAX_JSON_DEPTH} levels is fine`, async () => {
    const depth = MAX_JSON_DEPTH - 2; // the root object and usermeta's value count too
    const text = edit((s) => (s.usermeta.deep = 'X'));
    const deep = text.replace('"X"', '['.repeat(depth) + ']'.repeat(depth));
    expect((await read(deep)).lines).toEqual([]);
  });

  it(`10,000 transforms are refused (more than ${MAX_TRANSFORMS}) at the transform list`, async () => {
    const transform = Array.from({ length: 10000 }, (_, i) => ({ calculate: '1', as: `c${i}` }));
    const text = barSpec({ transform });
    const { lines } = await read(text);
    expect(lines).toEqual([
      `${where(SPEC, text, '"transform"')}: error: the spec has 10,000 transforms, more than the ${MAX_TRANSFORMS} citechart allows; prepare the data in its CSV instead of in the spec`,
    ]);
  });

  it(`${MAX_TRANSFORMS} transforms are fine`, async () => {
    const transform = Array.from({ length: MAX_TRANSFORMS }, (_, i) => ({ calculate: '1', as: `c${i}` }));
    expect((await read(barSpec({ transform }))).lines).toEqual([]);
  });
});

describe('what a value may be instead', () => {
  it('names an expression reference as the alternative to a number', async () => {
    const text = edit((s) => (s.mark = { type: 'bar', opacity: 'half' }));
    const { lines } = await read(text);
    expect(lines).toEqual([
      `${where(SPEC, text, '"opacity"')}: error: not valid Vega-Lite: mark.opacity is the text "half", but must be a number or an expression reference ({"expr": "…"})`,
    ]);
  });
});

describe('validateTheme: the theme against Vega-Lite\'s Config schema', () => {
  it('a mistyped theme value is one located error', async () => {
    const theme = '{\n  "background": "#ffffff",\n  "axis": 5\n}\n';
    const cwd = makeProject({ ...minimalProject, 'specs/theme.json': theme });
    const { theme: read, diagnostics } = await readTheme(cwd);
    expect(read).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)).toEqual(['specs/theme.json:3:3: error: not a valid Vega-Lite config: axis is the number 5, but must be an object']);
  });

  it('a colour may be any text: the list of colour names is not recited', async () => {
    const cwd = makeProject({ ...minimalProject, 'specs/theme.json': '{"background": 5}' });
    const { diagnostics } = await readTheme(cwd);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'specs/theme.json:1:2: error: not a valid Vega-Lite config: background is the number 5, but must be a text ("…") or an expression reference ({"expr": "…"})',
    ]);
  });

  it('the example theme is valid', async () => {
    const cwd = makeProject(minimalProject);
    expect((await readTheme(cwd)).diagnostics).toEqual([]);
  });
});
