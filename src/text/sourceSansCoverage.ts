import type * as Fontkit from 'fontkit';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { fontFile, type FontFace } from './fonts.js';

// Which characters each Source Sans 3 face has, kept in the temporary folder
// (one file per font files' identity, like the width store) so that text
// with a dash, a minus sign or a Greek letter is checked without loading
// fontkit and opening the font, ≈400 ms of a build that measures nothing new.

const FACES: FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];
const require = createRequire(import.meta.url);
let coverage: Map<FontFace, Array<[number, number]>> | undefined;

function coverageFile(): string {
  const identity = FACES.map((face) => {
    const stat = statSync(fontFile(face));
    return `${fontFile(face)} ${stat.size} ${stat.mtimeMs}`;
  });
  const hash = createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `citechart-coverage-${process.getuid?.() ?? 'u'}-${hash}.json`);
}

/** Sorted code points as [first, last] ranges. */
function toRanges(points: number[]): Array<[number, number]> {
  const sorted = [...new Set(points)].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const point of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && point === last[1] + 1) last[1] = point;
    else ranges.push([point, point]);
  }
  return ranges;
}

function load(): Map<FontFace, Array<[number, number]>> {
  const file = coverageFile();
  try {
    if (!process.getuid || statSync(file).uid === process.getuid()) {
      const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Array<[number, number]>>;
      if (FACES.every((face) => Array.isArray(value[face]))) return new Map(FACES.map((face) => [face, value[face]!]));
    }
  } catch {
    // Missing or damaged: read the fonts again.
  }
  const fontkit = require('fontkit') as typeof Fontkit;
  const read = new Map(FACES.map((face) => [face, toRanges((fontkit.openSync(fontFile(face)) as Fontkit.Font).characterSet)]));
  try {
    writeFileAtomic.sync(file, JSON.stringify(Object.fromEntries(read)));
  } catch {
    // A cache: only the next run's time is lost.
  }
  return read;
}

/** Does this Source Sans 3 face have a glyph for `codePoint`? */
export function sourceSansHas(codePoint: number, face: FontFace): boolean {
  coverage ??= load();
  const ranges = coverage.get(face)!;
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [from, to] = ranges[mid]!;
    if (codePoint < from) high = mid - 1;
    else if (codePoint > to) low = mid + 1;
    else return true;
  }
  return false;
}
