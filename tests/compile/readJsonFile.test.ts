import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../src/compile/readJsonFile.js';
import { formatDiagnostic } from '../../src/errors.js';

describe('parseJsonText', () => {
  it('reports a syntax error with its line and column', () => {
    const { json, diagnostics } = parseJsonText('specs/a.vl.json', '{\n  "mark": "bar",\n  "x": }\n');
    expect(json).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)[0]).toBe('specs/a.vl.json:3:8: error: invalid JSON: a value is expected here (a stray comma, or a value missing after a colon?)');
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

// From the break-it pass: jsonc-parser's codes reached users as they are
// ("invalid JSON: InvalidCommentToken"), a stray comma gave two errors at
// one place, and a key set twice silently kept the later value.
describe('parseJsonText, as an editor meets it', () => {
  it('says each syntax error in words, once per place', () => {
    const lines = (text: string) => parseJsonText('specs/a.vl.json', text).diagnostics.map(formatDiagnostic);
    expect(lines('{"mark": "bar",,\n"width": 3}')).toEqual(['specs/a.vl.json:1:16: error: invalid JSON: a property name in double quotes is expected here (a stray or trailing comma?)']);
    expect(lines('{"width": 3 // px\n}')).toEqual(['specs/a.vl.json:1:13: error: invalid JSON: comments are not allowed in JSON; delete the comment']);
    for (const text of ['{"a": tru}', '{"a": "x\\q"}', '{"a": 1 "b": 2}', '{"a": [1}', "{'a': 1}"]) {
      for (const line of lines(text)) expect(line).not.toMatch(/invalid JSON: [A-Z][a-z]+[A-Z]/);
    }
  });

  it('warns of a key set twice in one object, at the ignored one', () => {
    const { json, diagnostics } = parseJsonText('specs/a.vl.json', '{\n  "width": 300,\n  "mark": "bar",\n  "width": 400\n}');
    expect((json!.value as { width: number }).width).toBe(400);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'specs/a.vl.json:2:3: warning: "width" is set again at line 4, column 3, and only that later value is used (this one is ignored); delete one of them',
    ]);
    // The same key in two objects is no duplicate.
    expect(parseJsonText('specs/a.vl.json', '{"x": {"field": "a"}, "y": {"field": "b"}}').diagnostics).toEqual([]);
  });
});

describe('readJsonFile', () => {
  it('a spec saved as UTF-16 is told to be saved as UTF-8, not as "CSV UTF-8" with a sidecar', async () => {
    const { readJsonFile } = await import('../../src/compile/readJsonFile.js');
    const { makeProject } = await import('../helpers/fixtureProject.js');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"mark": "bar"}', 'utf16le')]);
    const cwd = makeProject({ 'specs/a.vl.json': new Uint8Array(utf16) });
    expect((await readJsonFile(cwd, 'specs/a.vl.json')).diagnostics.map(formatDiagnostic)).toEqual([
      'specs/a.vl.json:1:1: error: the file is UTF-16 (utf-16le, as some Windows editors save "Unicode"), not UTF-8; save it as UTF-8',
    ]);
  });
});

// Review (round 10): placing an error at each of 100,000 entries of one
// object took minutes (every lookup read the object's keys, and each line
// number walked back from the end of the file). Keys are indexed once now.
describe('locating many values of one object', () => {
  it('points where jsonc-parser does: the first of duplicate keys, a key of an array, a path through a string', async () => {
    const { findNodeAtLocation, parseTree } = await import('jsonc-parser');
    const text = '{\n  "a": {"b": 1, "b": 2, "c": [10, {"d": 3}]},\n  "e": "text",\n  "a": 4\n}';
    const { json } = parseJsonText('specs/a.vl.json', text);
    const tree = parseTree(text)!;
    for (const path of [['a'], ['a', 'b'], ['a', 'c', 1, 'd'], ['a', 'c', 2], ['a', 'c', 'x'], ['e', 'x'], ['e', 0], ['z'], []] as Array<Array<string | number>>) {
      let node;
      for (let n = path.length; n >= 0 && !node; n--) node = findNodeAtLocation(tree, path.slice(0, n));
      const target = node?.parent?.type === 'property' ? node.parent : node;
      const before = text.slice(0, target!.offset);
      expect(json!.locate(path), JSON.stringify(path)).toEqual({ line: before.split('\n').length, column: target!.offset - before.lastIndexOf('\n') });
    }
  });

  it('100,000 entries that are not text are each an error at its line, in seconds, not minutes', { timeout: 120_000 }, async () => {
    const { readTranslation } = await import('../../src/locale/readTranslation.js');
    const { makeProject } = await import('../helpers/fixtureProject.js');
    const values = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`label ${i}`, i]));
    const cwd = makeProject({ 'specs/c.fr.json': JSON.stringify({ values }, null, 2) });
    const { diagnostics } = await readTranslation(cwd, 'c.fr');
    expect(diagnostics).toHaveLength(100_000);
    // `{`, `"values": {`, then one entry a line.
    expect(diagnostics[99_999]).toMatchObject({ line: 100_002, column: 5 });
  });
});
