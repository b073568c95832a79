// CITECHART_BIG_CSV_BYTES (issue 16): a malformed value was ignored silently,
// so a typo read a 1 GB CSV row by row; it is now refused before any command runs.
import { describe, expect, it } from 'vitest';
import { bigCsvBytes } from '../../src/bigtable/bigTableFile.js';
import { UsageError } from '../../src/errors.js';
import { LIMITS } from '../../src/limits.js';
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/fixtureProject.js';

describe('CITECHART_BIG_CSV_BYTES', () => {
  it('is the default when unset or empty, and the number of bytes when whole', () => {
    expect(bigCsvBytes({})).toBe(LIMITS.bigCsvBytes);
    expect(bigCsvBytes({ CITECHART_BIG_CSV_BYTES: '' })).toBe(LIMITS.bigCsvBytes);
    expect(bigCsvBytes({ CITECHART_BIG_CSV_BYTES: '1' })).toBe(1);
    expect(bigCsvBytes({ CITECHART_BIG_CSV_BYTES: '1048576' })).toBe(1048576);
  });

  for (const bad of ['abc', '16MB', '0', '-5', '1.5', '1e6', '99999999999999999999']) {
    it(`refuses ${JSON.stringify(bad)}, naming the value`, () => {
      expect(() => bigCsvBytes({ CITECHART_BIG_CSV_BYTES: bad })).toThrow(UsageError);
      expect(() => bigCsvBytes({ CITECHART_BIG_CSV_BYTES: bad })).toThrow(`CITECHART_BIG_CSV_BYTES is "${bad}", not a whole number of bytes`);
    });
  }

  it('stops the CLI with exit 2 and the message, before reading anything', async () => {
    const cwd = await makeProject({});
    const result = await runCli(['check'], { cwd, env: { CITECHART_BIG_CSV_BYTES: 'abc' } });
    expect(result.code).toBe(2);
    expect(result.errLines).toEqual(['citechart: CITECHART_BIG_CSV_BYTES is "abc", not a whole number of bytes; set it to one (16777216 for 16 MB) or unset it for the default']);
  });
});
