import type { ColumnType } from '../model.js';
import { vega } from '../vegaBuilds.js';
import { ROW, type Expr, type PL } from './polars.js';

/** A Vega expression (or a part of one) in polars and in SQL, and what it yields. */
export interface Translated {
  expr: Expr;
  sql: string;
  kind: 'number' | 'string' | 'boolean';
  /** A bare field: may be null, which JavaScript reads as 0 in arithmetic and comparisons. */
  field?: string;
}

/** Thrown inside the translation: the expression has a part polars would not compute exactly as Vega does. */
export class Untranslatable extends Error {}

type Node = { type: string; [key: string]: unknown };

/**
 * Translates a Vega expression of a `filter` or `calculate` to polars and to
 * SQL, exactly as Vega evaluates it in JavaScript, or throws Untranslatable
 * naming the part that is not: field reads `datum.f` / `datum['f']` of the
 * table's columns, number, string and boolean literals, `+ - * /` on
 * numbers, `< <= > >=` on numbers, `== === != !==` between a field or number
 * and a literal of its type, `&& || !` on booleans, unary `-`.
 * JavaScript's null rules are kept (a null field is 0 in arithmetic and
 * comparisons, `null == x` is false, `null != x` true); anything else
 * (function calls, `%`, string comparison, `?:`) is left to Vega.
 * Grammar: vega-expression's parser (the one Vega itself uses).
 */
export function translateExpression(pl: PL, source: string, columns: ReadonlyMap<string, ColumnType>): Translated {
  let ast: Node;
  try {
    ast = vega.parseExpression(source) as unknown as Node;
  } catch {
    throw new Untranslatable('Vega cannot parse it');
  }
  return translateNode(pl, ast, columns);
}

function translateNode(pl: PL, node: Node, columns: ReadonlyMap<string, ColumnType>): Translated {
  const recurse = (child: unknown) => translateNode(pl, child as Node, columns);
  switch (node.type) {
    case 'Literal': {
      const value = node.value;
      if (typeof value === 'number') return { expr: pl.lit(value), sql: String(value), kind: 'number' };
      if (typeof value === 'string') return { expr: pl.lit(value), sql: sqlString(value), kind: 'string' };
      if (typeof value === 'boolean') return { expr: pl.lit(value), sql: value ? 'TRUE' : 'FALSE', kind: 'boolean' };
      throw new Untranslatable(`the literal ${String(node.raw ?? value)}`);
    }
    case 'MemberExpression': {
      const object = node.object as Node;
      const property = node.property as Node;
      const name = node.computed ? (property.type === 'Literal' ? property.value : undefined) : property.name;
      if (object.type !== 'Identifier' || object.name !== 'datum' || typeof name !== 'string') throw new Untranslatable('a read that is not datum.FIELD');
      const type = columns.get(name);
      if (!type) throw new Untranslatable(`datum.${name}, not a column at this point`);
      return { expr: pl.col(name), sql: sqlName(name), kind: type, field: name };
    }
    case 'UnaryExpression': {
      const argument = recurse(node.argument);
      if (node.operator === '!' && argument.kind === 'boolean') return { expr: argument.expr.not(), sql: `NOT (${argument.sql})`, kind: 'boolean' };
      if (node.operator === '-' && argument.kind === 'number') {
        const a = asNumber(pl, argument);
        return { expr: a.expr.mul(-1), sql: `-(${a.sql})`, kind: 'number' };
      }
      throw new Untranslatable(`the operator ${String(node.operator)} on a ${argument.kind}`);
    }
    case 'LogicalExpression': {
      const left = recurse(node.left);
      const right = recurse(node.right);
      if (left.kind !== 'boolean' || right.kind !== 'boolean') throw new Untranslatable(`${String(node.operator)} on values that are not true or false`);
      return node.operator === '&&'
        ? { expr: left.expr.and(right.expr), sql: `(${left.sql}) AND (${right.sql})`, kind: 'boolean' }
        : { expr: left.expr.or(right.expr), sql: `(${left.sql}) OR (${right.sql})`, kind: 'boolean' };
    }
    case 'BinaryExpression':
      return translateBinary(pl, String(node.operator), recurse(node.left), recurse(node.right));
    default:
      throw new Untranslatable(`a ${node.type.replace(/Expression$/, '').toLowerCase() || 'construct'} expression`);
  }
}

function translateBinary(pl: PL, operator: string, left: Translated, right: Translated): Translated {
  const arithmetic: Record<string, [(a: Expr, b: Expr) => Expr, string]> = {
    '+': [(a, b) => a.add(b), '+'],
    '-': [(a, b) => a.sub(b), '-'],
    '*': [(a, b) => a.mul(b), '*'],
    '/': [(a, b) => a.div(b), '/'],
  };
  const relational: Record<string, [(a: Expr, b: Expr) => Expr, string]> = {
    '<': [(a, b) => a.lt(b), '<'],
    '<=': [(a, b) => a.ltEq(b), '<='],
    '>': [(a, b) => a.gt(b), '>'],
    '>=': [(a, b) => a.gtEq(b), '>='],
  };
  if (Object.hasOwn(arithmetic, operator) || Object.hasOwn(relational, operator)) {
    if (left.kind !== 'number' || right.kind !== 'number') throw new Untranslatable(`${operator} on ${left.kind} and ${right.kind} (JavaScript would concatenate or compare text)`);
    const [apply, sql] = Object.hasOwn(arithmetic, operator) ? arithmetic[operator]! : relational[operator]!;
    const a = asNumber(pl, left);
    const b = asNumber(pl, right);
    // Float division (JavaScript's / on whole numbers is never integer
    // division), by a divisor polars cannot see is constant: it divides by a
    // constant as a multiplication by its reciprocal, which rounds otherwise
    // than JavaScript's x / c (measured: a third of 100,000 quotients by 7
    // differed in the last bit). 0 × row index + c is c, exactly.
    const [x, y] =
      operator === '/'
        ? [a.expr.cast(pl.Float64), pl.col(ROW).cast(pl.Float64).mul(0).add(b.expr.cast(pl.Float64))]
        : [a.expr, b.expr];
    return { expr: apply(x, y), sql: `(${a.sql} ${sql} ${b.sql})`, kind: Object.hasOwn(arithmetic, operator) ? 'number' : 'boolean' };
  }
  if (['==', '===', '!=', '!=='].includes(operator)) {
    if (left.kind !== right.kind) throw new Untranslatable(`${operator} between a ${left.kind} and a ${right.kind}`);
    if (left.field !== undefined && right.field !== undefined) throw new Untranslatable(`${operator} between two fields (null == null is true in JavaScript)`);
    const equal = operator.startsWith('=');
    // null == literal is false in JavaScript, null != literal true: polars' null is filled so.
    const expr = (equal ? left.expr.eq(right.expr) : left.expr.neq(right.expr)).fillNull(!equal);
    const test = `${left.sql} ${equal ? '=' : '<>'} ${right.sql}`;
    return { expr, sql: `COALESCE(${test}, ${equal ? 'FALSE' : 'TRUE'})`, kind: 'boolean' };
  }
  throw new Untranslatable(`the operator ${operator}`);
}

/** A number operand as JavaScript reads it: a null field is 0. */
function asNumber(pl: PL, operand: Translated): { expr: Expr; sql: string } {
  if (operand.field === undefined) return operand;
  return { expr: operand.expr.fillNull(pl.lit(0)), sql: `COALESCE(${operand.sql}, 0)` };
}

/** A SQL identifier, double-quoted (DuckDB, Spark with ANSI quotes, BigQuery accepts backquotes: README). */
export const sqlName = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;
