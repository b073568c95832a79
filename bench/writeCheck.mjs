// CPU per file of the two completeness checks build could run on an SVG or
// HTML file it wrote (issue 15): verify's full parse (htmlparser2) and the
// closing-tag check writeAtomic now makes. Run from the repository after
// `npm run build`: node bench/writeCheck.mjs [folder, default output/].
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isComplete } from '../dist/verify/checkComplete.js';
import { isClosedMarkup } from '../dist/write/closedMarkup.js';

const folder = process.argv[2] ?? 'output';
const files = readdirSync(folder)
  .filter((name) => /\.(svg|html)$/.test(name) && name !== 'index.html')
  .map((name) => [name.endsWith('.svg') ? 'svg' : 'html', readFileSync(path.join(folder, name), 'utf8')]);
const average = files.reduce((sum, [, text]) => sum + text.length, 0) / files.length;
const checks = [
  ['parse of the bytes read back (before)', (kind, text) => isComplete(kind, Buffer.from(text))],
  ['closing tag of the text in memory (after)', (kind, text) => isClosedMarkup(text, kind)],
];
const LOOPS = 20;
for (const [label, check] of checks) {
  for (let warm = 0; warm < 3; warm++) for (const [kind, text] of files) check(kind, text);
  const start = process.cpuUsage();
  for (let loop = 0; loop < LOOPS; loop++) for (const [kind, text] of files) if (!check(kind, text)) throw new Error('a file is not whole');
  const used = process.cpuUsage(start);
  console.log(`${label}: ${((used.user + used.system) / 1000 / LOOPS / files.length).toFixed(3)} ms CPU per file (${files.length} files, ${(average / 1024).toFixed(0)} KiB average)`);
}
