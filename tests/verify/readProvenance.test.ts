import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInputs } from '../../src/verify/checkInputs.js';
import { parseProvenance, readProvenance } from '../../src/verify/readProvenance.js';
import { provenanceText } from '../../src/verify/provenanceText.js';
import { sha256 } from '../../src/provenance/hashInputs.js';
import { makeProject } from '../helpers/fixtureProject.js';

const HASH = 'a'.repeat(64);
const ld = (contentUrl = 'data/x.csv', extra: Record<string, unknown> = {}) =>
  JSON.stringify({ identifier: 'x', creator: { name: 'citechart' }, isBasedOn: [{ contentUrl, sha256: HASH }], ...extra });
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

describe('provenanceText', () => {
  it('decodes entities in SVG <metadata>, whatever else the SVG holds', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><!-- <metadata>{}</metadata> --><title>&lt;metadata&gt;</title><metadata id="m">${escapeXml('{"a":"<&>"}')}</metadata></svg>`;
    expect(provenanceText(svg, 'xml')).toEqual(['{"a":"<&>"}']);
  });

  it('reads JSON-LD scripts of an HTML page raw, before the metadata of inline SVGs, and skips other scripts', () => {
    const html = `<script>var x = "<metadata>"</script><svg><metadata>{"m":1}</metadata></svg><SCRIPT type=" Application/LD+JSON ">{"s":"\\u003c/script>"}</SCRIPT>`;
    expect(provenanceText(html, 'html')).toEqual(['{"s":"\\u003c/script>"}', '{"m":1}']);
  });
});

describe('parseProvenance', () => {
  it('reads the inputs and the name of citechart JSON-LD', () => {
    expect(parseProvenance(ld())).toEqual({ name: 'x', inputs: [{ file: 'data/x.csv', sha256: HASH }], trails: [] });
  });

  it.each([
    ['not JSON', '{'],
    ['another creator', ld('data/x.csv', { creator: { name: 'other' } })],
    ['no inputs list', JSON.stringify({ creator: { name: 'citechart' } })],
    ['a malformed hash', ld().replace(HASH, 'xyz')],
    ['a path that is not text', JSON.stringify({ creator: { name: 'citechart' }, isBasedOn: [{ contentUrl: 1, sha256: HASH }] })],
    ['an array', '[]'],
    ['an empty inputs list (nothing to check is not up to date)', JSON.stringify({ creator: { name: 'citechart' }, isBasedOn: [] })],
  ])('refuses %s', (_, text) => {
    expect(parseProvenance(text)).toBeUndefined();
  });
});

describe('readProvenance', () => {
  it('reads an HTML snippet by extension and an SVG by its first tag', async () => {
    const html = `<figure><script type="application/ld+json">${ld()}</script></figure>`;
    expect((await readProvenance('a.html', Buffer.from(html)))?.name).toBe('x');
    const svg = `<?xml version="1.0"?>\n<svg><metadata>${escapeXml(ld())}</metadata></svg>`;
    expect((await readProvenance('a.graphic', Buffer.from(svg)))?.name).toBe('x');
  });

  it('finds nothing in a damaged PNG', async () => {
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('garbage')]);
    expect(await readProvenance('a.png', bytes)).toBeUndefined();
  });
});

describe('checkInputs', () => {
  it('sorts inputs into changed, missing and outside the project, reading none outside', async () => {
    const dir = makeProject({ 'data/same.csv': 'a\n', 'data/edited.csv': 'b\n' });
    const outside = makeProject({ 'secret.csv': 'a\n' });
    mkdirSync(path.join(dir, 'specs'));
    symlinkSync(path.join(outside, 'secret.csv'), path.join(dir, 'data', 'link.csv'));
    writeFileSync(path.join(dir, 'data', 'edited.csv'), 'changed\n');
    const result = await checkInputs(dir, [
      { file: 'data/same.csv', sha256: sha256('a\n') },
      { file: 'data/edited.csv', sha256: sha256('b\n') },
      { file: 'data/gone.csv', sha256: HASH },
      { file: 'data/link.csv', sha256: sha256('a\n') },
      { file: '/etc/passwd', sha256: HASH },
      { file: 'data/../../x', sha256: HASH },
      { file: 'data\\..\\..\\x', sha256: HASH },
      { file: 'data', sha256: HASH },
    ]);
    expect(result).toEqual({
      changed: ['data/edited.csv'],
      missing: ['data/gone.csv', 'data'],
      outside: ['data/link.csv', '/etc/passwd', 'data/../../x', 'data\\..\\..\\x'],
      added: [],
    });
  });

  it('takes a file that differs only in line ends (git autocrlf) as unchanged, any other byte as changed', async () => {
    const lf = 'a,b\n1,2\n';
    const crlf = 'a,b\r\n1,2\r\n';
    const dir = makeProject({ 'data/to-crlf.csv': crlf, 'data/to-lf.csv': lf, 'data/edited.csv': 'a,b\r\n1,3\r\n', 'data/mixed.csv': 'a,b\r\n1,2\n' });
    const result = await checkInputs(dir, [
      { file: 'data/to-crlf.csv', sha256: sha256(lf) },
      { file: 'data/to-lf.csv', sha256: sha256(crlf) },
      { file: 'data/edited.csv', sha256: sha256(lf) },
      { file: 'data/mixed.csv', sha256: sha256(lf) },
    ]);
    expect(result.changed).toEqual(['data/edited.csv']);
  });

  it('names a sidecar or theme that exists now but was not there at build time', async () => {
    const dir = makeProject({
      'data/table.csv': 'a\n',
      'data/table.schema.json': '{}',
      'data/typed.csv': 'b\n',
      'data/typed.schema.json': '{}',
      'data/sources.csv': 's\n',
      'data/sources.schema.json': '{}',
      'specs/chart.vl.json': '{}',
      'specs/theme.json': '{}',
    });
    const recorded = [
      { file: 'data/table.csv', sha256: sha256('a\n') },
      { file: 'data/typed.csv', sha256: sha256('b\n') },
      { file: 'data/typed.schema.json', sha256: sha256('{}') },
      { file: 'data/sources.csv', sha256: sha256('s\n') },
    ];
    // Without a spec recorded the theme is not the graphic's concern; sources.csv has no sidecar.
    expect((await checkInputs(dir, recorded)).added).toEqual(['data/table.schema.json']);
    const withSpec = await checkInputs(dir, [...recorded, { file: 'specs/chart.vl.json', sha256: sha256('{}') }]);
    expect(withSpec).toEqual({ changed: [], missing: [], outside: [], added: ['data/table.schema.json', 'specs/theme.json'] });
  });
});
