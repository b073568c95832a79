// Fuzz (issue 9, "Done when"): the example specs and their CSVs, mutated
// by a seeded PRNG, run through `check` and `build` in-process. For every
// case:
//
// - build never throws;
// - no diagnostic carries a stack trace or JavaScript's own error text;
// - every diagnostic about a spec or CSV names a line and column, except
//   the whole-file ones listed in WHOLE_FILE (a file that is missing or
//   cannot be read at all has no line to point at);
// - check and build agree: check reports an error exactly when build fails
//   the chart, and every error build reports, check reports too;
// - no case takes more than CASE_LIMIT_MS of CPU time (not wall time: CI's
//   machine is loaded, and the same work takes many times longer there).
//
// A few hundred cases by default; more with CITECHART_FUZZ=5000 (and another
// series with CITECHART_FUZZ_SEED=2). Case n of seed s is the same on every
// machine, so a failure is reproduced by its number (CITECHART_FUZZ_ONLY=n).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic, hasErrors } from '../../src/errors.js';
import type { Diagnostic } from '../../src/model.js';
import { cpuNow } from '../helpers/cpuTime.js';
import { mutateCsv, mutateSpec, nudgeSpec, pick, prng } from './mutate.js';

const COUNT = Number(process.env.CITECHART_FUZZ ?? 150);
const SEED = Number(process.env.CITECHART_FUZZ_SEED ?? 1);
const ONLY = process.env.CITECHART_FUZZ_ONLY === undefined ? undefined : Number(process.env.CITECHART_FUZZ_ONLY);
const CASE_LIMIT_MS = 30_000;

const RAW_JS = /\b(TypeError|RangeError|ReferenceError|SyntaxError|EvalError)\b|Cannot read propert|Cannot use 'in'|is not a function|is not iterable|\bat Object\.|\n\s+at |internal error/;
/** Diagnostics about a whole file, which have no line to point at. */
const WHOLE_FILE = [/^file not found: /, /^cannot read /];

const ROOT = path.resolve(import.meta.dirname, '../..');
const PROJECTS = [ROOT, path.join(ROOT, 'tests/fixtures/gallery')];
const bases = PROJECTS.flatMap((dir) =>
  readdirSync(path.join(dir, 'specs'))
    .filter((file) => file.endsWith('.vl.json'))
    .map((file) => ({ dir, name: file.replace(/\.vl\.json$/, '') })),
);

interface Problem {
  case: number;
  what: string[];
  kind: string;
  detail: string;
}

/** A project holding one example spec, the tables it reads, sources.csv and the theme, each maybe mutated. */
function makeCase(n: number): { cwd: string; name: string; what: string[] } {
  const random = prng(SEED * 100_003 + n);
  const base = pick(random, bases);
  const specText = readFileSync(path.join(base.dir, 'specs', `${base.name}.vl.json`), 'utf8');
  const tables = [...new Set(specText.match(/data\/[\w.-]+\.csv/g) ?? [])];
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'citechart-fuzz-'));
  mkdirSync(path.join(cwd, 'data'));
  mkdirSync(path.join(cwd, 'specs'));
  for (const file of ['data/sources.csv', 'specs/theme.json', ...tables, ...tables.map((t) => t.replace(/\.csv$/, '.schema.json'))]) {
    if (existsSync(path.join(base.dir, file))) cpSync(path.join(base.dir, file), path.join(cwd, file));
  }
  const what: string[] = [`${path.relative(ROOT, base.dir) || '.'}/specs/${base.name}`];
  let text = specText;
  const roll = random();
  if (roll < 0.3) {
    const nudged = nudgeSpec(random, specText);
    text = nudged.text;
    what.push(...nudged.what);
  } else if (roll < 0.8) {
    const mutated = mutateSpec(random, specText);
    text = mutated.text;
    what.push(...mutated.what);
  }
  if (random() < 0.3 || what.length === 1) {
    const table = tables.length ? pick(random, tables) : 'data/sources.csv';
    const file = path.join(cwd, table);
    if (existsSync(file)) {
      const mutated = mutateCsv(random, readFileSync(file, 'utf8'));
      writeFileSync(file, mutated.text);
      what.push(`${table}: ${mutated.what}`);
    }
  }
  writeFileSync(path.join(cwd, 'specs', `${base.name}.vl.json`), text);
  return { cwd, name: base.name, what };
}

/** What the cases did, for the report (CITECHART_FUZZ_REPORT): how many built, and the errors check gave, by kind. */
const tally = { built: 0, failed: 0, errors: new Map<string, number>(), examples: new Map<string, number>() };
const kindOf = (message: string) => message.replace(/"[^"]*"|\d+(\.\d+)?/g, '_').slice(0, 70);

async function runCase(n: number): Promise<Problem[]> {
  const { cwd, name, what } = makeCase(n);
  const problems: Problem[] = [];
  const problem = (kind: string, detail: string) => problems.push({ case: n, what, kind, detail });
  const started = cpuNow();
  try {
    const checked = await check({ cwd });
    let built: Diagnostic[] = [];
    let buildFailed = false;
    try {
      const result = await build({ cwd, names: [name], jobs: 1, force: true });
      built = [...result.diagnostics, ...result.charts.flatMap((chart) => chart.diagnostics)];
      buildFailed = hasErrors(result.diagnostics) || result.charts.some((chart) => !chart.ok);
    } catch (error) {
      problem('build threw', String((error as Error)?.stack ?? error).slice(0, 300));
      return problems;
    }
    for (const d of [...checked, ...built]) {
      const line = formatDiagnostic(d);
      if (RAW_JS.test(d.message)) problem('raw JavaScript text', line.slice(0, 300));
      const fileKind = d.file.startsWith('specs/') || d.file.startsWith('data/');
      if (fileKind && (d.line === undefined || d.column === undefined) && !WHOLE_FILE.some((re) => re.test(d.message))) {
        problem('no line:col', line.slice(0, 300));
      }
    }
    const checkErrors = new Set(checked.filter((d) => d.severity === 'error').map(formatDiagnostic));
    tally[buildFailed ? 'failed' : 'built'] += 1;
    for (const d of checked.filter((d) => d.severity === 'error')) {
      const kind = kindOf(d.message);
      tally.errors.set(kind, (tally.errors.get(kind) ?? 0) + 1);
      if (!tally.examples.has(kind)) tally.examples.set(kind, n);
    }
    if (checkErrors.size > 0 !== buildFailed) {
      problem('check and build disagree', `check: ${[...checkErrors].join(' | ').slice(0, 300) || 'no error'}; build: ${buildFailed ? built.map(formatDiagnostic).join(' | ').slice(0, 300) : 'built'}`);
    }
    for (const d of built.filter((d) => d.severity === 'error')) {
      if (!checkErrors.has(formatDiagnostic(d))) problem('build error check does not report', formatDiagnostic(d).slice(0, 300));
    }
  } catch (error) {
    problem('check threw', String((error as Error)?.stack ?? error).slice(0, 300));
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  const ms = cpuNow() - started;
  if (ms > CASE_LIMIT_MS) problem('too slow', `${Math.round(ms)} ms of CPU`);
  return problems;
}

describe('fuzzed specs and CSVs through check and build', () => {
  const cases = ONLY !== undefined ? [ONLY] : Array.from({ length: COUNT }, (_, i) => i);
  it(`${cases.length} cases (seed ${SEED}): no stack trace, every diagnostic located, check and build agree`, { timeout: 120_000 + cases.length * 6_000 }, async () => {
    const problems: Problem[] = [];
    const started = performance.now();
    for (const n of cases) problems.push(...(await runCase(n)));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`fuzz: ${cases.length} cases, seed ${SEED}, ${seconds} s, ${problems.length} problems`);
    if (process.env.CITECHART_FUZZ_REPORT) {
      const errors = Object.fromEntries([...tally.errors].sort((a, b) => b[1] - a[1]).map(([kind, count]) => [kind, { count, firstCase: tally.examples.get(kind) }]));
      writeFileSync(process.env.CITECHART_FUZZ_REPORT, JSON.stringify({ cases: cases.length, seed: SEED, seconds, built: tally.built, failed: tally.failed, problems, errors }, null, 2));
    }
    expect(problems.map((p) => `#${p.case} [${p.what.join('; ')}] ${p.kind}: ${p.detail}`)).toEqual([]);
  });
});
