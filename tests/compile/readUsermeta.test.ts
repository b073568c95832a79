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

  it('warns about an unknown setting (a typo would otherwise be silently ignored)', () => {
    const { diagnostics } = read('{"usermeta": {"citechart": {"credits": "x"}}}');
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', column: 29 });
    expect(diagnostics[0]!.message).toMatch(/no setting "credits"/);
  });
});
