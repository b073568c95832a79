import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../src/compile/readJsonFile.js';
import { readUsermeta } from '../../src/compile/readUsermeta.js';
import { formatDiagnostic } from '../../src/errors.js';

const read = (text: string) => readUsermeta(parseJsonText('specs/t.vl.json', text).json!);

describe('readUsermeta', () => {
  it('reads notes, credit and alt', () => {
    const { settings, diagnostics } = read('{"usermeta": {"citechart": {"notes": ["n"], "credit": "c", "alt": "a"}}}');
    expect(diagnostics).toEqual([]);
    expect(settings).toEqual({ notes: ['n'], credit: 'c', alt: 'a' });
  });

  it('defaults to nothing when absent', () => {
    expect(read('{"mark": "bar"}').settings).toEqual({ notes: [], credit: '', alt: '' });
  });

  it('reports a wrongly typed setting at its position', () => {
    const { diagnostics } = read('{\n"usermeta": {"citechart": {\n  "notes": "one note"\n}}}');
    expect(diagnostics.map(formatDiagnostic)).toEqual(['specs/t.vl.json:3:3: error: usermeta.citechart.notes must be array']);
  });

  // It was a warning, and the build exited 0 with the credit (or the notes, for "note") left out of the footer.
  it('an unknown setting is an error, with the nearest known one (a typo would leave its content out of the graphic)', () => {
    const { diagnostics } = read('{"usermeta": {"citechart": {"credits": "x", "zzzzzz": 1}}}');
    expect(diagnostics[0]).toMatchObject({ severity: 'error', column: 29 });
    expect(diagnostics[0]!.message).toMatch(/no setting "credits" .*; did you mean "credit"\?$/);
    expect(diagnostics[1]).toMatchObject({ severity: 'error' });
    expect(diagnostics[1]!.message).toMatch(/no setting "zzzzzz" .*; remove it$/);
  });
});

describe('readUsermeta: widths and darkMode', () => {
  it('reads widths sorted ascending and darkMode', () => {
    const { settings, diagnostics } = read('{"mark": "bar", "usermeta": {"citechart": {"widths": [640, 320], "darkMode": "auto"}}}');
    expect(diagnostics).toEqual([]);
    expect(settings).toMatchObject({ widths: [320, 640], darkMode: 'auto' });
  });

  it('leaves both unset when absent', () => {
    const { settings } = read('{"usermeta": {"citechart": {"credit": "c"}}}');
    expect(settings.widths).toBeUndefined();
    expect(settings.darkMode).toBeUndefined();
  });

  it.each([
    ['{"usermeta": {"citechart": {\n  "widths": [320, 12]}}}', '2:19', 'usermeta.citechart.widths.1 must be >= 200'],
    ['{"usermeta": {"citechart": {\n  "widths": [320.5]}}}', '2:14', 'usermeta.citechart.widths.0 must be integer'],
    ['{"usermeta": {"citechart": {\n  "widths": [320, 320]}}}', '2:3', 'usermeta.citechart.widths must not list the same value twice'],
    ['{"usermeta": {"citechart": {\n  "widths": 320}}}', '2:3', 'usermeta.citechart.widths must be array'],
    ['{"usermeta": {"citechart": {\n  "darkMode": true}}}', '2:3', 'usermeta.citechart.darkMode must be equal to one of the allowed values: "auto", "off"'],
  ])('%s → error at %s', (text, at, message) => {
    const { diagnostics } = read(text);
    expect(diagnostics.map(formatDiagnostic)[0]).toContain(`specs/t.vl.json:${at}: error: ${message}`);
  });

  it('refuses widths on a chart that cannot be fitted to one width, at the setting', () => {
    const { diagnostics } = read('{"hconcat": [], "usermeta": {"citechart": {\n  "widths": [320]}}}');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'specs/t.vl.json:2:3: error: usermeta.citechart.widths needs a single or layered view: a concatenated or faceted chart cannot be re-laid-out at one width',
    ]);
  });
});
