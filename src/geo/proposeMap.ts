import { escapeField } from '../compile/encodedFields.js';
import type { CitedTable } from '../model.js';
import { columnRoles } from '../scaffold/columnRoles.js';
import { humanise, type ChosenChart } from '../scaffold/chooseChart.js';
import { readBoundary } from './readBoundary.js';
import { indexRegions } from './resolveRegion.js';

/** Fewer regions than this read better as bars: a map of three countries is mostly grey. */
export const MIN_MAP_REGIONS = 5;

/** The boundary files `new` tries, in order: a column that names world countries is more common than one of US states. */
const CANDIDATES = [
  { url: 'citechart:world-atlas/countries-110m.json', feature: 'countries', width: 560, height: 290 },
  { url: 'citechart:us-atlas/states-10m.json', feature: 'states', width: 520, height: 320 },
];

/**
 * A choropleth for `citechart new` when a text column holds only country
 * (or US state) names or codes that the map draws, at least MIN_MAP_REGIONS
 * of them, and another column is a number: the first such pair. Two layers, as in README "Maps": every shape
 * grey with a "No data" legend entry, then the joined shapes coloured by a
 * 5-class quantize scale from the lowest figure to the highest (not `nice`:
 * src/checks/quantizeNice.ts). The body carries its own `data` (the boundaries),
 * so the caller must not add the table as top-level data. Undefined when no
 * column qualifies. `cwd` is unused by the bundled files but required by
 * readBoundary's signature for project files.
 */
export async function proposeMap(cwd: string, table: CitedTable, file: string): Promise<ChosenChart | undefined> {
  const roles = columnRoles(table);
  const value = table.columns.find((c) => roles[c] === 'quantitative');
  if (!value) return undefined;
  const texts = table.columns.filter((c) => roles[c] === 'nominal');
  for (const candidate of CANDIDATES) {
    const { boundary } = await readBoundary(cwd, { jsonPath: [], url: candidate.url, feature: candidate.feature, lookup: false }, new Map());
    if (!boundary) continue;
    const index = indexRegions(boundary, 'en');
    const key = texts.find((column) => {
      const cells = table.rows.map((row) => row.values[column]).filter((v) => v !== null && v !== '');
      return cells.length >= MIN_MAP_REGIONS && cells.every((cell) => 'id' in index.resolve(cell));
    });
    if (!key) continue;
    const boundaries = { url: candidate.url, format: { type: 'topojson', feature: candidate.feature } };
    return {
      kind: 'choropleth map',
      body: {
        width: candidate.width,
        height: candidate.height,
        layer: [
          {
            data: boundaries,
            // A field, not a datum: Vega-Lite's schema gives a datum no scale or legend.
            transform: [{ calculate: "'No data'", as: 'status' }],
            mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 0.5 },
            encoding: { fill: { field: 'status', type: 'nominal', scale: { range: ['#dddddd'] }, legend: { title: null } } },
          },
          {
            data: boundaries,
            transform: [
              { lookup: 'id', from: { data: { url: file }, key: escapeField(key), fields: [escapeField(value)] } },
              { filter: `isValid(datum[${JSON.stringify(value)}])` },
            ],
            mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 0.5 },
            encoding: {
              color: { field: escapeField(value), type: 'quantitative', scale: { type: 'quantize', scheme: 'blues' }, title: humanise(value) },
            },
          },
        ],
      },
    };
  }
  return undefined;
}
