// verify must never call a graphic cut short "up to date": its provenance
// (inputs and their hashes) sits near its start, so a PNG or SVG truncated
// on a full disk still recorded fresh inputs and passed before.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { verify } from '../../src/commands/verify.js';
import { isComplete } from '../../src/verify/checkComplete.js';
import { makeProject, minimalProject } from '../helpers/fixtureProject.js';
import { format } from '../helpers/project.js';

const GRAPHICS = ['exports.svg', 'exports.png', 'exports.html', 'exports.pdf'] as const;
const FORMATS = ['svg', 'png', 'html', 'pdf'];
let cwd: string;
const whole = new Map<string, Buffer>();
beforeAll(async () => {
  cwd = makeProject(minimalProject);
  await build({ cwd, jobs: 1, formats: FORMATS });
  for (const name of GRAPHICS) whole.set(name, readFileSync(path.join(cwd, 'output', name)));
});

const kindOf = (name: string) => path.extname(name).slice(1) as 'svg' | 'png' | 'html' | 'pdf';

describe('isComplete', () => {
  it('accepts each graphic a build writes', () => {
    for (const name of GRAPHICS) expect(isComplete(kindOf(name), whole.get(name)!), name).toBe(true);
  });

  it('refuses each graphic cut short anywhere: by one chunk or tag, in the middle, near the start', () => {
    for (const name of GRAPHICS) {
      const bytes = whole.get(name)!;
      for (const keep of [bytes.length - 12, bytes.length - 8, Math.floor(bytes.length * 0.9), Math.floor(bytes.length / 2), 2000]) {
        expect(isComplete(kindOf(name), bytes.subarray(0, keep)), `${name} cut to ${keep} of ${bytes.length} bytes`).toBe(false);
      }
    }
  });

  it('refuses a PNG with a byte changed (chunk CRC)', () => {
    const png = Buffer.from(whole.get('exports.png')!);
    png[Math.floor(png.length / 2)]! ^= 0xff;
    expect(isComplete('png', png)).toBe(false);
  });

  it('refuses a PDF whose startxref does not point at its cross-reference table', () => {
    const pdf = whole.get('exports.pdf')!.toString('latin1');
    const moved = pdf.replace(/startxref\n(\d+)/, (_, offset: string) => `startxref\n${Number(offset) - 7}`);
    expect(moved).not.toBe(pdf);
    expect(isComplete('pdf', Buffer.from(moved, 'latin1'))).toBe(false);
    expect(isComplete('pdf', Buffer.from('%PDF-1.7\n%%EOF\n'))).toBe(false);
  });

  it('does not judge the rest of an HTML page: unclosed paragraphs around a whole snippet are fine', () => {
    const page = `<!doctype html><p>Intro<p>${whole.get('exports.html')!.toString('utf8')}<p>After`;
    expect(isComplete('html', Buffer.from(page))).toBe(true);
  });
});

describe('verify on a graphic cut short', () => {
  it('reports each as damaged, never up to date (exit 1 from the error)', async () => {
    for (const name of GRAPHICS) {
      const bytes = whole.get(name)!;
      writeFileSync(path.join(cwd, 'output', name), bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    }
    const result = await verify({ cwd, all: true });
    expect(result.verdicts).toEqual([]);
    expect(format(result.diagnostics)).toEqual([
      'output/exports.html: error: this HTML is damaged or cut short (a full disk, an interrupted copy?), so it is not up to date whatever it records; rebuild with `npx citechart build`',
      'output/exports.pdf: error: this PDF is damaged or cut short (a full disk, an interrupted copy?), so it is not up to date whatever it records; rebuild with `npx citechart build`',
      'output/exports.png: error: this PNG is damaged or cut short (a full disk, an interrupted copy?), so it is not up to date whatever it records; rebuild with `npx citechart build`',
      'output/exports.svg: error: this SVG is damaged or cut short (a full disk, an interrupted copy?), so it is not up to date whatever it records; rebuild with `npx citechart build`',
    ]);
    // And a build (the cache compares content) draws them again.
    const rebuilt = await build({ cwd, jobs: 1, formats: FORMATS });
    expect(rebuilt.charts[0]?.ok).toBe(true);
    expect(rebuilt.charts[0]).not.toHaveProperty('upToDate');
    for (const name of GRAPHICS) expect(readFileSync(path.join(cwd, 'output', name)).equals(whole.get(name)!), name).toBe(true);
    expect((await verify({ cwd, all: true })).verdicts.map((v) => v.status)).toEqual(['up to date', 'up to date', 'up to date', 'up to date']);
  });
});
