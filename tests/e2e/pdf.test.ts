// `--formats pdf` end to end: the built CLI writes a vector PDF whose text is
// the SVG's (extracted with pdf.js), whose page drawn by poppler is the PNG,
// whose XMP `verify` reads, byte-identical from one build to the next.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { barSpec, EXPORTS_CSV, makeProject, minimalProject, readBytes, readText } from '../helpers/fixtureProject.js';
import sharp from 'sharp';
import { charsOf, differingShare, drawPdfPage, pdfPageSize, pdfText, rawPixels, svgTexts, toUnicodeChars } from '../helpers/pdf.js';

const PDF_FORMATS = ['--formats', 'svg,png,pdf'];
// Measured on these charts: 0.03–0.16% of pixels differ (anti-aliasing of glyph edges by two rasterisers, kerning at line ends).
const MAX_DIFFERING = 0.005;

const french = {
  ...minimalProject,
  'data/exports.csv': 'country,exports,source,note\nNorvège,120,stats-2024,\nChili,85,stats-2024,Chiffre « provisoire » à 90\u202f%\nKenya,40,monitor-2023,\n',
  'specs/exports.vl.json': barSpec({ title: 'Exportations de widgets\u202f: pays', extra: { usermeta: { citechart: { locale: 'fr', credit: 'Graphique\u202f: desk' } } } }),
};

const scripts = {
  ...minimalProject,
  'data/exports.csv': 'country,exports,source,note\n東京 上海,120,stats-2024,\nمصر القاهرة,85,stats-2024,\nתל אביב,40,monitor-2023,\n',
};

async function built(files: Record<string, string>): Promise<string> {
  const cwd = makeProject(files);
  const result = await runCli(['build', ...PDF_FORMATS], { cwd, timeoutMs: 120_000 });
  expect([result.code, result.stderr]).toEqual([0, '']);
  return cwd;
}

const projects: Record<string, string> = {};
beforeAll(async () => {
  const [plain, fr, many] = await Promise.all([built(minimalProject), built(french), built(scripts)]);
  Object.assign(projects, { plain, fr, many });
}, 240_000);

describe('build --formats pdf', () => {
  it('writes NAME.pdf beside the SVG and PNG, listed in the manifest, whole to %%EOF', () => {
    const manifest = JSON.parse(readText(projects.plain!, 'output/manifest.json')) as { charts: Record<string, { files: string[] }> };
    expect(manifest.charts.exports!.files).toContain('output/exports.pdf');
    const pdf = readBytes(projects.plain!, 'output/exports.pdf');
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('is not written unless asked for: the default formats stay svg, png and html', async () => {
    const cwd = makeProject(minimalProject);
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    expect(() => readBytes(cwd, 'output/exports.pdf')).toThrow();
  });

  it('keeps the text as text, in the embedded fonts: pdf.js extracts every line of the SVG', async () => {
    for (const cwd of [projects.plain!, projects.fr!]) {
      const text = (await pdfText(readBytes(cwd, 'output/exports.pdf'))).replace(/\s+/g, ' ');
      const lines = svgTexts(readText(cwd, 'output/exports.svg')).map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
      expect(lines.length).toBeGreaterThan(5);
      for (const line of lines) expect(text).toContain(line);
      expect(charsOf(text)).toBe(charsOf(lines.join(' ')));
    }
    const pdf = readBytes(projects.plain!, 'output/exports.pdf').toString('latin1');
    // Two faces (regular, bold), each a CID TrueType subset with its ToUnicode map.
    expect(pdf.match(/\/FontFile2 /g)?.length).toBe(2);
    expect(pdf.match(/\/ToUnicode /g)?.length).toBe(2);
    expect(pdf).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('draws the page as the PNG shows it (pdftoppm at 192 dpi = 2 px per CSS px)', async () => {
    for (const cwd of [projects.plain!, projects.fr!, projects.many!]) {
      const page = await drawPdfPage(readBytes(cwd, 'output/exports.pdf'), 192);
      const png = await rawPixels(readBytes(cwd, 'output/exports.png'));
      expect({ width: page.width, height: page.height }).toEqual({ width: png.width, height: png.height });
      expect(differingShare(page, png)).toBeLessThan(MAX_DIFFERING);
    }
  });

  it('keeps French typography: the narrow no-break space before % and : is drawn at its own width', async () => {
    const svg = readText(projects.fr!, 'output/exports.svg');
    expect(svg).toContain('\u202f');
    // In the SVG's own subset (a browser would otherwise take it from another font)…
    expect(svg).toMatch(/unicode-range:[^}]*U\+202F/);
    // …and so in the PDF, its glyph mapped to U+202F (pdf.js and pdftotext show any space as U+0020).
    expect(toUnicodeChars(readBytes(projects.fr!, 'output/exports.pdf')).has('\u202f')).toBe(true);
    const page = await drawPdfPage(readBytes(projects.fr!, 'output/exports.pdf'), 192);
    expect(differingShare(page, await rawPixels(readBytes(projects.fr!, 'output/exports.png')))).toBeLessThan(MAX_DIFFERING);
  });

  it('keeps the glyphs of every script: CJK, Arabic and Hebrew in their fallback fonts', async () => {
    const pdf = readBytes(projects.many!, 'output/exports.pdf');
    const text = await pdfText(pdf);
    const lines = svgTexts(readText(projects.many!, 'output/exports.svg'));
    // Right-to-left words are laid out in the order a line shows them: the same characters, not the same order.
    expect(charsOf(text)).toBe(charsOf(lines.join(' ')));
    for (const word of ['東京', '上海', 'مصر', 'القاهرة', 'אביב']) expect(text).toContain(word);
    const fonts = pdf.toString('latin1').match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g) ?? [];
    expect(fonts.some((font) => /NotoSansArabic/.test(font))).toBe(true);
    expect(fonts.some((font) => /NotoSansHebrew/.test(font))).toBe(true);
    expect(fonts.some((font) => /NotoSans(SC|JP|TC|KR)/.test(font))).toBe(true);
  });

  it('carries its fonts when the spec leaves them out of the SVG (embedFonts: false), and draws the dark scheme with --theme dark', async () => {
    const spec = JSON.parse(barSpec()) as { usermeta: { citechart: Record<string, unknown> } };
    spec.usermeta.citechart.embedFonts = false;
    const cwd = makeProject({ ...minimalProject, 'specs/exports.vl.json': JSON.stringify(spec) });
    expect((await runCli(['build', '--theme', 'dark', ...PDF_FORMATS], { cwd })).code).toBe(0);
    expect(readText(cwd, 'output/exports.svg')).not.toContain('@font-face');
    const pdf = readBytes(cwd, 'output/exports.pdf');
    expect(pdf.toString('latin1').match(/\/FontFile2 /g)?.length).toBe(2);
    const page = await drawPdfPage(pdf, 192);
    expect(differingShare(page, await rawPixels(readBytes(cwd, 'output/exports.png')))).toBeLessThan(MAX_DIFFERING);
  });

  it('sizes the page as the graphic: 1 CSS px = 0.75 pt', async () => {
    const svg = readText(projects.plain!, 'output/exports.svg');
    const [, width, height] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
    const size = await pdfPageSize(readBytes(projects.plain!, 'output/exports.pdf'));
    expect(size.width).toBeCloseTo(Number(width) * 0.75, 2);
    expect(size.height).toBeCloseTo(Number(height) * 0.75, 2);
  });

  it('records the provenance in its XMP: verify finds it up to date, then stale when a figure changes', async () => {
    const cwd = makeProject(minimalProject);
    expect((await runCli(['build', ...PDF_FORMATS], { cwd })).code).toBe(0);
    const pdf = readBytes(cwd, 'output/exports.pdf').toString('utf8');
    const xmp = /<citechart:provenance>([^<]*)<\/citechart:provenance>/.exec(pdf)![1]!;
    const png = (await sharp(readBytes(cwd, 'output/exports.png')).metadata()).xmp!.toString('utf8');
    // The PNG's record, but for the format it names.
    expect(xmp.replace('application/pdf', 'image/png')).toBe(/<citechart:provenance>([^<]*)<\/citechart:provenance>/.exec(png)![1]);
    const fresh = await runCli(['verify', '--all'], { cwd });
    expect(fresh.outLines).toContain('output/exports.pdf: up to date');
    expect(fresh.code).toBe(0);
    writeFileSync(path.join(cwd, 'data/exports.csv'), EXPORTS_CSV.replace('Norway,120', 'Norway,121'));
    const stale = await runCli(['verify', 'output/exports.pdf'], { cwd });
    expect(stale.outLines[0]).toMatch(/^output\/exports\.pdf: stale/);
    expect(stale.code).toBe(1);
  });

  it('refuses a PDF cut short, whatever its XMP says', async () => {
    const cwd = makeProject(minimalProject);
    expect((await runCli(['build', ...PDF_FORMATS], { cwd })).code).toBe(0);
    const pdf = readBytes(cwd, 'output/exports.pdf');
    writeFileSync(path.join(cwd, 'output/exports.pdf'), pdf.subarray(0, pdf.length - 200));
    const result = await runCli(['verify', 'output/exports.pdf'], { cwd });
    expect(result.errLines).toEqual([expect.stringMatching(/^output\/exports\.pdf: error: this PDF is damaged or cut short/)]);
    expect(result.code).toBe(1);
  });

  it('gives the same bytes on every build (a CreationDate from the sources, no random ids), so the cache keeps it', async () => {
    const cwd = projects.plain!;
    const before = readBytes(cwd, 'output/exports.pdf');
    const again = await runCli(['build', ...PDF_FORMATS], { cwd });
    expect(again.outLines.at(-1)).toBe('0 charts built, 1 up to date');
    const forced = await runCli(['build', '--force', ...PDF_FORMATS], { cwd });
    expect(forced.code).toBe(0);
    expect(readBytes(cwd, 'output/exports.pdf').equals(before)).toBe(true);
    // The newest source date (stats-2024: 2024-03), not the clock.
    expect(before.toString('latin1')).toContain('(D:20240301000000Z)');
    expect(before.toString('latin1')).toContain('<xmp:CreateDate>2024-03-01T00:00:00Z</xmp:CreateDate>');
  });
});

describe('a print width in mm', () => {
  it('lays the chart out again at that width: a 90 mm page, text at its size, the SVG untouched', async () => {
    const spec = JSON.parse(barSpec()) as { usermeta: { citechart: Record<string, unknown> } };
    spec.usermeta.citechart.print = { widthMm: 90 };
    const cwd = await built({ ...minimalProject, 'specs/exports.vl.json': JSON.stringify(spec) });
    const pdf = readBytes(cwd, 'output/exports.pdf');
    const size = await pdfPageSize(pdf);
    expect(size.width).toBeCloseTo((90 * 72) / 25.4, 2);
    // 90 mm = 340 px: narrower than the spec's own layout, so the footer wraps onto more lines; every word is still there.
    const text = await pdfText(pdf);
    expect(charsOf(text)).toBe(charsOf(svgTexts(readText(cwd, 'output/exports.svg')).join(' ')));
    const [, svgWidth] = /viewBox="0 0 ([\d.]+)/.exec(readText(cwd, 'output/exports.svg'))!;
    expect(Number(svgWidth)).toBeGreaterThan(340);
  });

  it('comes from the theme too (style citechart-print-mm), and a bad one is an error at its place', async () => {
    const theme = (width: unknown) => JSON.stringify({ ...JSON.parse(minimalProject['specs/theme.json'] as string), style: { 'citechart-print-mm': { width } } }, null, 2);
    const cwd = await built({ ...minimalProject, 'specs/theme.json': theme(120) });
    expect((await pdfPageSize(readBytes(cwd, 'output/exports.pdf'))).width).toBeCloseTo((120 * 72) / 25.4, 2);
    const bad = makeProject({ ...minimalProject, 'specs/theme.json': theme(5) });
    const result = await runCli(['build', ...PDF_FORMATS], { cwd: bad });
    expect(result.errLines[0]).toMatch(/^specs\/theme\.json:\d+:\d+: error: style "citechart-print-mm" sets the PDF's print width but its width is 5: give a number of millimetres from 20 to 1000/);
    expect(result.code).toBe(1);
  });

  it('refuses a spec print width out of range, at its place', async () => {
    const spec = JSON.parse(barSpec()) as { usermeta: { citechart: Record<string, unknown> } };
    spec.usermeta.citechart.print = { widthMm: 5000 };
    const cwd = makeProject({ ...minimalProject, 'specs/exports.vl.json': JSON.stringify(spec, null, 2) });
    const result = await runCli(['build', ...PDF_FORMATS], { cwd });
    expect(result.errLines[0]).toMatch(/^specs\/exports\.vl\.json:\d+:\d+: error: .*print\.widthMm.*1000/);
    expect(result.code).toBe(1);
  });
});
