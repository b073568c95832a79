// CPU of citechart's own file work per chart, for one or more builds of
// citechart side by side (issue 15, the warm build's own work): the checked
// write of a chart's three files (writeAllOrNone: staged, fsync'ed, read
// back, renamed) and the reads of its spec, table and theme
// (readProjectFile: located, checked, read). Process CPU (user+sys, worker
// threads of libuv's pool included) in interleaved rounds, medians.
//
//   node bench/fileCost.mjs CORPUS DIST [DIST…]
//
// CORPUS: a project made by generateCorpus (bench/corpus.mjs) and built
// once (its output/ is read for the files written); each DIST: the dist/
// folder of a tree built by `npm run build`. Files are written to a new
// folder in TMPDIR.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [corpus, ...dists] = process.argv.slice(2);
if (!corpus || !dists.length) {
  console.error('usage: node bench/fileCost.mjs CORPUS DIST [DIST…]');
  process.exit(2);
}
const load = (dist, file) => import(pathToFileURL(path.join(path.resolve(dist), file)).href);
const builds = await Promise.all(dists.map(async (dist) => ({ dist, ...(await load(dist, 'write/writeAtomic.js')), ...(await load(dist, 'load/readProjectFile.js')) })));
const names = readdirSync(path.join(corpus, 'specs')).filter((file) => file.endsWith('.vl.json')).map((file) => file.slice(0, -'.vl.json'.length));
const charts = names.map((name) => ({
  spec: `specs/${name}.vl.json`,
  table: `data/${JSON.parse(readFileSync(path.join(corpus, 'specs', `${name}.vl.json`), 'utf8')).data?.url?.replace(/^data\//, '') ?? ''}`,
  files: ['.svg', '.png', '.html'].map((suffix) => ({ suffix, data: suffix === '.png' ? readFileSync(path.join(corpus, 'output', name + suffix)) : readFileSync(path.join(corpus, 'output', name + suffix), 'utf8') })),
}));
const out = mkdtempSync(path.join(os.tmpdir(), 'file-cost-'));
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const ROUNDS = 9;
const results = builds.map(() => ({ write: [], read: [] }));
for (let round = 0; round < ROUNDS; round += 1) {
  for (let i = 0; i < builds.length; i += 1) {
    const k = (i + round) % builds.length;
    const build = builds[k];
    let start = cpuMs();
    for (const [index, chart] of charts.entries()) await build.writeAllOrNone(chart.files.map(({ suffix, data }) => ({ file: path.join(out, `c${index}${suffix}`), data })));
    results[k].write.push((cpuMs() - start) / charts.length);
    start = cpuMs();
    for (const chart of charts) for (const file of [chart.spec, chart.table, 'specs/theme.json']) await build.readProjectFile(corpus, file);
    results[k].read.push((cpuMs() - start) / charts.length);
  }
}
rmSync(out, { recursive: true, force: true });
const median = (values) => values.slice().sort((x, y) => x - y)[values.length >> 1];
const range = (values) => `${Math.min(...values).toFixed(3)}–${Math.max(...values).toFixed(3)}`;
for (const [k, build] of builds.entries()) {
  const { write, read } = results[k];
  console.log(`${build.dist}: write ${median(write).toFixed(3)} ms CPU per chart (${range(write)}); read ${median(read).toFixed(3)} ms (${range(read)}); ${charts.length} charts, ${ROUNDS} rounds, load ${os.loadavg()[0].toFixed(1)}`);
}
