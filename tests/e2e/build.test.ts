// `citechart build` on a valid project: the files it writes, the manifest,
// the provenance drawn into the SVG and embedded in SVG and PNG, sources cited
// from exactly the rows drawn, and `--out`.
import { createHash } from 'node:crypto';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import {
  barSpec,
  CITE,
  EXPORTS_CSV,
  listFiles,
  makeProject,
  minimalProject,
  readBytes,
  readText,
} from '../helpers/fixtureProject.js';
import { decodeXml, elementText, footerLines, footerText, svgJsonLd, svgSize } from '../helpers/svg.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

// One project, three charts of the same table: all rows (cites both
// sources), the rows of one source filtered out by an expression on the
// source, and rows filtered by value (which drops the other source's only row).
// Kenya's row carries a note: it belongs in the footer only of the chart that draws Kenya.
const files = {
  ...minimalProject,
  'data/exports.csv': EXPORTS_CSV.replace('Kenya,40,monitor-2023,', 'Kenya,40,monitor-2023,Estimate from partial-year data.'),
  'specs/exports-official.vl.json': barSpec({
    title: 'Widget exports, official figures only',
    transform: [{ filter: "datum.source != 'monitor-2023'" }],
  }),
  'specs/exports-top.vl.json': barSpec({
    title: 'Countries exporting 80,000 widgets or more',
    transform: [{ filter: 'datum.exports >= 80' }],
  }),
};
const CHARTS = ['exports', 'exports-official', 'exports-top'];

let cwd: string;
let build: CliResult;
let outCwd: string;
let outBuild: CliResult;

beforeAll(async () => {
  cwd = makeProject(files);
  outCwd = makeProject(files);
  [build, outBuild] = await Promise.all([
    runCli(['build'], { cwd }),
    runCli(['build', 'exports', '--out', 'public/charts'], { cwd: outCwd }),
  ]);
});

/** sha256 of each input of a chart, computed here from the files on disk. */
const inputsOf = (name: string) =>
  ['data/exports.csv', 'data/sources.csv', `specs/${name}.vl.json`, 'specs/theme.json'].map((file) => ({
    file,
    sha256: sha256(readBytes(cwd, file)),
  }));

describe('build on a valid project', () => {
  it('exits 0, reports each chart on stdout and nothing on stderr', () => {
    expect(build.stderr).toBe('');
    expect(build.outLines).toEqual([
      ...CHARTS.map((name) => `built ${name}: output/${name}.svg, output/${name}.png, output/${name}.html`),
      '3 charts built',
    ]);
    expect(build.code).toBe(0);
  });

  it('writes exactly NAME.svg and NAME.png per chart plus manifest.json and the index.html gallery into output/', () => {
    expect(listFiles(path.join(cwd, 'output'))).toEqual(
      [...CHARTS.flatMap((name) => [`${name}.html`, `${name}.png`, `${name}.svg`]), 'index.html', 'manifest.json'].sort(),
    );
  });

  it('renders each PNG at exactly twice the SVG width and height', async () => {
    for (const name of CHARTS) {
      const size = svgSize(readText(cwd, `output/${name}.svg`));
      expect(size.width).toBeGreaterThan(300);
      expect(size.height).toBeGreaterThan(50);
      const png = await sharp(readBytes(cwd, `output/${name}.png`)).metadata();
      expect(png.format).toBe('png');
      expect({ width: png.width, height: png.height }).toEqual({ width: 2 * size.width, height: 2 * size.height });
    }
  });

  it('lists every chart in manifest.json with its files, sources, drawn row keys and the sha256 of each input', () => {
    const manifest = JSON.parse(readText(cwd, 'output/manifest.json'));
    // One hash checked by hand against the bytes on disk, the rest via inputsOf.
    const csvHash = createHash('sha256').update(readBytes(cwd, 'data/exports.csv')).digest('hex');
    expect(manifest.charts.exports.inputs[0]).toEqual({ file: 'data/exports.csv', sha256: csvHash });
    expect(manifest).toEqual({
      generator: 'citechart',
      charts: {
        exports: {
          title: 'Widget exports by country',
          files: ['output/exports.svg', 'output/exports.png', 'output/exports.html'],
          sources: ['stats-2024', 'monitor-2023'],
          inputs: inputsOf('exports'),
          drawn: [{ table: 'data/exports.csv', keys: ['Chile', 'Kenya', 'Norway'] }],
        },
        'exports-official': {
          title: 'Widget exports, official figures only',
          files: ['output/exports-official.svg', 'output/exports-official.png', 'output/exports-official.html'],
          sources: ['stats-2024'],
          inputs: inputsOf('exports-official'),
          drawn: [{ table: 'data/exports.csv', keys: ['Chile', 'Norway'] }],
        },
        'exports-top': {
          title: 'Countries exporting 80,000 widgets or more',
          files: ['output/exports-top.svg', 'output/exports-top.png', 'output/exports-top.html'],
          sources: ['stats-2024'],
          inputs: inputsOf('exports-top'),
          drawn: [{ table: 'data/exports.csv', keys: ['Chile', 'Norway'] }],
        },
      },
    });
  });
});

describe('provenance in the SVG and PNG', () => {
  it('is an accessible image: role, <title> and <desc> referenced by aria-labelledby', () => {
    const svg = readText(cwd, 'output/exports.svg');
    const root = /<svg\b[^>]*>/.exec(svg)![0];
    expect(root).toContain(' role="img"');
    const labelledBy = /\saria-labelledby="([^"]+)"/.exec(root)![1]!.split(' ');
    expect(labelledBy).toHaveLength(2);
    expect(svg).toContain(`<title id="${labelledBy[0]}">Widget exports by country</title>`);
    expect(svg).toContain(`<desc id="${labelledBy[1]}">`);
    expect(elementText(svg, 'desc')).toBe(
      'Bar chart: Widget exports by country. Measure: Exports (thousand units), by country. Norway: 120; Chile: 85; Kenya: 40. ' +
        'Highest: Norway, 120; lowest: Kenya, 40. Sources: Statistics Office and Trade Monitor. ' +
        // Kenya's note, with its row and its number (the marker beside Kenya in the graphic).
        'Note 1 (Kenya): Estimate from partial-year data.',
    );
  });

  it('draws the footer from sources.csv: numbered sources, the drawn rows\' notes, then the credit', () => {
    const svg = readText(cwd, 'output/exports.svg');
    expect(footerText(svg)).toBe(
      `Sources: 1. ${CITE.stats} 2. ${CITE.monitor} Note: 1. Estimate from partial-year data. Graphic: Test desk`,
    );
    const lines = footerLines(svg);
    expect(lines[0]).toMatch(/^Sources: 1\. Statistics Office/);
    expect(lines.filter((line) => line.startsWith('2. Trade Monitor'))).toHaveLength(1);
    expect(lines.at(-1)).toBe('Graphic: Test desk');
  });

  it('embeds JSON-LD in <metadata> naming the sources, the sha256 of the spec and theme, and the rows drawn of each table', () => {
    const ld = svgJsonLd(readText(cwd, 'output/exports.svg'));
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ImageObject',
      identifier: 'exports',
      name: 'Widget exports by country',
      encodingFormat: 'image/svg+xml',
      creditText: 'Graphic: Test desk',
    });
    expect(ld.citation.map((c: { identifier: string }) => c.identifier)).toEqual(['stats-2024', 'monitor-2023']);
    expect(ld.citation[0]).toMatchObject({
      name: 'Widget exports 2024',
      publisher: { name: 'Statistics Office' },
      url: 'https://example.org/widgets-2024',
      datePublished: '2024-03',
      text: CITE.stats,
    });
    // Tables and sources.csv by the rows drawn or cited (src/trail), not by whole-file hashes.
    const media = ld.isBasedOn.filter((input: { '@type': string }) => input['@type'] === 'MediaObject');
    expect(media).toEqual(
      inputsOf('exports').filter(({ file }) => !file.endsWith('.csv')).map(({ file, sha256 }) => ({ '@type': 'MediaObject', contentUrl: file, sha256 })),
    );
    const datasets = ld.isBasedOn.filter((input: { '@type': string }) => input['@type'] === 'Dataset');
    expect(datasets.map((d: { contentUrl: string; rowCount: number }) => [d.contentUrl, d.rowCount])).toEqual([['data/exports.csv', 3], ['data/sources.csv', 2]]);
    // No wall-clock time anywhere: the same inputs must give the same bytes.
    expect(JSON.stringify(ld)).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('carries the same provenance in the PNG as XMP', async () => {
    const { xmp } = await sharp(readBytes(cwd, 'output/exports.png')).metadata();
    expect(xmp).toBeInstanceOf(Buffer);
    const packet = xmp!.toString('utf8');
    const provenance = /<citechart:provenance>([\s\S]*?)<\/citechart:provenance>/.exec(packet)?.[1];
    expect(provenance).toBeDefined();
    const ld = JSON.parse(decodeXml(provenance!));
    const fromSvg = svgJsonLd(readText(cwd, 'output/exports.svg'));
    expect(ld.identifier).toBe('exports');
    expect(ld).toEqual({ ...fromSvg, encodingFormat: 'image/png' });
    expect(decodeXml(packet)).toContain(`${CITE.stats}; ${CITE.monitor}`);
  });
});

describe('sources cited are those of the rows drawn', () => {
  it('a filter on the source column drops that source (and the notes of its rows) from footer and metadata', () => {
    const svg = readText(cwd, 'output/exports-official.svg');
    expect(footerText(svg)).toBe(`Source: ${CITE.stats} Graphic: Test desk`);
    expect(svg).not.toContain('Trade Monitor');
    expect(svg).not.toContain('monitor-2023"'); // neither a citation id nor the source's name
    expect(svgJsonLd(svg).citation.map((c: { identifier: string }) => c.identifier)).toEqual(['stats-2024']);
    expect(elementText(svg, 'desc')).toBe(
      'Bar chart: Widget exports, official figures only. Measure: Exports (thousand units), by country. Norway: 120; Chile: 85. ' +
        'Highest: Norway, 120; lowest: Chile, 85. Source: Statistics Office.',
    );
  });

  it('a filter on a value drops the source whose only row is filtered out', () => {
    const svg = readText(cwd, 'output/exports-top.svg');
    expect(footerText(svg)).toBe(`Source: ${CITE.stats} Graphic: Test desk`);
    expect(svg).not.toContain('Trade Monitor');
  });
});

describe('build --out DIR', () => {
  it('writes the named chart and the manifest into DIR and nothing into output/', async () => {
    expect(outBuild.stderr).toBe('');
    expect(outBuild.outLines).toEqual([
      'built exports: public/charts/exports.svg, public/charts/exports.png, public/charts/exports.html',
      '1 chart built',
    ]);
    expect(outBuild.code).toBe(0);
    expect(listFiles(outCwd)).toEqual([
      'data/exports.csv',
      'data/sources.csv',
      'public/charts/exports.html',
      'public/charts/exports.png',
      'public/charts/exports.svg',
      'public/charts/index.html',
      'public/charts/manifest.json',
      'specs/exports-official.vl.json',
      'specs/exports-top.vl.json',
      'specs/exports.vl.json',
      'specs/theme.json',
    ]);
    const manifest = JSON.parse(readText(outCwd, 'public/charts/manifest.json'));
    expect(Object.keys(manifest.charts)).toEqual(['exports']);
    expect(manifest.charts.exports.files).toEqual(['public/charts/exports.svg', 'public/charts/exports.png', 'public/charts/exports.html']);
    // Same inputs, same graphic, wherever it is written.
    expect(readText(outCwd, 'public/charts/exports.svg')).toBe(readText(cwd, 'output/exports.svg'));
    const png = await sharp(readBytes(outCwd, 'public/charts/exports.png')).metadata();
    expect(png.width).toBe(2 * svgSize(readText(outCwd, 'public/charts/exports.svg')).width);
  });
});

describe('sources of looked-up figures', () => {
  // BUG (reported): the bars are exports ÷ population, with population taken
  // from a second table by a `lookup`; every drawn value depends on that
  // table's rows, yet only the primary table's source is cited (drawnRows
  // sees only the primary rows' ids, since lookup copies just the named fields).
  it('cites the sources of the table a lookup draws from', async () => {
    const cwd = makeProject({
      ...minimalProject,
      'data/exports.csv': 'country,exports,source\nNorway,120,stats-2024\nChile,85,stats-2024\n',
      'data/population.csv': 'country,population,source\nNorway,5.5,monitor-2023\nChile,19.6,monitor-2023\n',
      'specs/exports.vl.json': barSpec({
        title: 'Widget exports per million people',
        transform: [
          { lookup: 'country', from: { data: { url: 'data/population.csv' }, key: 'country', fields: ['population'] } },
          { calculate: 'datum.exports / datum.population', as: 'per_million' },
        ],
        extra: { encoding: { y: { field: 'country', type: 'nominal' }, x: { field: 'per_million', type: 'quantitative' } } },
      }),
    });
    const result = await runCli(['build'], { cwd });
    expect(result.code).toBe(0);
    expect(footerText(readText(cwd, 'output/exports.svg'))).toBe(
      `Sources: 1. ${CITE.stats} 2. ${CITE.monitor} Graphic: Test desk`,
    );
  });
});
