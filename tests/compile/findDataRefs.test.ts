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
  it('finds data in layers and lookups, skipping usermeta', () => {
    const { refs, diagnostics } = refsOf({
      data: { url: 'data/a.csv', format: { type: 'csv', parse: { year: 'date' } } },
      layer: [{ data: { url: './data/b.csv' }, mark: 'bar' }],
      transform: [{ lookup: 'k', from: { data: { url: 'data/c.csv' }, key: 'k' } }],
      usermeta: { data: { url: '/etc/passwd' } },
    });
    expect(diagnostics).toEqual([]);
    expect(refs.map((r) => r.file)).toEqual(['data/a.csv', 'data/b.csv', 'data/c.csv']);
    expect(refs[1]!.jsonPath).toEqual(['layer', 0, 'data']);
    expect(refs.map((r) => r.lookup)).toEqual([false, false, true]);
  });

  it('finds data in concat, facet and repeat views', () => {
    const { refs, diagnostics } = refsOf({
      hconcat: [{ data: { url: 'data/a.csv' }, mark: 'bar' }],
      vconcat: [{ facet: { row: { field: 'k' } }, data: { url: 'data/b.csv' }, spec: { mark: 'bar' } }],
      concat: [{ repeat: ['x'], spec: { data: { url: 'data/c.csv' }, mark: 'bar' } }],
    });
    expect(diagnostics).toEqual([]);
    expect(refs.map((r) => r.file)).toEqual(['data/a.csv', 'data/b.csv', 'data/c.csv']);
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

// Issue 9, item 2: a data URL that was an object (`{"signal": "'.env'"}`) was
// never checked, and Vega read the project's .env into the graphic. Only a
// literal "data/NAME.csv" string is a URL citechart accepts, anywhere.
describe('findDataRefs refuses every other way to load a file', () => {
  const messagesOf = (spec: unknown) => refsOf(spec).diagnostics.map(formatDiagnostic);
  const at = (spec: unknown, needle: string) => {
    const text = JSON.stringify(spec, null, 1);
    const before = text.slice(0, text.indexOf(needle));
    return `specs/t.vl.json:${before.split('\n').length}:${before.length - before.lastIndexOf('\n')}`;
  };
  const base = { data: { url: 'data/a.csv' }, mark: 'bar' };

  it.each([
    ['a signal', { signal: "'.env'" }, '{"signal": …}'],
    ['an expression', { expr: "'../' + '.env'" }, '{"expr": …}'],
    ['a number', 5, '5'],
    ['a list', ['data/a.csv'], 'a list'],
  ])('a data url that is %s, at its line:col', (_, url, shown) => {
    const spec = { ...base, layer: [{ data: { url }, mark: 'text' }] };
    expect(messagesOf(spec)).toEqual([
      `${at(spec, '"url": ' + (typeof url === 'object' && !Array.isArray(url) ? '{' : typeof url === 'number' ? '5' : '['))}: error: a data url must be a literal "data/NAME.csv" string, not ${shown}: a signal or expression could load any file or URL`,
    ]);
  });

  it('a lookup from an object url or from outside data/', () => {
    const spec = {
      ...base,
      transform: [
        { lookup: 'k', from: { data: { url: { signal: 'secret' } }, key: 'k' } },
        { lookup: 'k', from: { data: { url: '../.env.csv' }, key: 'k' } },
      ],
    };
    const messages = messagesOf(spec);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^specs\/t.vl.json:\d+:\d+: error: a data url must be a literal "data\/NAME.csv" string/);
    expect(messages[1]).toMatch(/data url "..\/.env.csv" points outside the project's data\/ folder/);
  });

  it('an image url in a mark or an encoding, and a url in params or config', () => {
    const spec = {
      ...base,
      layer: [
        { mark: { type: 'point', url: '/etc/passwd' } },
        { mark: 'point', encoding: { url: { value: 'data/a.csv' } } },
        { mark: 'point', encoding: { url: { field: 'path' } } },
      ],
      params: [{ name: 'p', value: { url: { signal: "'.env'" } } }],
      config: { image: { url: '.env' }, data: { url: 'data/a.csv' } },
    };
    const messages = messagesOf(spec);
    expect(messages).toHaveLength(6);
    for (const message of messages) expect(message).toMatch(/error: a "url" is allowed only as "data": \{"url": "data\/NAME.csv"\}/);
    expect(refsOf(spec).refs.map((r) => r.file)).toEqual(['data/a.csv']);
  });

  it.each(['json', 'tsv', 'dsv', 'topojson', { signal: "'dsv'" }])('a data format %j', (type) => {
    const spec = { data: { url: 'data/a.csv', format: { type, delimiter: '|' } }, mark: 'bar' };
    expect(messagesOf(spec)).toEqual([
      `${at(spec, '"type"')}: error: data format ${JSON.stringify(typeof type === 'string' ? type : '{"signal": …}')} is refused: citechart reads every table as CSV; remove "type" or write "csv"`,
    ]);
  });

  it('a url nested inside a data object (besides its own url)', () => {
    const spec = { data: { url: 'data/a.csv', name: 'x', format: { parse: { url: { signal: 'x' } } } }, mark: 'bar' };
    expect(messagesOf(spec)).toHaveLength(1);
  });
});

describe('findDataRefs on the theme (a config object)', () => {
  it('refuses any url in it, data or not, and finds no data', () => {
    const { json } = parseJsonText('specs/theme.json', JSON.stringify({ image: { url: '.env' }, data: { url: 'data/a.csv' }, font: 'x' }, null, 1));
    const { refs, diagnostics } = findDataRefs(json!, true);
    expect(refs).toEqual([]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'specs/theme.json:3:3: error: a "url" is allowed only as "data": {"url": "data/NAME.csv"}; anywhere else it would load a file or URL into the graphic',
      'specs/theme.json:6:3: error: a "url" is allowed only as "data": {"url": "data/NAME.csv"}; anywhere else it would load a file or URL into the graphic',
    ]);
  });
});
