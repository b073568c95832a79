// PNG text must not depend on the fonts a machine has: a build whose
// fontconfig knows no fonts at all draws exactly the same pixels as a normal
// build, because citechart rasterises with its bundled font only.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import pixelmatch from 'pixelmatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { makeProject, minimalProject, readBytes, readText } from '../helpers/fixtureProject.js';

let normal: { cwd: string; result: CliResult };
let fontless: { cwd: string; result: CliResult };

const raw = async (png: Buffer) => {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
};

beforeAll(async () => {
  const a = makeProject(minimalProject);
  const b = makeProject(minimalProject);
  const emptyConf = path.join(b, 'no-fonts.conf');
  writeFileSync(emptyConf, '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n');
  const [ra, rb] = await Promise.all([
    runCli(['build'], { cwd: a }),
    // No fonts anywhere fontconfig would look: its config lists none, and the home folder is empty.
    runCli(['build'], { cwd: b, env: { FONTCONFIG_FILE: emptyConf, FONTCONFIG_PATH: b, HOME: b, XDG_DATA_HOME: b, XDG_CONFIG_HOME: b } }),
  ]);
  normal = { cwd: a, result: ra };
  fontless = { cwd: b, result: rb };
});

describe('fonts', () => {
  it('builds with and without fonts on the machine', () => {
    for (const { result } of [normal, fontless]) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
  });

  it('draws identical pixels when fontconfig lists no fonts', async () => {
    const a = await raw(readBytes(normal.cwd, 'output/exports.png'));
    const b = await raw(readBytes(fontless.cwd, 'output/exports.png'));
    expect({ width: b.width, height: b.height }).toEqual({ width: a.width, height: a.height });
    const differing = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0 });
    expect(differing).toBe(0);
    expect(b.data.equals(a.data)).toBe(true);
  });

  it('really draws the text (both PNGs differ from the same SVG with its text removed)', async () => {
    const svg = readText(normal.cwd, 'output/exports.svg');
    const textless = svg.replace(/<text\b[^>]*>[\s\S]*?<\/text>/g, '');
    expect(textless).not.toBe(svg);
    const blank = await raw(await sharp(Buffer.from(textless), { density: 144 }).png().toBuffer());
    const drawn = await raw(readBytes(normal.cwd, 'output/exports.png'));
    expect(blank.width).toBe(drawn.width);
    // Title, axis labels and the footer's three lines: thousands of glyph pixels.
    expect(pixelmatch(blank.data, drawn.data, undefined, drawn.width, drawn.height, { threshold: 0.1 })).toBeGreaterThan(2000);
  });
});

describe('a first build on a fresh machine', () => {
  it('unpacks the fallback fonts and draws the same bytes as a build with every cache warm', async () => {
    const files = {
      ...minimalProject,
      'data/exports.csv': 'country,exports,source,note\n東京 上海,120,stats-2024,\nمصر,85,stats-2024,\nתל אביב,40,monitor-2023,\n',
      'data/sources.csv': minimalProject['data/sources.csv']!.toString().replace('Trade Monitor', 'الجهاز المركزي للإحصاء'),
    };
    const warm = makeProject(files);
    await runCli(['build'], { cwd: warm });
    const again = await runCli(['build', '--force'], { cwd: warm });
    // Empty temporary folder: no fallback fonts unpacked, no subsets, no widths, no fontconfig cache.
    const cold = makeProject(files);
    const fresh = await runCli(['build'], { cwd: cold, env: { TMPDIR: path.join(cold, 'tmp') }, timeoutMs: 120_000 });
    for (const result of [again, fresh]) expect([result.code, result.stderr]).toEqual([0, '']);
    expect(readText(cold, 'output/exports.svg')).toBe(readText(warm, 'output/exports.svg'));
    expect(readText(cold, 'output/exports.svg')).toMatch(/unicode-range:[^}]*U\+6771/);
    const a = await raw(readBytes(warm, 'output/exports.png'));
    const b = await raw(readBytes(cold, 'output/exports.png'));
    expect(pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0 })).toBe(0);
  }, 180_000);
});
