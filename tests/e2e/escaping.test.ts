// Text from data, sources and specs cannot inject markup or script: a CSV
// cell holding `</text><script>…` and a C0 control character (pasted from a
// spreadsheet) shows literally, and the SVG (and the PNG's XMP) stay
// well-formed XML.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { makeProject, minimalProject, readBytes, readText, SOURCES_CSV } from '../helpers/fixtureProject.js';
import { decodeXml, elementText, footerText, svgJsonLd, XML_FORBIDDEN, xmlProblem } from '../helpers/svg.js';

const EVIL_LABEL = 'Evil\u0001</text><script>alert(1)</script>';
const EVIL_NOTE = 'Counted by hand\u0001 & <b>rounded</b></text><script>alert(2)</script>';
const LABELS_CSV =
  'item,count,source,note\n' +
  `${EVIL_LABEL},3,smith-2022,${EVIL_NOTE}\n` +
  'Plain widgets,5,stats-2024,\n';
const SOURCES = SOURCES_CSV + 'smith-2022,Smith & Sons <Ltd>,"Jo ""JJ"" Smith",Widgets & gadgets,2022,https://example.org/smith?a=1&b=2,a <i>named</i> analyst\n';
const SPEC = {
  title: 'Widgets & <gadgets>',
  data: { url: 'data/labels.csv' },
  // Wide enough for the label at the end of its bar: a text mark wider than the
  // room to the plot's right edge would be cut (src/render/fitToWidth.ts).
  width: 600,
  height: { step: 28 },
  encoding: {
    y: { field: 'item', type: 'nominal', sort: null, title: null, axis: { labelLimit: 400 } },
    x: { field: 'count', type: 'quantitative', title: 'Count' },
  },
  layer: [{ mark: 'bar' }, { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'item' } } }],
  usermeta: { citechart: { notes: ['Figures < 10 are "estimates" & rounded'], credit: 'Graphic: Test desk' } },
};

let cwd: string;
let result: CliResult;
let svg: string;

beforeAll(async () => {
  cwd = makeProject({
    ...minimalProject,
    'data/sources.csv': SOURCES,
    'data/labels.csv': LABELS_CSV,
    'specs/labels.vl.json': JSON.stringify(SPEC, null, 2) + '\n',
  });
  result = await runCli(['build', 'labels'], { cwd });
  svg = result.code === 0 ? readText(cwd, 'output/labels.svg') : '';
});

describe('escaping', () => {
  it('builds, saying where each control character was removed', () => {
    expect(result.errLines).toHaveLength(2);
    for (const line of result.errLines) expect(line).toMatch(/^data\/labels\.csv:2:\d+: warning: a control character \(U\+0001\) was removed here/);
    expect(result.outLines).toEqual(['built labels: output/labels.svg, output/labels.png, output/labels.html', '1 chart built']);
    expect(result.code).toBe(0);
  });

  it('writes a well-formed SVG that sharp can render', async () => {
    expect(xmlProblem(svg)).toBeUndefined();
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    expect((await sharp(png).metadata()).width).toBeGreaterThan(300);
  });

  it('shows the cell literally (escaped) and injects no element', () => {
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/<b>|<i>|<gadgets>|<Ltd>/);
    // Drawn as text: the axis label and the text mark both read the cell, without the control character.
    const texts = [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => decodeXml(m[1]!));
    expect(texts.filter((t) => t === 'Evil</text><script>alert(1)</script>').length).toBeGreaterThanOrEqual(2);
  });

  it('drops the control character everywhere', () => {
    expect(svg).not.toMatch(XML_FORBIDDEN);
    expect(svg).not.toContain('&#1;');
    expect(svg).not.toContain('&#x1;');
    expect(svg).not.toContain('\\u0001');
  });

  it('escapes title, footer (notes, sources) and metadata', () => {
    expect(elementText(svg, 'title')).toBe('Widgets & <gadgets>');
    expect(footerText(svg)).toBe(
      'Sources: 1. Smith & Sons <Ltd> (Jo "JJ" Smith), 2022, citing a <i>named</i> analyst ' +
        '2. Statistics Office (Ana Diaz and Ben Okafor), March 2024, citing customs records ' +
        'Notes: Figures < 10 are "estimates" & rounded ' +
        '1. Counted by hand & <b>rounded</b></text><script>alert(2)</script> ' +
        'Graphic: Test desk',
    );
    const ld = svgJsonLd(svg);
    expect(ld.name).toBe('Widgets & <gadgets>');
    expect(ld.citation[0]).toMatchObject({ publisher: { name: 'Smith & Sons <Ltd>' }, url: 'https://example.org/smith?a=1&b=2' });
    expect(ld.description).toContain('Evil</text><script>alert(1)</script>');
  });

  it('keeps the PNG XMP packet well-formed and script-free too', async () => {
    const { xmp } = await sharp(readBytes(cwd, 'output/labels.png')).metadata();
    const packet = xmp!.toString('utf8').replace(/^<\?xpacket[^>]*\?>|<\?xpacket[^>]*\?>\s*$/g, '');
    expect(xmlProblem(packet)).toBeUndefined();
    expect(packet).not.toMatch(/<script/i);
    expect(packet).toContain('Smith &amp; Sons &lt;Ltd&gt;');
  });
});

describe('the well-formedness check itself', () => {
  it.each([
    ['<svg><text>a</text></svg>', undefined],
    ['<?xml version="1.0"?>\n<svg a="1" b=\'2\'><t>x &amp; y &#60; &#x3c;</t><e/></svg>\n', undefined],
    ['<svg><text></svg>', '</svg> at 11 closes <text>'],
    ['<svg>a & b</svg>', 'bare "&" at 7'],
    ['<svg>a < b</svg>', 'malformed start tag at 7: "< b</svg>"'],
    ['<svg a="1" a="2"/>', 'attribute a repeated at 0'],
    ['<svg a="x<y"/>', 'in attribute a: stray "<" at 1'],
    ['<svg>\u0001</svg>', 'forbidden character U+0001 at 5'],
    ['<svg/><svg/>', 'second root element at 6'],
    ['<svg><g>', 'unclosed <g>'],
  ])('%j → %s', (xml, problem) => {
    expect(xmlProblem(xml)).toBe(problem);
  });
});
