import { describe, expect, it } from 'vitest';
import { formatStatesUnit, statesUnit } from '../../src/lint/statesUnit.js';

describe('statesUnit', () => {
  it('finds signs, qualifiers and unit words', () => {
    for (const title of ['Share (%)', 'Share, %', 'GDP [bn]', 'Price (€)', 'Exports in tonnes', 'Deaths per 100,000', 'share_pct', 'Cost, US$', 'Population, millions'])
      expect(statesUnit(title), title).toBe(true);
  });
  it('finds none in a bare name', () => {
    for (const title of ['Share', 'Exports', 'Share in 2023', 'Imports from China', '']) expect(statesUnit(title), title).toBe(false);
  });
  it('reads percent and currency formats as units, others not', () => {
    expect(formatStatesUnit('.0%')).toBe(true);
    expect(formatStatesUnit('$,.2f')).toBe(true);
    expect(formatStatesUnit(',.0f')).toBe(false);
    expect(formatStatesUnit('.2s')).toBe(false);
  });
});
