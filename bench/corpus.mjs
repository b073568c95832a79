// Generates a citechart project of N charts of varied types over real data
// from the vega-datasets package, every data file with a `source` column
// citing the dataset in data/sources.csv.
//
// Maps: citechart charts only cited CSV tables (data/*.csv), so the
// TopoJSON outlines in vega-datasets (us-10m.json, world-110m.json) cannot be
// drawn. The "map" charts are dot maps instead: airports of one state,
// longitude/latitude through Vega-Lite's albersUsa projection, no outlines.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// vega-datasets exports no package.json: find its folder from the project root.
const datasets = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'node_modules', 'vega-datasets', 'data');
const readJson = (name) => JSON.parse(readFileSync(path.join(datasets, name), 'utf8'));
const readCsv = (name) => {
  const [header, ...lines] = readFileSync(path.join(datasets, name), 'utf8').trim().split('\n');
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
};

const SOURCES = [
  ['vega-datasets-cars', 'Vega datasets', 'Ernesto Ramos; David Donoho', 'Car specifications (StatLib)', '1983', 'https://github.com/vega/vega-datasets', 'StatLib, Carnegie Mellon University'],
  ['vega-datasets-barley', 'Vega datasets', 'F. R. Immer', 'Barley yields in Minnesota', '1934', 'https://github.com/vega/vega-datasets', 'Immer et al., Minnesota field trials'],
  ['vega-datasets-stocks', 'Vega datasets', 'Vega team', 'Monthly stock prices', '2010', 'https://github.com/vega/vega-datasets', 'Yahoo Finance via Protovis'],
  ['vega-datasets-seattle', 'Vega datasets', 'NOAA', 'Seattle weather 2012-2015', '2015', 'https://github.com/vega/vega-datasets', 'NOAA Global Historical Climatology Network'],
  ['vega-datasets-airports', 'Vega datasets', 'Vega team', 'US airports', '2008', 'https://github.com/vega/vega-datasets', 'US Federal Aviation Administration'],
  ['vega-datasets-population', 'Vega datasets', 'IPUMS', 'US population by age and sex', '2000', 'https://github.com/vega/vega-datasets', 'US census via IPUMS'],
];

const csvCell = (value) => {
  const text = value == null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const toCsv = (rows, columns, source) =>
  [[...columns, 'source'].join(','), ...rows.map((row) => [...columns.map((c) => csvCell(row[c])), source].join(','))].join('\n') + '\n';

const MONTHS = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };

export function generateCorpus(dir, count = 200) {
  for (const sub of ['data', 'specs']) mkdirSync(path.join(dir, sub), { recursive: true });
  const write = (file, text) => writeFileSync(path.join(dir, file), text);
  write('data/sources.csv', 'id,publisher,authors,title,published,url,attribution\n' + SOURCES.map((row) => row.map(csvCell).join(',')).join('\n') + '\n');
  write('specs/theme.json', JSON.stringify({ font: 'Source Sans 3, sans-serif', background: '#ffffff', padding: 16, view: { stroke: null }, title: { anchor: 'start', fontSize: 16 } }, null, 2) + '\n');

  // Shared tables.
  const carColumns = ['Name', 'Miles_per_Gallon', 'Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration', 'Year', 'Origin'];
  const cars = readJson('cars.json').filter((car) => carColumns.every((c) => car[c] != null));
  write('data/cars.csv', toCsv(cars, carColumns, 'vega-datasets-cars'));
  write('data/barley.csv', toCsv(readJson('barley.json'), ['variety', 'site', 'year', 'yield'], 'vega-datasets-barley'));
  const stocks = readCsv('stocks.csv').map((row) => {
    const [month, , year] = row.date.split(' ');
    return { ...row, date: `${year}-${MONTHS[month]}-01` };
  });
  write('data/stocks.csv', toCsv(stocks, ['symbol', 'date', 'price'], 'vega-datasets-stocks'));
  write('data/seattle-weather.csv', toCsv(readCsv('seattle-weather.csv'), ['date', 'precipitation', 'temp_max', 'temp_min', 'wind', 'weather'], 'vega-datasets-seattle'));
  const airports = readCsv('airports.csv');
  const population = readJson('population.json');
  const censusYears = [...new Set(population.map((p) => p.year))].sort();

  const states = [...new Set(airports.map((a) => a.state))].filter((s) => s && airports.filter((a) => a.state === s).length >= 40).sort();
  const symbols = [...new Set(stocks.map((s) => s.symbol))];
  const carFields = ['Horsepower', 'Displacement', 'Weight_in_lbs', 'Acceleration', 'Miles_per_Gallon'];
  const years = ['2012', '2013', '2014', '2015'];
  const base = (i, type, title, rest) => ({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${title} (${type} ${i})`,
    ...rest,
    usermeta: { citechart: { credit: 'Graphic: citechart bench' } },
  });

  const types = {
    bar: (i) => {
      // Its own table: one census year and sex, so changing it rebuilds this chart only.
      const year = censusYears[i % censusYears.length];
      const sex = 1 + (i % 2);
      const file = `data/population-${String(i).padStart(3, '0')}.csv`;
      write(file, toCsv(population.filter((p) => p.year === year && p.sex === sex), ['year', 'age', 'sex', 'people'], 'vega-datasets-population'));
      return base(i, 'bar', `US population by age, ${year}, ${sex === 1 ? 'men' : 'women'}`, {
        data: { url: file }, width: 360, height: 200, mark: 'bar',
        encoding: { x: { field: 'age', type: 'ordinal' }, y: { field: 'people', type: 'quantitative', title: 'People' } },
      });
    },
    stacked: (i) => base(i, 'stacked bar', `Barley yield by variety and site, ${1931 + (i % 2)}`, {
      data: { url: 'data/barley.csv' }, transform: [{ filter: `datum.year == ${1931 + (i % 2)} && datum.yield > ${i % 10}` }],
      width: 360, mark: 'bar',
      encoding: { y: { field: 'variety', type: 'nominal' }, x: { aggregate: 'sum', field: 'yield', type: 'quantitative' }, color: { field: 'site', type: 'nominal' } },
    }),
    line: (i) => {
      const picked = symbols.filter((_, k) => (i >> k) % 2 === 1 || k === i % symbols.length);
      return base(i, 'line', `Stock prices: ${picked.join(', ')}`, {
        data: { url: 'data/stocks.csv' }, transform: [{ filter: { field: 'symbol', oneOf: picked } }],
        width: 400, height: 220, mark: 'line',
        encoding: { x: { field: 'date', type: 'temporal' }, y: { field: 'price', type: 'quantitative' }, color: { field: 'symbol', type: 'nominal' } },
      });
    },
    scatter: (i) => {
      const x = carFields[i % carFields.length];
      const y = carFields[(i + 1 + Math.floor(i / carFields.length)) % carFields.length] === x ? carFields[(i + 2) % carFields.length] : carFields[(i + 1 + Math.floor(i / carFields.length)) % carFields.length];
      return base(i, 'scatter', `Cars: ${x} against ${y}`, {
        data: { url: 'data/cars.csv' }, width: 320, height: 240, mark: 'point',
        encoding: { x: { field: x, type: 'quantitative' }, y: { field: y, type: 'quantitative' }, color: { field: 'Origin', type: 'nominal' } },
      });
    },
    area: (i) => {
      const field = ['temp_max', 'temp_min', 'precipitation', 'wind'][i % 4];
      const year = years[Math.floor(i / 4) % 4];
      return base(i, 'area', `Seattle ${field}, ${year}`, {
        data: { url: 'data/seattle-weather.csv' }, transform: [{ filter: `year(datum.date) == ${year}` }],
        width: 400, height: 180, mark: 'area',
        encoding: { x: { field: 'date', timeUnit: 'yearmonthdate', type: 'temporal' }, y: { field, type: 'quantitative' } },
      });
    },
    facet: (i) => i % 2
      ? base(i, 'small multiples', `Barley yield by site, ${1931 + (i % 4 > 1 ? 1 : 0)}`, {
          data: { url: 'data/barley.csv' }, transform: [{ filter: `datum.year == ${1931 + (i % 4 > 1 ? 1 : 0)}` }],
          facet: { field: 'site', type: 'nominal' }, columns: 3,
          spec: { width: 120, height: 120, mark: 'bar', encoding: { y: { field: 'variety', type: 'nominal' }, x: { field: 'yield', type: 'quantitative' } } },
        })
      : base(i, 'small multiples', `Cars by origin: ${carFields[i % 5]}`, {
          data: { url: 'data/cars.csv' },
          facet: { field: 'Origin', type: 'nominal' },
          spec: { width: 140, height: 140, mark: 'point', encoding: { x: { field: carFields[i % 5], type: 'quantitative' }, y: { field: 'Miles_per_Gallon', type: 'quantitative' } } },
        }),
    map: (i) => {
      const state = states[i % states.length];
      const file = `data/airports-${String(i).padStart(3, '0')}.csv`;
      write(file, toCsv(airports.filter((a) => a.state === state), ['iata', 'name', 'city', 'state', 'latitude', 'longitude'], 'vega-datasets-airports'));
      return base(i, 'map', `Airports in ${state}`, {
        data: { url: file }, width: 360, height: 240, projection: { type: 'albersUsa' }, mark: { type: 'circle', size: 10 },
        encoding: { longitude: { field: 'longitude', type: 'quantitative' }, latitude: { field: 'latitude', type: 'quantitative' } },
      });
    },
    heatmap: (i) => {
      const field = ['temp_max', 'temp_min', 'precipitation', 'wind'][i % 4];
      const year = years[Math.floor(i / 4) % 4];
      return base(i, 'heatmap', `Seattle daily ${field}, ${year}`, {
        data: { url: 'data/seattle-weather.csv' }, transform: [{ filter: `year(datum.date) == ${year}` }],
        mark: 'rect',
        encoding: {
          x: { field: 'date', timeUnit: 'date', type: 'ordinal', title: 'Day' },
          y: { field: 'date', timeUnit: 'month', type: 'ordinal', title: 'Month' },
          color: { aggregate: 'max', field, type: 'quantitative' },
        },
      });
    },
  };
  const names = [];
  const kinds = Object.keys(types);
  for (let n = 0; n < count; n++) {
    const kind = kinds[n % kinds.length];
    const i = Math.floor(n / kinds.length);
    const name = `${kind}-${String(i).padStart(3, '0')}`;
    write(`specs/${name}.vl.json`, JSON.stringify(types[kind](i), null, 2) + '\n');
    names.push(name);
  }
  return names;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = generateCorpus(process.argv[2], Number(process.argv[3] ?? 200));
  console.log(`${names.length} charts in ${process.argv[2]}`);
}
