// The editorial linter: `check`'s warnings beyond structure, one rule per
// module, each with a stable id. Rules only read the context; the runner tags
// what each finds with its id. Every rule finds warnings, never errors: an
// editor may have a reason, and a warning never fails the run.
import type { Diagnostic } from '../model.js';
import type { LintContext, LintRule } from './context.js';
import { missingUnit } from './missingUnit.js';
import { quoteNumber } from './quoteNumber.js';
import { sharesSum } from './sharesSum.js';
import { smallText } from './smallText.js';
import { sourceIncomplete } from './sourceIncomplete.js';
import { undrawnRow } from './undrawnRow.js';
import { unexplainedColours } from './unexplainedColours.js';
import { unusedSource } from './unusedSource.js';
import { zeroBaseline } from './zeroBaseline.js';

export const RULES: LintRule[] = [zeroBaseline, missingUnit, sharesSum, quoteNumber, sourceIncomplete, unusedSource, undrawnRow, smallText, unexplainedColours];

export async function runLint(context: LintContext, rules: LintRule[] = RULES): Promise<Diagnostic[]> {
  const found: Diagnostic[] = [];
  for (const rule of rules) {
    for (const d of await rule.check(context)) found.push({ ...d, severity: 'warning', rule: rule.id });
  }
  return found;
}
