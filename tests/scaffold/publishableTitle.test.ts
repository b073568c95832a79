// Issue 13: `new` wrote "Ev imports" and "Imports eur m"; a reporter writes
// "EV imports" and "Imports (€ million)".
import { describe, expect, it } from 'vitest';
import { publishableTitle } from '../../src/scaffold/publishableTitle.js';

describe('publishableTitle', () => {
  it.each([
    ['ev-imports', 'EV imports'],
    ['imports_eur_m', 'Imports (€ million)'],
    ['eur_m', '€ million'],
    ['exports_usd_bn', 'Exports ($ billion)'],
    ['gdp_usd', 'GDP ($)'],
    ['share_pct', 'Share (%)'],
    ['population_million', 'Population (million)'],
    ['jobs_thousands', 'Jobs (thousand)'],
    ['debt_usd_billions', 'Debt ($ billion)'],
    ['us-exports', 'US exports'],
    ['exports-to-China', 'Exports to China'],
    ['size_m', 'Size m'],
    ['exports', 'Exports'],
    ['iPhone_sales', 'iPhone sales'],
    ['microelectronics-imports', 'Microelectronics imports'],
  ])('%s → %s', (name, title) => {
    expect(publishableTitle(name)).toBe(title);
  });
});
