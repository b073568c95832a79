import { closest, distance } from 'fastest-levenshtein';
import type { CitedTable, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { CITATION_COLUMNS } from '../model.js';
import { encodedFields, escapeField, isNestedPath, unescapeField } from './encodedFields.js';
import { transformFields } from './transformFields.js';
import type { JsonFile } from './readJsonFile.js';
import { readTransforms } from './readTransforms.js';
import { DATUM_FIELD } from './findBuiltinFieldNames.js';
import { isUnsafeInteger, parseFigure } from '../load/parseFigure.js';
import { hasLeadingZero } from '../load/parseNumber.js';
import { unreadNumberForm, writeWithMark, type UnreadForm } from '../load/unreadNumberForm.js';

const COUNTING = new Set(['count', 'distinct', 'valid', 'missing']);

/**
 * Checks the fields a spec encodes against the columns of its tables, where
 * Vega-Lite would otherwise draw an empty or partial chart without a word:
 * - a field that is no column and is not made by a transform (a typo, a
 *   stray space in a header, an unescaped `.`) is an error at the field;
 * - a text column plotted as quantitative would reach Vega as strings and its
 *   bars would vanish (NaN): each such cell is an error at its place in the CSV;
 * - a `filter` or `calculate` transform reading `datum.NAME` of no column
 *   (and no field a transform makes) reads undefined in every row: a filter
 *   `datum.Cat != 'B'` keeps every row, a calculate gives NaN. An error at
 *   the expression. So is a field a transform reads by name (`groupby`, an
 *   aggregate's `field`, a filter predicate's `field`…): a sum of no column
 *   draws 0 in every bar. Specs that read boundary files (whose shapes carry
 *   `properties`, `id`…) are not checked.
 */
export function checkFields(json: JsonFile, vegaLite: Record<string, unknown>, tables: CitedTable[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const fields = encodedFields(vegaLite, false);
  const transforms = readTransforms(vegaLite);
  const columns = new Set<string>(CITATION_COLUMNS);
  for (const table of tables) for (const column of table.columns) columns.add(column);

  for (const use of fields) {
    // Built-in names (`constructor`…) are refused by findBuiltinFieldNames when the spec is read.
    if (Object.hasOwn(Object.prototype, use.field)) continue;
    if (transforms.created.has(use.written)) continue;
    if (isNestedPath(use.written) || hasUnescapedBracket(use.written)) {
      // Vega-Lite reads `a.b` as field b inside a; CSV columns are flat. A
      // header like `share[%]` needs both brackets escaped (`share\\[%\\]`),
      // or Vega-Lite fails with no position to point at.
      if (columns.has(use.field)) diagnostics.push(json.diagnostic(use.jsonPath, messages.spec.unescapedField(use.field, escapeField(use.field))));
      continue;
    }
    if (columns.has(use.field) || !transforms.complete || !tables.length) continue;
    const table = tables.find((t) => t.file === use.dataFile) ?? tables[0]!;
    const guess = closest(use.field.trim(), table.columns);
    const near = guess !== undefined && distance(use.field.trim(), guess.trim()) <= Math.max(2, Math.ceil(use.field.length / 3));
    diagnostics.push(json.diagnostic(use.jsonPath, messages.spec.unknownField(use.field, table.file, table.columns, near ? guess : undefined)));
  }

  // A filter or calculate reading `datum.NAME` of no column: undefined in every row, so `datum.Cat != 'B'` keeps every row.
  if (transforms.complete && tables.length && readsOnlyTables(vegaLite)) {
    for (const { expression, jsonPath } of transformExpressions(vegaLite)) {
      const reported = new Set<string>();
      for (const match of expression.matchAll(DATUM_FIELD)) {
        const name = match[1] ?? match[3]!;
        if (columns.has(name) || transforms.created.has(name) || Object.hasOwn(Object.prototype, name) || reported.has(name)) continue;
        reported.add(name);
        const table = tables[0]!;
        const all = [...columns];
        const guess = closest(name, all);
        const near = guess !== undefined && distance(name.toLowerCase(), guess.toLowerCase()) <= Math.max(2, Math.ceil(name.length / 3));
        diagnostics.push(json.diagnostic(jsonPath, messages.spec.unknownDatumField(name, tables.length === 1 ? table.file : 'the chart\'s tables', table.columns, near ? guess : undefined)));
      }
    }
  }

  // A transform, facet or sort reading a field of no column (`{"aggregate": [{"op": "sum", "field": "nope"}]}`): a sum of 0 in every bar, with exit 0.
  if (transforms.complete && tables.length && readsOnlyTables(vegaLite)) {
    const all = [...columns];
    for (const use of transformFields(vegaLite)) {
      const name = unescapeField(use.written);
      if (isNestedPath(use.written) || columns.has(name) || transforms.created.has(use.written) || transforms.created.has(name) || Object.hasOwn(Object.prototype, name)) continue;
      const guess = closest(name.trim(), all);
      const near = guess !== undefined && distance(name.trim().toLowerCase(), guess.toLowerCase()) <= Math.max(2, Math.ceil(name.length / 3));
      const file = tables.length === 1 ? tables[0]!.file : 'the chart\'s tables';
      diagnostics.push(json.diagnostic(use.jsonPath, messages.spec.unknownTransformField(name, use.by, file, tables[0]!.columns, near ? guess : undefined)));
    }
  }

  for (const table of tables) {
    // A big table's rows here are what polars left (their lines are guesses): its cells are checked in the file (src/bigtable/checkBigTableNumbers.ts).
    if (table.summary) continue;
    for (const column of textColumnsPlottedAsNumbers(vegaLite, table)) {
      const declared = table.columnInfo?.[column]?.declared;
      let reported = false;
      let firstNumber: CitedTable['rows'][number] | undefined;
      for (const row of table.rows) {
        const value = row.values[column];
        if (typeof value !== 'string' || value.trim() === '') continue;
        const form = numberForm(value);
        // A cell that reads as a number is not the fault: the column is text
        // because of its other cells (a long id, "n/a"), or its sidecar says so.
        // Saying "20 is not a number" sent the editor to a correct cell.
        if (!form && readsAsNumber(value)) {
          firstNumber ??= row;
          continue;
        }
        reported = true;
        diagnostics.push({
          file: table.file,
          ...row.positions[column]!,
          severity: 'error',
          message: messages.spec.fieldNotNumber(value, column, json.file, table.decimalMark, form?.form, form?.value === undefined ? undefined : writeWithMark(form.value, table.decimalMark)),
        });
      }
      // Every cell a number, yet the column is text: its sidecar declares it so.
      if (!reported && firstNumber && declared !== undefined && table.sidecar) {
        diagnostics.push({ file: table.file, ...firstNumber.positions[column]!, severity: 'error', message: messages.spec.declaredTextPlotted(column, declared, table.sidecar, json.file) });
      }
    }
  }
  return diagnostics;
}

/**
 * The text columns of `table` that `vegaLite` plots as quantitative with an
 * aggregate that adds (counting ones work on text too), not made by a
 * transform: each of their cells reaches Vega as a string.
 */
export function textColumnsPlottedAsNumbers(vegaLite: Record<string, unknown>, table: Pick<CitedTable, 'file' | 'columns' | 'types'>): string[] {
  const transforms = readTransforms(vegaLite);
  const numeric = encodedFields(vegaLite, false).filter((f) => f.type === 'quantitative' && !COUNTING.has(f.aggregate) && !transforms.created.has(f.written));
  const plotted = new Set(numeric.filter((f) => f.dataFile === undefined || f.dataFile === table.file).map((f) => f.field));
  return table.columns.filter((column) => plotted.has(column) && table.types[column] === 'string');
}

/**
 * How a text cell that looks numeric is written, when citechart knows the
 * form: a spreadsheet form it does not read (unreadNumberForm), more digits
 * than a double keeps, or leading zeros (both keep a column as text).
 */
function numberForm(value: string): UnreadForm | undefined {
  const known = unreadNumberForm(value);
  if (known) return known;
  if (isUnsafeInteger(value)) return { form: 'with more digits than a number keeps exactly (beyond 2^53, as long ids are)' };
  if (hasLeadingZero(value)) return { form: 'with leading zeros (a code, kept as text)' };
  return undefined;
}

/** A cell that reads as one number whatever the file's decimal mark (`20`, `1.5`, `90 %`), not `1,200`. */
function readsAsNumber(value: string): boolean {
  const figure = parseFigure(value);
  return figure !== undefined && 'value' in figure;
}

/** A `]` without its backslash: Vega-Lite refuses it as an access path ("missing open bracket"). */
function hasUnescapedBracket(field: string): boolean {
  return /(^|[^\\])\]/.test(field);
}

/** Every `filter` and `calculate` expression (a string) in the spec's transforms, with its place. */
function transformExpressions(spec: Record<string, unknown>): Array<{ expression: string; jsonPath: (string | number)[] }> {
  const found: Array<{ expression: string; jsonPath: (string | number)[] }> = [];
  const visit = (node: unknown, at: (string | number)[]) => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, [...at, i]));
    if (!node || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    if (Array.isArray(object.transform)) {
      (object.transform as unknown[]).forEach((t, i) => {
        if (!t || typeof t !== 'object') return;
        for (const key of ['filter', 'calculate']) {
          const value = (t as Record<string, unknown>)[key];
          if (typeof value === 'string') found.push({ expression: value, jsonPath: [...at, 'transform', i, key] });
        }
      });
    }
    for (const [key, child] of Object.entries(object)) if (key !== 'transform' && key !== 'usermeta' && key !== 'config') visit(child, [...at, key]);
  };
  visit(spec, []);
  return found;
}

/** Every `data.url` of the spec names a table in data/ (no boundary file, whose rows hold shapes and properties). */
function readsOnlyTables(spec: Record<string, unknown>): boolean {
  let only = true;
  const visit = (node: unknown) => {
    if (!only || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const object = node as Record<string, unknown>;
    const data = object.data as Record<string, unknown> | undefined;
    if (data && typeof data === 'object' && (typeof data.url !== 'string' || !/^(\.\/)?data\/.+\.(csv|parquet)$/i.test(data.url))) only = false;
    for (const [key, child] of Object.entries(object)) if (key !== 'usermeta' && key !== 'config') visit(child);
  };
  visit(spec);
  return only;
}
