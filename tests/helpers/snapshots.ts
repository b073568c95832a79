// Whole-chart snapshots, Observable Plot style: the SVG compared as text
// after normalising, the PNG pixel by pixel with a tolerance (encoders and
// anti-aliasing may change, the picture should not). A mismatch writes
// NAME-changed.svg/png beside the snapshot (git-ignored) to look at;
// `npm run test:update` rewrites the snapshots.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import sharp from 'sharp';

const update = !!process.env.UPDATE_SNAPSHOTS;

/** Rounds long decimals so float noise in the last digits does not fail a snapshot. */
export function normaliseSvg(svg: string): string {
  return svg.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

/** Returns a message when the SVG differs from its snapshot, undefined when it matches. */
export function compareSvg(dir: string, name: string, svg: string): string | undefined {
  const file = path.join(dir, `${name}.svg`);
  const actual = normaliseSvg(svg);
  if (update || !existsSync(file)) return save(file, actual);
  if (readFileSync(file, 'utf8') === actual) return undefined;
  writeFileSync(path.join(dir, `${name}-changed.svg`), actual);
  return `${name}.svg differs from its snapshot; see ${name}-changed.svg (npm run test:update to accept)`;
}

/** Pixels compared with pixelmatch; at most `tolerance` of them may differ. */
export async function comparePng(dir: string, name: string, png: Buffer, tolerance = 0.002): Promise<string | undefined> {
  const file = path.join(dir, `${name}.png`);
  if (update || !existsSync(file)) return save(file, png);
  const diff = await pixelDifference(readFileSync(file), png);
  if (diff <= tolerance) return undefined;
  writeFileSync(path.join(dir, `${name}-changed.png`), png);
  return `${name}.png differs from its snapshot in ${(diff * 100).toFixed(2)}% of pixels; see ${name}-changed.png`;
}

/** Share of pixels that differ (1 when the sizes differ). */
export async function pixelDifference(expected: Buffer, actual: Buffer): Promise<number> {
  const [a, b] = await Promise.all([expected, actual].map((png) => sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })));
  if (a!.info.width !== b!.info.width || a!.info.height !== b!.info.height) return 1;
  const { width, height } = a!.info;
  return pixelmatch(a!.data, b!.data, undefined, width, height, { threshold: 0.1 }) / (width * height);
}

function save(file: string, data: string | Buffer): undefined {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
  return undefined;
}
