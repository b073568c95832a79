// The small inputs of issue 11's cases, each a whole project citing one
// complete source (every column of sources.csv filled in).
import { THEME, type Files } from '../helpers/fixtureProject.js';

export const ONE_SOURCE_CSV =
  'id,publisher,authors,title,published,url,attribution\n' +
  'stats-2024,Statistics Office,Ana Diaz; Ben Okafor,Health and finance figures 2024,2024-03,https://example.org/figures-2024,official registers\n';

/** A spec as an editor saves it (pretty-printed), so positions are real lines. */
export const specText = (spec: Record<string, unknown>) => JSON.stringify(spec, null, 2) + '\n';

/** A project of one table and one chart: `data/NAME.csv` and `specs/NAME.vl.json`. */
export function oneChart(name: string, csv: string, spec: Record<string, unknown>): Files {
  return {
    'data/sources.csv': ONE_SOURCE_CSV,
    [`data/${name}.csv`]: csv,
    [`specs/${name}.vl.json`]: specText({ data: { url: `data/${name}.csv` }, ...spec }),
    'specs/theme.json': JSON.stringify(THEME, null, 2) + '\n',
  };
}

/** Case 1: a log scale with a zero. */
export const logZero = (cases = ['12', '140', '0', '1900']) =>
  oneChart('cases', 'year,cases,source\n' + ['2015', '2016', '2017', '2018'].map((y, i) => `${y},${cases[i]},stats-2024\n`).join(''), {
    title: 'Cases per year',
    mark: 'line',
    encoding: {
      x: { field: 'year', type: 'temporal', title: 'Year' },
      y: { field: 'cases', type: 'quantitative', title: 'Cases (people)', scale: { type: 'log' } },
    },
  });

/** Case 2: missing values drawn as zero (`invalid` as given). */
export const missingAsZero = (invalid: unknown) =>
  oneChart('rate', 'month,rate,source\n2024-01,4.4,stats-2024\n2024-02,,stats-2024\n2024-03,,stats-2024\n2024-04,5.2,stats-2024\n', {
    title: 'Unemployment rate',
    mark: invalid === undefined ? { type: 'line' } : { type: 'line', invalid },
    encoding: {
      x: { field: 'month', type: 'temporal', title: 'Month' },
      y: { field: 'rate', type: 'quantitative', title: 'Rate (%)' },
    },
  });

/** Case 3: a normalised stack; `debts` are the Debt amounts of North and South. */
export const normalizedStack = (debts = ['-10', '-30'], stack: unknown = 'normalize') =>
  oneChart(
    'balance',
    'region,item,amount,source\n' +
      `North,Savings,60,stats-2024\nNorth,Pension,50,stats-2024\nNorth,Debt,${debts[0]},stats-2024\n` +
      `South,Savings,30,stats-2024\nSouth,Pension,40,stats-2024\nSouth,Debt,${debts[1]},stats-2024\n`,
    {
      title: 'Household balance',
      mark: 'bar',
      encoding: {
        x: { field: 'region', type: 'nominal', title: null },
        y: { field: 'amount', type: 'quantitative', stack, title: 'Share of balance (%)' },
        color: { field: 'item', type: 'nominal' },
      },
    },
  );

/** Case 4: percent points (`61%`) with a format (`.0%` multiplies by 100). */
export const percentPoints = (format: string, cells = ['61%', '33%', '6%']) =>
  oneChart('vote', `party,share,source\nBlue,${cells[0]},stats-2024\nRed,${cells[1]},stats-2024\nGreen,${cells[2]},stats-2024\n`, {
    title: 'Vote share',
    mark: 'bar',
    encoding: {
      y: { field: 'party', type: 'nominal', title: null },
      x: { field: 'share', type: 'quantitative', title: 'Vote share', axis: { format } },
    },
  });

/** Case 5: whole years on a time axis and a label layer filtered by `filter`. */
export const yearLabel = (filter: unknown) =>
  oneChart('sales', 'year,sales,source\n2021,10,stats-2024\n2022,14,stats-2024\n2023,18,stats-2024\n2024,25,stats-2024\n', {
    title: 'Sales',
    encoding: {
      x: { field: 'year', type: 'temporal', timeUnit: 'year', title: 'Year' },
      y: { field: 'sales', type: 'quantitative', title: 'Sales (million $)' },
    },
    layer: [
      { mark: 'line' },
      { transform: [{ filter }], mark: { type: 'text', dy: -10 }, encoding: { text: { field: 'sales', type: 'quantitative' } } },
    ],
  });

/** Case 8: a tooltip encoding (or none). */
export const withTooltip = (tooltip: boolean) =>
  oneChart('exports', 'country,exports,source\nNorway,120,stats-2024\nChile,85,stats-2024\n', {
    title: 'Exports',
    mark: 'bar',
    encoding: {
      y: { field: 'country', type: 'nominal', title: null },
      x: { field: 'exports', type: 'quantitative', title: 'Exports (thousand units)' },
      ...(tooltip ? { tooltip: { field: 'exports', type: 'quantitative' } } : {}),
    },
  });
