// The text-contrast check's worst case within marksPerChart (20,000): 10,000
// heat-map cells and 10,000 labels, once beside the cells and once on them.
// Bundle the check first, then time it (wall and CPU, ms):
//   npx esbuild src/checks/lowContrastText.ts --bundle --platform=node --format=esm --outfile=/tmp/lct.mjs
//   node bench/contrastGrid.mjs /tmp/lct.mjs
// Prints: case, wall ms, CPU (user+sys) ms, labels found under 3:1.
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const { lowContrastText } = await import(pathToFileURL(path.resolve(process.argv[2])).href);
const cells = [];
const labels = [];
for (let i = 0; i < 10000; i++) {
  const x = (i % 100) * 20;
  const y = Math.floor(i / 100) * 20;
  cells.push({ x, y, width: 10, height: 10, fill: '#08306b' });
  labels.push({ text: String(i), fill: '#000', bounds: { x1: x + 11, x2: x + 19, y1: y + 11, y2: y + 19 } });
}
const scene = (items) => ({
  marktype: 'group',
  items: [{ x: 0, y: 0, items: [{ marktype: 'rect', role: 'mark', name: 'layer_0_marks', items: cells }, { marktype: 'text', role: 'mark', name: 'layer_1_marks', items }] }],
});
const on = labels.map((l) => ({ ...l, bounds: { x1: l.bounds.x1 - 10, x2: l.bounds.x2 - 10, y1: l.bounds.y1 - 10, y2: l.bounds.y2 - 10 } }));
for (const [name, s] of [['beside', scene(labels)], ['on', scene(on)]]) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const found = lowContrastText(s);
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  console.log(name, wall.toFixed(1), ((cpu.user + cpu.system) / 1e3).toFixed(1), found.length ? found[0].count : 0);
}
