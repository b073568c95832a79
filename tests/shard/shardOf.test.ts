import { describe, expect, test } from 'vitest';
import { LIMITS } from '../../src/limits.js';
import { parseShard, shardOf } from '../../src/shard/shardOf.js';

describe('parseShard', () => {
  test.each([
    ['1/3', { index: 1, count: 3 }],
    ['3/3', { index: 3, count: 3 }],
    ['1/1', { index: 1, count: 1 }],
    [`7/${LIMITS.shards}`, { index: 7, count: LIMITS.shards }],
  ])('%s is shard K of N', (text, shard) => expect(parseShard(text)).toEqual(shard));

  test.each(['0/3', '4/3', 'a/b', '1/0', '', '1', '1/', '/3', '-1/3', '1/-3', '01/3', '1/03', '1.0/3', ' 1/3', '1/3 ', '1/3/3', `1/${LIMITS.shards + 1}`, '1/99999999999999999999'])(
    '%j is not one',
    (text) => expect(parseShard(text)).toBeUndefined(),
  );
});

describe('shardOf', () => {
  const names = Array.from({ length: 3000 }, (_, i) => `chart-${i}`);

  test('gives every chart a shard from 1 to N, each shard about N-th of them', () => {
    for (const count of [1, 2, 3, 7]) {
      const sizes = new Array<number>(count).fill(0);
      for (const name of names) {
        const shard = shardOf(name, count);
        expect(shard).toBeGreaterThanOrEqual(1);
        expect(shard).toBeLessThanOrEqual(count);
        sizes[shard - 1]! += 1;
      }
      // A hash, not a round-robin: within 10 % of an even split at 3,000 charts.
      for (const size of sizes) expect(Math.abs(size - names.length / count)).toBeLessThan((0.1 * names.length) / count);
    }
  });

  test('puts every translated edition in its chart\'s shard', () => {
    const moved = names.filter((name) => ['fr', 'de-CH', 'zh-Hant'].some((tag) => shardOf(`${name}.${tag}`, 5) !== shardOf(name, 5)));
    expect(moved).toEqual([]);
  });

  test('goes by the name alone: a dotted name that is no edition has a shard of its own', () => {
    // "v1.2" is not a language tag: not grouped with "v1".
    const split = names.slice(0, 200).filter((name) => shardOf(`${name}.v2`, 3) !== shardOf(name, 3));
    expect(split.length).toBeGreaterThan(0);
  });
});
