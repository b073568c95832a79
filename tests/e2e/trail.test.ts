// The fact-check trail end to end (issue 14, step 1): a graphic depends on
// the rows it draws and the sources it cites, not on whole files.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { barSpec, EXPORTS_CSV, makeProject, minimalProject, readBytes, readText, SOURCES_CSV, where } from '../helpers/fixtureProject.js';

const FILES = ['output/exports.html', 'output/exports.png', 'output/exports.svg'];
const REBUILD = 'rebuild with `npx citechart build`';
/** Draws Norway and Chile (both cite stats-2024); Kenya (monitor-2023) is filtered out. */
const filtered = { ...minimalProject, 'specs/exports.vl.json': barSpec({ transform: [{ filter: 'datum.exports > 50' }] }) };

async function built(files = filtered): Promise<string> {
  const dir = makeProject(files);
  const result = await runCli(['build'], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  return dir;
}

describe('a graphic depends on the rows it draws and the sources it cites', () => {
  it('an unrelated source or row added, edited or deleted: byte-identical outputs, verify up to date', async () => {
    const dir = await built();
    const before = FILES.map((file) => readBytes(dir, file));
    writeFileSync(
      path.join(dir, 'data/sources.csv'),
      SOURCES_CSV.replace('Widget market survey', 'Widget market survey (revised)') + 'extra-2025,Another Office,Someone,Unrelated,2025,https://example.org/x,estimates\n',
    );
    // Kenya is filtered out: edited; Peru is new and filtered out too.
    // Peru's note is not the graphic's: it numbers and marks only the notes of rows it draws.
    writeFileSync(path.join(dir, 'data/exports.csv'), EXPORTS_CSV.replace('Kenya,40', 'Kenya,45') + 'Peru,10,monitor-2023,Provisional.\n');
    const verified = await runCli(['verify', '--all'], { cwd: dir });
    expect(verified.outLines).toEqual([...FILES.map((f) => `${f}: up to date`), '3 up to date, 0 stale']);
    expect(verified.code).toBe(0);
    const rebuilt = await runCli(['build'], { cwd: dir });
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    FILES.forEach((file, i) => expect(readBytes(dir, file).equals(before[i]!), file).toBe(true));
    // Deleted: the undrawn rows (Kenya, Peru) and the source only they cite.
    writeFileSync(path.join(dir, 'data/sources.csv'), SOURCES_CSV.split('\n').filter((line) => !line.startsWith('monitor-2023')).join('\n'));
    writeFileSync(path.join(dir, 'data/exports.csv'), EXPORTS_CSV.replace('Kenya,40,monitor-2023,\n', ''));
    const afterDeleting = await runCli(['verify', '--all'], { cwd: dir });
    expect(afterDeleting.outLines).toEqual([...FILES.map((f) => `${f}: up to date`), '3 up to date, 0 stale']);
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    FILES.forEach((file, i) => expect(readBytes(dir, file).equals(before[i]!), `${file} after deleting`).toBe(true));
  });

  it('a drawn value changed: verify names the table, row key, column, old and new value', async () => {
    const dir = await built();
    writeFileSync(path.join(dir, 'data/exports.csv'), EXPORTS_CSV.replace('Chile,85', 'Chile,86'));
    const result = await runCli(['verify', 'output/exports.svg'], { cwd: dir });
    expect(result.outLines[0]).toBe(`output/exports.svg: stale (data/exports.csv row "Chile": exports was 85, now 86); ${REBUILD}`);
    expect(result.code).toBe(1);
  });

  it('a cited source edited, a drawn row deleted, a row added to a table drawn whole: each named', async () => {
    const dir = await built(minimalProject);
    writeFileSync(path.join(dir, 'data/sources.csv'), SOURCES_CSV.replace('Widget exports 2024', 'Widget exports in 2024'));
    writeFileSync(path.join(dir, 'data/exports.csv'), EXPORTS_CSV.replace('Chile,85,stats-2024,\n', '') + 'Peru,10,monitor-2023,\n');
    const result = await runCli(['verify', 'output/exports.png'], { cwd: dir });
    expect(result.outLines[0]).toBe(
      'output/exports.png: stale (' +
        [
          'data/exports.csv row "Chile" drawn in it is gone',
          'data/exports.csv row "Peru" was added, and the graphic draws every row of the table',
          'source "stats-2024": title was "Widget exports 2024", now "Widget exports in 2024"',
        ].join('; ') +
        `); ${REBUILD}`,
    );
  });

  it('a declared primaryKey that repeats is an error at the cell; one naming no column, at the sidecar', async () => {
    const csv = EXPORTS_CSV + 'Chile,12,monitor-2023,\n';
    const dir = makeProject({ ...minimalProject, 'data/exports.csv': csv, 'data/exports.schema.json': '{"primaryKey": "country", "fields": []}\n' });
    const result = await runCli(['build'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.errLines).toContain(
      `${where('data/exports.csv', csv, 'Chile', 1)}: error: key "Chile" (country) is already used by the row on line 3; each row needs its own key: fix the figure or add a column to primaryKey`,
    );
    const sidecar = '{"fields": [],\n "primaryKey": ["land"]}\n';
    writeFileSync(path.join(dir, 'data/exports.schema.json'), sidecar);
    writeFileSync(path.join(dir, 'data/exports.csv'), EXPORTS_CSV);
    const unknown = await runCli(['build'], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(`${where('data/exports.schema.json', sidecar, '"primaryKey"')}: error: primaryKey names "land", which is not a value column`);
  });

  it('records a declared composite key, and the drawn cells in the JSON-LD', async () => {
    const dir = await built({ ...filtered, 'data/exports.schema.json': '{"primaryKey": ["country", "exports"], "fields": []}\n' });
    const svg = readText(dir, 'output/exports.svg');
    expect(svg).toContain('"keyColumns":["country","exports"]');
    expect(svg).toContain('["Chile|85","Chile",85,"stats-2024","","",""]');
    expect(svg).not.toContain('Kenya');
  });

  it('evidence per mark: the data table links each quoted row to its sentence; the JSON-LD holds one Claim per quoted row', async () => {
    const quote = `Norway shipped 120,000 widgets - a "record", & more`;
    const csv = 'country,exports,source,quote,note\n' + `Norway,120,stats-2024,"${quote.replaceAll('"', '""')}",\n` + 'Chile,85,stats-2024,,\nKenya,40,monitor-2023,,\n';
    const dir = await built({ ...minimalProject, 'data/exports.csv': csv });
    const html = readText(dir, 'output/exports.html');
    const href = 'https://example.org/widgets-2024#:~:text=Norway%20shipped%20120%2C000%20widgets%20%2D%20a%20%22record%22%2C%20%26%20more';
    expect(html).toContain(`<td><a href="${href}" rel="noopener">Statistics Office (Ana Diaz and Ben Okafor), March 2024, citing customs records</a></td>`);
    // A row without a quote links to the source itself.
    expect(html).toContain('<td><a href="https://example.org/widgets-2024" rel="noopener">Statistics Office');
    const ld = JSON.parse(html.split('<script type="application/ld+json">')[1]!.split('</script>')[0]!) as { mentions: Array<Record<string, any>> };
    expect(ld.mentions).toHaveLength(1);
    expect(ld.mentions[0]).toMatchObject({
      '@type': 'Claim',
      text: quote,
      appearance: [{ '@type': 'CreativeWork', identifier: 'stats-2024', url: href }],
      about: { '@type': 'PropertyValue', identifier: 'data/exports.csv#Norway' },
    });
  });
});
