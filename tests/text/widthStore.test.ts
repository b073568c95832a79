import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it, vi } from 'vitest';
import { barSpec, makeProject, minimalProject } from '../helpers/fixtureProject.js';
import { build } from '../../src/commands/build.js';
import { fontFile } from '../../src/text/fonts.js';
import { measureText } from '../../src/text/textMetrics.js';
import { readWidths, saveWidths, takeFreshWidths, widthStoreFile } from '../../src/text/widthStore.js';

const tmp = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'citechart-widths-')), 'widths.json');

describe('width store', () => {
  it('hands over a newly measured string with fontkit\'s own width, once', () => {
    const text = `Never measured before ${process.pid} ${Math.random()}`;
    takeFreshWidths();
    const font = fontkit.openSync(fontFile('bold')) as fontkit.Font;
    expect(measureText(text, 10, 'bold')).toBe((font.layout(text).advanceWidth / font.unitsPerEm) * 10);
    expect(takeFreshWidths()).toEqual({ [`bold\u0000${text}`]: font.layout(text).advanceWidth / font.unitsPerEm });
    measureText(text, 12, 'bold');
    expect(takeFreshWidths()).toEqual({});
  });

  it('merges saved widths with the file\'s, and keeps exact numbers', () => {
    const file = tmp();
    saveWidths({ 'regular\u0000a': 0.1 + 0.2 }, file);
    saveWidths({ 'bold\u0000b': 1 / 3 }, file);
    expect(readWidths(file)).toEqual({ 'regular\u0000a': 0.1 + 0.2, 'bold\u0000b': 1 / 3 });
  });

  it('ignores a damaged file and entries that are not widths', () => {
    const file = tmp();
    writeFileSync(file, '{"regular\\u0000a": 0.5, "regular\\u0000b": "wide", "regular\\u0000c": -1');
    expect(readWidths(file)).toEqual({});
    writeFileSync(file, '{"regular\\u0000a": 0.5, "regular\\u0000b": "wide", "regular\\u0000c": -1, "d": null}');
    expect(readWidths(file)).toEqual({ 'regular\u0000a': 0.5 });
    saveWidths({ 'regular\u0000e': 0.25 }, file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ 'regular\u0000a': 0.5, 'regular\u0000e': 0.25 });
  });

  it('has one file per fontkit and font install, in the temporary folder', () => {
    expect(path.dirname(widthStoreFile())).toBe(os.tmpdir());
    expect(widthStoreFile()).toBe(widthStoreFile());
  });

  it('gets the widths a build measured for the first time, for the next run', async () => {
    const title = `Widget exports, run ${process.pid} ${Math.random()}`;
    const cwd = makeProject({ ...minimalProject, 'specs/exports.vl.json': barSpec({ title }) });
    const result = await build({ cwd, formats: ['svg'], jobs: 1 });
    expect(result.charts.map((chart) => chart.ok)).toEqual([true]);
    expect(Object.keys(readWidths(widthStoreFile()))).toContain(`bold\u0000${title}`);
  });
});

describe('width store identity', () => {
  it('is another file for another citechart version, so a release never reads widths an older one measured', async () => {
    const here = widthStoreFile();
    vi.resetModules();
    vi.doMock('../../src/provenance/versions.js', async (original) => {
      const real = await original<typeof import('../../src/provenance/versions.js')>();
      return { ...real, toolVersions: () => ({ ...real.toolVersions(), citechart: '999.0.0' }) };
    });
    try {
      const other = await import('../../src/text/widthStore.js');
      expect(path.dirname(other.widthStoreFile())).toBe(os.tmpdir());
      expect(other.widthStoreFile()).not.toBe(here);
    } finally {
      vi.doUnmock('../../src/provenance/versions.js');
      vi.resetModules();
    }
  });
});
