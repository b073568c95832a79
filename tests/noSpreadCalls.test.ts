// Issue 9, item 6: a spread of an unbounded list into a call
// (`diagnostics.push(...list)`) overflows the stack on ~120,000 items. The
// standard is "no unbounded array is spread into a call": this keeps src/ to
// it for the calls that take lists of rows, cells or diagnostics (pushAll,
// loops or concat instead).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');
const SPREAD_CALL = /\.(push|unshift)\(\s*\.\.\.|Math\.(max|min)\(\s*\.\.\.|String\.from(CharCode|CodePoint)\(\s*\.\.\./;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.generated.ts') ? [file] : [];
  });
}

describe('src/', () => {
  it('spreads no list into push, unshift, Math.max/min or String.fromCharCode', () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // Comments may name the pattern they avoid.
          if (SPREAD_CALL.test(line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, ''))) found.push(`${path.relative(SRC, file)}:${i + 1}`);
        });
    }
    expect(found).toEqual([]);
  });
});
