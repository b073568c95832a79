// Which shard of a sharded build (`citechart build --shard K/N`) draws a chart.
import { createHash } from 'node:crypto';
import { LIMITS } from '../limits.js';
import { editionOf } from '../locale/editionName.js';

/** One slice of a build: shard `index` of `count`, 1-based (`--shard 2/3`). */
export interface Shard {
  index: number;
  count: number;
}

/** `2/3`, as `--shard` takes it and messages show it. */
export const shardLabel = (shard: Shard) => `${shard.index}/${shard.count}`;

/**
 * `K/N` → shard K of N, or undefined when it is not one: K and N whole
 * numbers written without sign or leading zero, 1 ≤ K ≤ N ≤ LIMITS.shards.
 */
export function parseShard(text: string): Shard | undefined {
  const match = /^([1-9]\d{0,5})\/([1-9]\d{0,5})$/.exec(text);
  if (!match) return undefined;
  const shard = { index: Number(match[1]), count: Number(match[2]) };
  return shard.index <= shard.count && shard.count <= LIMITS.shards ? shard : undefined;
}

/**
 * The shard (1 to `count`) that draws chart `name`: the first 48 bits of the
 * sha256 of its UTF-8 name, modulo `count`, plus one. A translated edition
 * `NAME.fr` goes by NAME, so every edition of a chart (and each edition's
 * artboards, drawn with it) lands in one shard. The hash, not the order of
 * files on disk or their dates, decides: every machine computes the same
 * shard, and a chart keeps its shard when others are added or removed.
 */
export function shardOf(name: string, count: number): number {
  const base = editionOf(name)?.base ?? name;
  const digest = createHash('sha256').update(base, 'utf8').digest();
  return (digest.readUIntBE(0, 6) % count) + 1;
}
