// Same inputs, same bytes: three copies of one project built in three
// processes, in different time zones and with the charts in a different
// order, give byte-identical SVGs, PNGs and manifests. A chart with calendar
// dates is included, since that is where time zones bite (2024-03-01 read as
// UTC midnight is 29 February in New York).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { barSpec, listFiles, makeProject, minimalProject, readBytes, readText } from '../helpers/fixtureProject.js';

const PRICES_CSV =
  'date,price,source\n' +
  '2024-01-01,12.5,stats-2024\n' +
  '2024-01-15,12.9,stats-2024\n' +
  '2024-02-15,13.4,monitor-2023\n' +
  '2024-03-01,13.1,stats-2024\n';

const PRICES_SPEC = {
  title: 'Widget price, first quarter of 2024',
  data: { url: 'data/prices.csv' },
  width: 360,
  height: 160,
  encoding: {
    x: { field: 'date', type: 'temporal', title: null, axis: { format: '%-d %b', tickCount: 4 } },
    y: { field: 'price', type: 'quantitative', title: 'Price (USD)', scale: { zero: false } },
  },
  layer: [
    { mark: { type: 'line', point: true, clip: true } },
    {
      // Starting at each point: centred on it, "1 Jan 2024" was drawn over the y axis' "12.6" (crowded-labels).
      mark: { type: 'text', dy: -10, dx: 4, align: 'left', fontSize: 10 },
      encoding: { text: { field: 'date', type: 'temporal', format: '%-d %b %Y' } },
    },
  ],
  usermeta: { citechart: { credit: 'Graphic: Test desk' } },
};

// Both charts clip their marks: Vega numbers clip paths with a process-wide
// counter, so the order charts are built in must not leak into the ids.
const files = {
  ...minimalProject,
  'specs/exports.vl.json': barSpec({ extra: { mark: { type: 'bar', clip: true } } }),
  'data/prices.csv': PRICES_CSV,
  'specs/prices.vl.json': JSON.stringify(PRICES_SPEC, null, 2) + '\n',
};

const runs = [
  { label: 'UTC', args: ['build'], env: { TZ: 'UTC' } },
  { label: 'UTC, charts named in reverse order', args: ['build', 'prices', 'exports'], env: { TZ: 'UTC' } },
  { label: 'America/New_York', args: ['build'], env: { TZ: 'America/New_York' } },
  { label: 'Pacific/Kiritimati (UTC+14)', args: ['build'], env: { TZ: 'Pacific/Kiritimati' } },
];
const OUTPUTS = ['exports.html', 'exports.png', 'exports.svg', 'index.html', 'manifest.json', 'prices.html', 'prices.png', 'prices.svg'];

let dirs: string[];
let results: CliResult[];

beforeAll(async () => {
  dirs = runs.map(() => makeProject(files));
  results = await Promise.all(runs.map((run, i) => runCli(run.args, { cwd: dirs[i]!, env: run.env })));
});

describe('determinism', () => {
  it('every build succeeds', () => {
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.outLines.at(-1)).toBe('2 charts built');
      expect(result.code).toBe(0);
    }
    for (const dir of dirs) expect(listFiles(path.join(dir, 'output'))).toEqual(OUTPUTS);
  });

  it.each(runs.slice(1).map((run, i) => ({ ...run, i: i + 1 })))(
    'gives byte-identical outputs: UTC vs $label',
    ({ i }) => {
      for (const file of OUTPUTS) {
        const a = readBytes(dirs[0]!, `output/${file}`);
        const b = readBytes(dirs[i]!, `output/${file}`);
        expect(b.equals(a), `${file} differs`).toBe(true);
      }
    },
  );

  it('draws calendar dates as written in the CSV, not shifted by a time zone', () => {
    for (const dir of dirs) {
      const svg = readText(dir, 'output/prices.svg');
      for (const label of ['1 Jan 2024', '15 Jan 2024', '15 Feb 2024', '1 Mar 2024']) expect(svg).toContain(`>${label}</text>`);
      expect(svg).not.toContain('31 Dec 2023');
      expect(svg).not.toContain('29 Feb 2024');
    }
  });

  it('embeds no absolute path of the machine that built it', () => {
    for (const dir of dirs) {
      for (const file of OUTPUTS.filter((f) => !f.endsWith('.png'))) expect(readText(dir, `output/${file}`)).not.toContain(dir);
    }
  });
});
