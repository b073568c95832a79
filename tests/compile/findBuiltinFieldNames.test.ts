import { describe, expect, it } from 'vitest';
import { BUILTIN_NAMES, findBuiltinFieldNames } from '../../src/compile/findBuiltinFieldNames.js';
import { parseJsonText } from '../../src/compile/readJsonFile.js';

const namesIn = (spec: unknown) => {
  const { json } = parseJsonText('specs/t.vl.json', JSON.stringify(spec, null, 1));
  return findBuiltinFieldNames(json!).map((d) => JSON.parse(d.message.match(/^field ("(?:[^"\\]|\\.)*")/)![1]!) as string);
};

describe('findBuiltinFieldNames', () => {
  it('knows every Object.prototype member', () => {
    expect([...BUILTIN_NAMES].sort()).toEqual(Object.getOwnPropertyNames(Object.prototype).sort());
  });

  it('finds them in encodings, transforms and expressions', () => {
    expect(
      namesIn({
        mark: 'bar',
        encoding: { x: { field: 'constructor' }, y: { field: 'value\\Of' }, tooltip: [{ field: 'ok' }, { field: '__proto__' }] },
        transform: [
          { filter: "datum.toString > 1 && datum['hasOwnProperty'] && datum[\"isPrototypeOf\"]" },
          { calculate: 'datum.ok', as: 'toLocaleString' },
          { aggregate: [{ op: 'sum', field: 'propertyIsEnumerable', as: 's' }], groupby: ['__defineGetter__'] },
          { fold: ['__lookupGetter__'] },
          { filter: { field: '__defineSetter__', equal: 1 } },
        ],
        layer: [{ encoding: { color: { condition: { test: 'datum.__lookupSetter__ > 0', value: 'red' } } } }],
      }),
    ).toEqual([
      'constructor', 'value\\Of', '__proto__', 'toString', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString',
      'propertyIsEnumerable', '__defineGetter__', '__lookupGetter__', '__defineSetter__', '__lookupSetter__',
    ]);
  });

  it('leaves titles, constants, usermeta, config and longer names alone', () => {
    expect(
      namesIn({
        title: 'constructor',
        mark: { type: 'bar', color: 'toString' },
        encoding: { x: { field: 'constructors', title: 'valueOf' }, color: { value: 'toString' } },
        transform: [{ filter: 'datum.constructorName > 0' }],
        usermeta: { field: 'constructor' },
        config: { field: 'constructor' },
      }),
    ).toEqual([]);
  });
});
