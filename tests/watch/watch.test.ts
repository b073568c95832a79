// `watch` in-process on a temporary project: the server's routes, rebuilds
// of only the affected charts, the event stream, and the error state.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { watch, type WatchSession } from '../../src/commands/watch.js';
import type { ChartResult } from '../../src/commands/build.js';
import { barSpec, EXPORTS_CSV, makeProject, minimalProject, positionOf } from '../helpers/fixtureProject.js';
import { labelledBarSpec } from './labelledBar.js';

const PRICES_CSV = 'item,price,source\nWidget,12,stats-2024\nGadget,30,monitor-2023\n';
const pricesSpec = () =>
  barSpec({ file: 'data/prices.csv', title: 'Prices', extra: { encoding: { y: { field: 'item', type: 'nominal' }, x: { field: 'price', type: 'quantitative' } } } });

const cwd = makeProject({
  ...minimalProject,
  'specs/exports.vl.json': labelledBarSpec(),
  'data/prices.csv': PRICES_CSV,
  'specs/prices.vl.json': pricesSpec(),
});
const write = (file: string, text: string) => writeFileSync(path.join(cwd, file), text);
const built: ChartResult[] = [];
let session: WatchSession;
const events: string[] = [];
let stream: http.ClientRequest;

/** GET on the preview server, with the Host header a browser would send (or another). */
function get(pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; type?: string; csp?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(pathname, session.url), { method, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, type: response.headers['content-type'], csp: response.headers['content-security-policy'], body }),
      );
    });
    request.on('error', reject).end();
  });
}

/** The value labels of a chart's SVG, as drawn (its text marks, not the axis). */
const labels = (svg: string) => {
  const marks = /<g class="mark-text role-mark[^"]*"[^>]*>(.*?)<\/g>/s.exec(svg)?.[1] ?? '';
  return [...marks.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
};
const builds = (name: string) => built.filter((b) => b.name === name).length;

beforeAll(async () => {
  session = await watch({ cwd, port: 0, onChart: (chart) => built.push(chart) });
  await session.idle();
  stream = http.get(new URL('/events', session.url), (response) => {
    response.setEncoding('utf8').on('data', (chunk: string) => events.push(chunk));
  });
  await vi.waitFor(() => expect(events.join('')).toContain('retry:'), { timeout: 10_000 });
});
afterAll(async () => {
  stream?.destroy();
  await session?.close();
});

describe('citechart watch (in-process)', () => {
  it('builds every chart at start and serves the index and each chart page', async () => {
    expect(built.map((b) => [b.name, b.ok])).toEqual([['exports', true], ['prices', true]]);
    expect(session.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<a href="/chart/exports">Widget exports by country</a>');
    expect(index.body).toContain('<a href="/chart/prices">Prices</a>');
    const page = await get('/chart/exports');
    expect(page.type).toBe('text/html; charset=utf-8');
    // Defence in depth for the inlined SVG: no inline script runs, only /live.js.
    expect(page.csp).toContain("script-src 'self';");
    expect((await get('/output/exports.svg')).csp).toContain("default-src 'none'");
    expect(labels(page.body)).toEqual(['120', '85', '40']);
    expect(page.body).toContain('<a href="/output/exports.png">PNG (2×)</a>');
    expect(page.body).toContain('Widget exports 2024</a>');
  });

  it('serves output files read-only and nothing outside the output folder', async () => {
    expect((await get('/output/exports.svg')).type).toBe('image/svg+xml');
    expect((await get('/output/exports.png')).status).toBe(200);
    for (const bad of ['/output/..%2Fdata%2Fsources.csv', '/output/%2e%2e/data/sources.csv', '/output/../data/sources.csv', '/data/sources.csv', '/chart/nope']) {
      const response = await get(bad);
      expect(response.status, bad).toBe(404);
      expect(response.body).not.toContain('stats-2024,Statistics Office');
    }
    expect((await get('/output/exports.svg', {}, 'PUT')).status).toBe(405);
    // A page on another site reaching 127.0.0.1 through its own DNS name.
    expect((await get('/', { Host: 'attacker.example:80' })).status).toBe(403);
  });

  it('rebuilds only the charts that read a saved CSV, and tells open pages', async () => {
    const before = { exports: builds('exports'), prices: builds('prices') };
    write('data/exports.csv', EXPORTS_CSV.replace('Norway,120', 'Norway,135'));
    await vi.waitFor(() => expect(builds('exports')).toBe(before.exports + 1), { timeout: 20_000, interval: 50 });
    await session.idle();
    expect(builds('prices')).toBe(before.prices);
    expect(labels(readFileSync(path.join(cwd, 'output/exports.svg'), 'utf8'))).toEqual(['135', '85', '40']);
    expect(labels((await get('/chart/exports/fragment')).body)).toEqual(['135', '85', '40']);
    await vi.waitFor(() => expect(events.join('')).toContain('event: chart\ndata: {"name":"exports","ok":true}'), { timeout: 10_000 });
  });

  it('shows a bad edit as the overlay with file:line:col and keeps the last good graphic; fixing clears it', async () => {
    const bad = EXPORTS_CSV.replace('Chile,85', 'Chile,eighty');
    const at = positionOf(bad, 'eighty');
    const failedBefore = built.filter((b) => !b.ok).length;
    write('data/exports.csv', bad);
    await vi.waitFor(() => expect(built.filter((b) => !b.ok).length).toBe(failedBefore + 1), { timeout: 20_000, interval: 50 });
    const fragment = (await get('/chart/exports/fragment')).body;
    expect(fragment).toContain('<div class="overlay" role="alert">');
    expect(fragment).toContain(`<code>data/exports.csv:${at.line}:${at.column}: error: &quot;eighty&quot; is not a number`);
    expect(labels(fragment)).toEqual(['135', '85', '40']);
    expect(labels(readFileSync(path.join(cwd, 'output/exports.svg'), 'utf8'))).toEqual(['135', '85', '40']);
    expect((await get('/')).body).toContain('<span class="status-failed">failed</span>');

    const okBefore = built.filter((b) => b.ok && b.name === 'exports').length;
    write('data/exports.csv', EXPORTS_CSV.replace('Chile,85', 'Chile,86'));
    await vi.waitFor(() => expect(built.filter((b) => b.ok && b.name === 'exports').length).toBe(okBefore + 1), { timeout: 20_000, interval: 50 });
    const fixed = (await get('/chart/exports/fragment')).body;
    expect(fixed).not.toContain('class="overlay"');
    expect(labels(fixed)).toEqual(['120', '86', '40']);
  });

  it('sees an editor’s atomic save (write a temporary file, rename it over the CSV)', async () => {
    const before = builds('exports');
    writeFileSync(path.join(cwd, 'data/.exports.csv.tmp~'), EXPORTS_CSV.replace('Kenya,40', 'Kenya,41'));
    renameSync(path.join(cwd, 'data/.exports.csv.tmp~'), path.join(cwd, 'data/exports.csv'));
    await vi.waitFor(async () => expect(labels((await get('/chart/exports/fragment')).body)).toEqual(['120', '85', '41']), { timeout: 20_000, interval: 50 });
    await session.idle();
    expect(builds('exports')).toBe(before + 1);
  });

  it('rebuilds every chart when sources.csv changes, and fails them all with its errors', async () => {
    const sources = readFileSync(path.join(cwd, 'data/sources.csv'), 'utf8');
    const count = built.length;
    write('data/sources.csv', sources.replace('stats-2024,Statistics Office', 'stats-2024,Statistics Office,extra'));
    await vi.waitFor(() => expect(built.length).toBe(count + 2), { timeout: 20_000, interval: 50 });
    expect(built.slice(-2).map((b) => [b.name, b.ok])).toEqual([['exports', false], ['prices', false]]);
    expect((await get('/chart/prices/fragment')).body).toMatch(/<code>data\/sources\.csv:2(:\d+)?: error: /);
    write('data/sources.csv', sources);
    await vi.waitFor(() => expect(built.length).toBe(count + 4), { timeout: 20_000, interval: 50 });
    expect(built.slice(-2).map((b) => [b.name, b.ok, b.diagnostics])).toEqual([['exports', true, []], ['prices', true, []]]);
  });

  it('builds a new spec, follows its data references, and drops a deleted one', async () => {
    write('data/imports.csv', 'country,imports,source\nNorway,7,stats-2024\n');
    write('specs/imports.vl.json', barSpec({ file: 'data/imports.csv', title: 'Imports', extra: { encoding: { y: { field: 'country', type: 'nominal' }, x: { field: 'imports', type: 'quantitative' } } } }));
    await vi.waitFor(() => expect(builds('imports')).toBe(1), { timeout: 20_000, interval: 50 });
    await session.idle(); // the manifest (the chart's title) is written after the chart's files
    expect((await get('/')).body).toContain('<a href="/chart/imports">Imports</a>');

    write('data/imports.csv', 'country,imports,source\nNorway,9,stats-2024\n');
    await vi.waitFor(() => expect(builds('imports')).toBe(2), { timeout: 20_000, interval: 50 });

    rmSync(path.join(cwd, 'specs/imports.vl.json'));
    await vi.waitFor(async () => expect((await get('/chart/imports')).status).toBe(404), { timeout: 20_000, interval: 50 });
    expect((await get('/')).body).not.toContain('/chart/imports');
    // The event stream is another connection: its message may arrive after the page's 404.
    await vi.waitFor(() => expect(events.join('')).toContain('{"name":"imports","removed":true}'), { timeout: 20_000 });
  });
});
