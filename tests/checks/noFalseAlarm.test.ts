// The checks before drawing and the judged Vega messages raise nothing on
// charts that draw right: the example project, the gallery fixtures and a
// bench corpus of real data (vega-datasets) in every chart type it makes.
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
// @ts-expect-error plain ESM module without types
import { generateCorpus } from '../../bench/corpus.mjs';

const NEW_RULES = new Set(['log-scale', 'scale-domain', 'year-axis', 'temporal-cells', 'stack-signs', 'missing-drawn', 'percent-format', 'tick-labels', 'empty-category', 'si-format', 'year-filter', 'tooltip', 'empty-layer', 'vega', 'vega-lite']);
const root = fileURLToPath(new URL('../..', import.meta.url));
const alarms = async (cwd: string) => (await check({ cwd })).filter((d) => NEW_RULES.has(d.rule ?? '')).map(formatDiagnostic);

describe('no false alarm', () => {
  const corpus = mkdtempSync(path.join(os.tmpdir(), 'citechart-corpus-'));
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));

  it('on the example charts of this repository', async () => {
    expect(await alarms(root)).toEqual([]);
  });

  it('on the gallery fixtures', async () => {
    expect(await alarms(path.join(root, 'tests/fixtures/gallery'))).toEqual([]);
  });

  it('on the bench corpus (every chart type it generates)', async () => {
    generateCorpus(corpus, 60);
    expect(await alarms(corpus)).toEqual([]);
  }, 120_000);
});
