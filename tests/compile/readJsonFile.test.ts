import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../src/compile/readJsonFile.js';
import { formatDiagnostic } from '../../src/errors.js';

describe('parseJsonText', () => {
  it('reports a syntax error with its line and column', () => {
    const { json, diagnostics } = parseJsonText('specs/a.vl.json', '{\n  "mark": "bar",\n  "x": }\n');
    expect(json).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)[0]).toBe('specs/a.vl.json:3:8: error: invalid JSON: ValueExpected');
  });

  it('rejects comments, which Vega-Lite tools would not accept', () => {
    const { diagnostics } = parseJsonText('specs/a.vl.json', '{\n// hi\n"mark": "bar"}');
    expect(diagnostics[0]).toMatchObject({ line: 2, column: 1 });
  });

  it('locates a nested value by its JSON path, pointing at the key', () => {
    const text = '{\n  "data": {\n    "url": "data/x.csv"\n  },\n  "layer": [{"mark": "bar"}, {"mark": "image"}]\n}';
    const { json } = parseJsonText('specs/a.vl.json', text);
    expect(json!.locate(['data', 'url'])).toEqual({ line: 3, column: 5 });
    expect(json!.locate(['layer', 1, 'mark'])).toEqual({ line: 5, column: 31 });
  });

  it('falls back to the nearest existing parent for a missing path', () => {
    const { json } = parseJsonText('specs/a.vl.json', '{\n  "data": {"url": "x"}\n}');
    expect(json!.locate(['data', 'format', 'type'])).toEqual({ line: 2, column: 3 });
  });
});
