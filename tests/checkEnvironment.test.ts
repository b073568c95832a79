// CITECHART_* settings (issue 16): a malformed CITECHART_CHART_HEAP_MB,
// CITECHART_BIG_CSV_MEMORY_BYTES or CITECHART_PUSHDOWN was ignored silently
// (the default used instead, so a typo measured or drew the wrong way); each
// is now refused before any command runs, as CITECHART_BIG_CSV_BYTES is
// (tests/bigtable/bigCsvBytes.test.ts).
import { describe, expect, it } from 'vitest';
import { bigCsvInMemoryBytes, pushdownEnabled } from '../src/bigtable/bigTableFile.js';
import { checkEnvironment } from '../src/checkEnvironment.js';
import { snapshotWanted } from '../src/startup/snapshotSetting.js';
import { UsageError } from '../src/errors.js';
import { chartHeapMb, LIMITS } from '../src/limits.js';
import { runCli } from './helpers/cli.js';
import { makeProject } from './helpers/fixtureProject.js';

describe('CITECHART_CHART_HEAP_MB', () => {
  it('is the default when unset or empty, and the megabytes when a whole number', () => {
    expect(chartHeapMb({})).toBe(LIMITS.chartHeapMb);
    expect(chartHeapMb({ CITECHART_CHART_HEAP_MB: '' })).toBe(LIMITS.chartHeapMb);
    expect(chartHeapMb({ CITECHART_CHART_HEAP_MB: '16' })).toBe(16);
    expect(chartHeapMb({ CITECHART_CHART_HEAP_MB: ' 2048 ' })).toBe(2048);
  });
  for (const bad of ['2GB', 'lots', '0', '-1', '1.5', '1e3', '99999999999999999999']) {
    it(`refuses ${JSON.stringify(bad)}, naming the value`, () => {
      expect(() => chartHeapMb({ CITECHART_CHART_HEAP_MB: bad })).toThrow(UsageError);
      expect(() => chartHeapMb({ CITECHART_CHART_HEAP_MB: bad })).toThrow(`CITECHART_CHART_HEAP_MB is "${bad}", not a whole number of megabytes`);
    });
  }
});

describe('CITECHART_BIG_CSV_MEMORY_BYTES', () => {
  it('takes a whole number of bytes, 0 included', () => {
    expect(bigCsvInMemoryBytes({ CITECHART_BIG_CSV_MEMORY_BYTES: '0' })).toBe(0);
    expect(bigCsvInMemoryBytes({ CITECHART_BIG_CSV_MEMORY_BYTES: '1000' })).toBe(1000);
    expect(bigCsvInMemoryBytes({ CITECHART_BIG_CSV_MEMORY_BYTES: ' ' })).toBe(LIMITS.bigCsvInMemoryBytes);
  });
  for (const bad of ['lots', '512MB', '-1', '1.5', '1e9', '99999999999999999999']) {
    it(`refuses ${JSON.stringify(bad)}, in the main thread and in a pool worker`, () => {
      for (const main of [true, false]) {
        expect(() => bigCsvInMemoryBytes({ CITECHART_BIG_CSV_MEMORY_BYTES: bad }, main)).toThrow(`CITECHART_BIG_CSV_MEMORY_BYTES is "${bad}", not a whole number of bytes`);
      }
    });
  }
});

// On/off settings. CITECHART_SNAPSHOT: bin/citechart and dist/cli.js skip
// the startup snapshot only for exactly "off"; "no", "OFF" or "false" used
// the snapshot without a word (a review of bin/citechart, issue 15).
const SWITCHES: Array<[string, (env: NodeJS.ProcessEnv) => boolean, string[]]> = [
  ['CITECHART_PUSHDOWN', pushdownEnabled, ['false', '0', 'OFF', 'no']],
  ['CITECHART_SNAPSHOT', snapshotWanted, ['no', 'OFF', 'false', '0', ' off']],
];
for (const [name, read, bads] of SWITCHES) {
  describe(name, () => {
    it('is on unless off', () => {
      expect(read({})).toBe(true);
      expect(read({ [name]: '' })).toBe(true);
      expect(read({ [name]: 'on' })).toBe(true);
      expect(read({ [name]: 'off' })).toBe(false);
    });
    for (const bad of bads) {
      it(`refuses ${JSON.stringify(bad)}`, () => {
        expect(() => read({ [name]: bad })).toThrow(UsageError);
        expect(() => read({ [name]: bad })).toThrow(`${name} is ${JSON.stringify(bad)}`);
      });
    }
  });
}

describe('checkEnvironment', () => {
  it('passes when every setting is unset or well formed', () => {
    expect(() => checkEnvironment({})).not.toThrow();
    expect(() => checkEnvironment({ CITECHART_BIG_CSV_BYTES: '1000', CITECHART_BIG_CSV_MEMORY_BYTES: '0', CITECHART_CHART_HEAP_MB: '64', CITECHART_PUSHDOWN: 'off', CITECHART_SNAPSHOT: 'off' })).not.toThrow();
  });

  const cases: Array<[string, string, string]> = [
    ['CITECHART_CHART_HEAP_MB', '2GB', 'citechart: CITECHART_CHART_HEAP_MB is "2GB", not a whole number of megabytes; set it to one (2048 for 2 GB) or unset it for the default'],
    ['CITECHART_BIG_CSV_MEMORY_BYTES', 'lots', 'citechart: CITECHART_BIG_CSV_MEMORY_BYTES is "lots", not a whole number of bytes; set it to one (536870912 for 512 MiB, 0 to never hold a big CSV in memory) or unset it for the default'],
    ['CITECHART_PUSHDOWN', 'false', 'citechart: CITECHART_PUSHDOWN is "false"; set it to off (every transform in Vega) or on, or unset it for the default (on)'],
    ['CITECHART_SNAPSHOT', 'no', 'citechart: CITECHART_SNAPSHOT is "no"; set it to off (start without the startup snapshot) or on, or unset it for the default (on)'],
  ];
  for (const [name, value, line] of cases) {
    it(`stops the CLI with exit 2 when ${name} is malformed, before reading anything`, async () => {
      const cwd = await makeProject({});
      const result = await runCli(['check'], { cwd, env: { [name]: value } });
      expect(result.code).toBe(2);
      expect(result.errLines).toEqual([line]);
    });
  }
});
