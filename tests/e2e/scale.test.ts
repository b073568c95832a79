// `--scale N` end to end: the PNG is the graphic's CSS size × N in pixels,
// its XMP the same as at 2×; the theme can set a default; a bad N is a
// usage error; the build cache tells scales apart.
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { runCli } from '../helpers/cli.js';
import { makeProject, minimalProject, readBytes, readText } from '../helpers/fixtureProject.js';

const cssSize = (svg: string) => {
  const [, width, height] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
  return { width: Number(width), height: Number(height) };
};
const pngFacts = async (png: Buffer) => {
  const meta = await sharp(png).metadata();
  return { width: meta.width, height: meta.height, xmp: meta.xmp?.toString('utf8') };
};
const themeWith = (style: Record<string, unknown>) =>
  JSON.stringify({ ...JSON.parse(minimalProject['specs/theme.json'] as string), style }, null, 2);

let atTwo: { width?: number; height?: number; xmp?: string };
let cwd: string;
beforeAll(async () => {
  cwd = makeProject(minimalProject);
  expect((await runCli(['build'], { cwd })).code).toBe(0);
  atTwo = await pngFacts(readBytes(cwd, 'output/exports.png'));
});

describe('--scale', () => {
  it('keeps 2× by default: the PNG is twice the graphic\'s CSS size', () => {
    const css = cssSize(readText(cwd, 'output/exports.svg'));
    expect({ width: atTwo.width, height: atTwo.height }).toEqual({ width: css.width * 2, height: css.height * 2 });
  });

  it('--scale 3 draws 3 PNG px per CSS px, rebuilds though nothing else changed, and records the same XMP', async () => {
    const result = await runCli(['build', '--scale', '3'], { cwd });
    // The cache key holds the scale: a 2× PNG on disk is not "up to date" at 3×.
    expect(result.outLines.at(-1)).toBe('1 chart built');
    const css = cssSize(readText(cwd, 'output/exports.svg'));
    const atThree = await pngFacts(readBytes(cwd, 'output/exports.png'));
    expect({ width: atThree.width, height: atThree.height }).toEqual({ width: css.width * 3, height: css.height * 3 });
    expect(atThree.xmp).toBe(atTwo.xmp);
    expect((await runCli(['build', '--scale', '3'], { cwd })).outLines.at(-1)).toBe('0 charts built, 1 up to date');
    expect((await runCli(['verify', 'output/exports.png'], { cwd })).code).toBe(0);
  });

  it('takes a decimal scale (1.5), rounding the pixel size', async () => {
    const dir = makeProject(minimalProject);
    expect((await runCli(['build', '--scale', '1.5', '--formats', 'svg,png'], { cwd: dir })).code).toBe(0);
    const css = cssSize(readText(dir, 'output/exports.svg'));
    const png = await pngFacts(readBytes(dir, 'output/exports.png'));
    expect(png.width).toBe(Math.round(css.width * 1.5));
  });

  it.each(['0', '-1', 'x', '9', '1e1', '', ' 2'])('refuses --scale %j as a usage error (exit 2), building nothing', async (value) => {
    const dir = makeProject(minimalProject);
    const result = await runCli(['build', `--scale=${value}`], { cwd: dir });
    expect(result.errLines).toEqual([`citechart: --scale takes a number of PNG pixels per CSS pixel from 0.5 to 8 (e.g. 3), not ${JSON.stringify(value)}`]);
    expect(result.code).toBe(2);
    expect(() => readBytes(dir, 'output/exports.png')).toThrow();
  });
});

describe('the theme\'s scale', () => {
  it('sets the default (style citechart-png-scale), which --scale overrides', async () => {
    const dir = makeProject({ ...minimalProject, 'specs/theme.json': themeWith({ 'citechart-png-scale': { size: 3 } }) });
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const css = cssSize(readText(dir, 'output/exports.svg'));
    expect((await pngFacts(readBytes(dir, 'output/exports.png'))).width).toBe(css.width * 3);
    expect((await runCli(['build', '--scale', '1'], { cwd: dir })).code).toBe(0);
    expect((await pngFacts(readBytes(dir, 'output/exports.png'))).width).toBe(css.width);
  });

  it('is an error at its place when out of range', async () => {
    const dir = makeProject({ ...minimalProject, 'specs/theme.json': themeWith({ 'citechart-png-scale': { size: 20 } }) });
    const result = await runCli(['build'], { cwd: dir });
    expect(result.errLines[0]).toMatch(/^specs\/theme\.json:\d+:\d+: error: style "citechart-png-scale" sets the PNG's scale but its size is 20: give a number of PNG pixels per CSS pixel from 0.5 to 8/);
    expect(result.code).toBe(1);
  });
});
