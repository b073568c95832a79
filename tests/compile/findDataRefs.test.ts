import { describe, expect, it } from 'vitest';
import { checkUrl, findDataRefs } from '../../src/compile/findDataRefs.js';
import { parseJsonText } from '../../src/compile/readJsonFile.js';
import { formatDiagnostic } from '../../src/errors.js';

const refsOf = (spec: unknown) => {
  const { json } = parseJsonText('specs/t.vl.json', JSON.stringify(spec, null, 1));
  return findDataRefs(json!);
};

describe('checkUrl', () => {
  it.each(['data/share.csv', './data/share.csv'])('accepts %s', (url) => {
    expect(checkUrl(url)).toBeUndefined();
  });

  it.each([
    '../secret.csv',
    'data/../../secret.csv',
    '/etc/passwd',
    'file:///etc/passwd',
    'https://example.com/x.csv',
    'HTTP://example.com/x.csv',
    'data\\..\\x.csv',
  ])('refuses %s as outside the project', (url) => {
    expect(checkUrl(url)).toMatch(/points outside the project's data\/ folder/);
  });

  it.each(['data/x.json', 'specs/theme.csv', 'data/sub/x.csv'])('refuses %s as not a cited CSV in data/', (url) => {
    expect(checkUrl(url)).toMatch(/is not a CSV table in data\//);
  });
});

describe('findDataRefs', () => {
  it('finds data in layers and lookups, skipping usermeta and config', () => {
    const { refs, diagnostics } = refsOf({
      data: { url: 'data/a.csv' },
      layer: [{ data: { url: './data/b.csv' }, mark: 'bar' }],
      transform: [{ lookup: 'k', from: { data: { url: 'data/c.csv' }, key: 'k' } }],
      usermeta: { data: { url: '/etc/passwd' } },
      config: { data: { url: '/etc/passwd' } },
    });
    expect(diagnostics).toEqual([]);
    expect(refs.map((r) => r.file)).toEqual(['data/a.csv', 'data/b.csv', 'data/c.csv']);
    expect(refs[1]!.jsonPath).toEqual(['layer', 0, 'data']);
  });

  it('refuses inline values and datasets, which carry no citations', () => {
    const { diagnostics } = refsOf({ data: { values: [{ a: 1 }] }, datasets: { x: [] }, mark: 'bar' });
    expect(diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/^inline "values" carry no citations/),
      expect.stringMatching(/^inline "values" carry no citations/),
    ]);
  });

  it('refuses image marks at their position', () => {
    const { diagnostics } = refsOf({ data: { url: 'data/a.csv' }, layer: [{ mark: { type: 'image' } }] });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'specs/t.vl.json:7:4: error: image marks are refused: they would load a file or URL into the graphic',
    ]);
  });
});
