// verify on graphics whose provenance record was tampered with (from the
// break-it pass): a record that no longer reads was "not a citechart
// graphic", and a recorded path holding a right-to-left override was printed
// raw, reordering the line on a terminal.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { verify } from '../../src/commands/verify.js';
import { formatDiagnostic } from '../../src/errors.js';
import * as messages from '../../src/messages.js';
import { makeProject, minimalProject, readText } from '../helpers/fixtureProject.js';

let cwd: string;
let svg: string;
beforeAll(async () => {
  cwd = makeProject(minimalProject);
  await build({ cwd, jobs: 1, formats: ['svg'] });
  svg = readText(cwd, 'output/exports.svg');
});
const check = async (text: string) => {
  writeFileSync(path.join(cwd, 'output/exports.svg'), text);
  return verify({ cwd, files: ['output/exports.svg'] });
};

describe('verify on a tampered graphic', () => {
  it('a provenance record that no longer reads is an error saying so, not "not a citechart graphic"', async () => {
    const result = await check(svg.replace('"@type":"ImageObject"', '"@type":"ImageObject",'));
    expect(result.verdicts).toEqual([]);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([`output/exports.svg: error: ${messages.verify.provenanceDamaged('SVG')}`]);
  });

  it('a file with another tool\'s metadata is still "not a citechart graphic"', async () => {
    const result = await check('<svg xmlns="http://www.w3.org/2000/svg"><metadata>{"@type": "ImageObject"}</metadata></svg>');
    expect(result.verdicts).toEqual([{ file: 'output/exports.svg', status: 'not a graphic' }]);
  });

  it('a recorded path with a direction override is printed escaped', async () => {
    expect(svg).toContain('"data/exports.csv"');
    const result = await check(svg.replace('"data/exports.csv"', '"data/\u202Eexports.csv"'));
    const verdict = result.verdicts[0]!;
    expect(verdict.status).toBe('stale');
    if (verdict.status !== 'stale') return;
    const line = messages.verify.stale(verdict.file, verdict.changed, verdict.missing, verdict.outside, verdict.added);
    expect(line).toContain('data/\\u202Eexports.csv is missing');
    expect(line).not.toContain('\u202E');
  });
});
