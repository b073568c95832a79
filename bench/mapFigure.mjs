// Issue 17's figure: a world choropleth on Natural Earth 1:50m built (SVG +
// PNG) against a 20-bar bar chart, each a whole `citechart build` of a
// one-chart project from an empty output/, median of `runs`. Done when the
// map takes at most twice the bar chart's time.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SOURCES = 'id,publisher,authors,title,published,url,attribution\nbench,Bench Office,,Made-up figures for the bench,2025,https://example.org/bench,\n';
// 40 countries on the 50m map, by ISO alpha-3: made-up figures, as in the rest of the corpus.
const ISO3 = 'ARG AUS AUT BEL BRA CAN CHE CHL CHN COL CZE DEU DNK EGY ESP ETH FIN FRA GBR GRC IDN IND IRN ITA JPN KEN KOR MEX NGA NLD NOR PAK PER POL PRT RUS SWE TUR UKR USA'.split(' ');

function project(files) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citechart-bench-map-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const bars = () =>
  project({
    'data/sources.csv': SOURCES,
    'data/t.csv': 'label,value,source\n' + Array.from({ length: 20 }, (_, i) => `Item ${i + 1},${(i * 37) % 100},bench\n`).join(''),
    'specs/bars.vl.json': JSON.stringify({ data: { url: 'data/t.csv' }, mark: 'bar', encoding: { y: { field: 'label', type: 'nominal', sort: '-x' }, x: { field: 'value', type: 'quantitative', title: 'Value (units)' } } }),
  });

const map = () => {
  const world = { url: 'citechart:world-atlas/countries-50m.json', format: { type: 'topojson', feature: 'countries' } };
  return project({
    'data/sources.csv': SOURCES,
    'data/t.csv': 'country,value,source\n' + ISO3.map((code, i) => `${code},${(i * 37) % 100},bench\n`).join(''),
    'specs/map.vl.json': JSON.stringify({
      width: 640,
      height: 330,
      layer: [
        { data: world, mark: { type: 'geoshape', fill: '#ddd', stroke: '#fff', strokeWidth: 0.3 } },
        {
          data: world,
          transform: [{ lookup: 'id', from: { data: { url: 'data/t.csv' }, key: 'country', fields: ['value'] } }, { filter: 'isValid(datum.value)' }],
          mark: { type: 'geoshape', stroke: '#fff', strokeWidth: 0.3 },
          encoding: { color: { field: 'value', type: 'quantitative', scale: { type: 'quantize', scheme: 'blues' }, title: 'Value' } },
        },
      ],
    }),
  });
};

/**
 * `{ bar, map, ratio }`: medians of `runs` whole builds of each, in
 * interleaved rounds (the order alternating per round), wall and CPU ms;
 * `build(cwd)` runs one `citechart build` and returns `{ wall, cpu }`.
 */
export function measureMap(build, runs) {
  const median = (values) => values.slice().sort((a, b) => a - b)[values.length >> 1];
  const dirs = { bar: bars(), map: map() };
  const times = { bar: [], map: [] };
  for (let r = 0; r < runs; r++) {
    for (const kind of r % 2 ? ['map', 'bar'] : ['bar', 'map']) {
      rmSync(path.join(dirs[kind], 'output'), { recursive: true, force: true });
      times[kind].push(build(dirs[kind]));
    }
  }
  for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
  const figure = (kind) => ({ wall: median(times[kind].map((t) => t.wall)), cpu: median(times[kind].map((t) => t.cpu)) });
  const bar = figure('bar');
  const mapped = figure('map');
  return { bar, map: mapped, ratio: { wall: mapped.wall / bar.wall, cpu: mapped.cpu / bar.cpu } };
}
