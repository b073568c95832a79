// The manifest's text as writeManifest writes it (JSON.stringify, two-space
// indent), and the span of each chart's entry in it. A one-chart build of a
// 200-chart project parsed the 1.45 MB manifest, checked it, wrote it whole
// and parsed it again to check the write, for the one entry it changed
// (issue 15, cold start). When the file is byte for byte the text a build
// wrote (its sha256 is the one the build cache recorded), the entries not
// rebuilt are kept as their bytes and only the new ones are written out.
import type { ManifestEntry } from './manifest.js';

/** What JSON.stringify writes before the first entry and after the last one (with the newline writeManifest adds). */
const HEAD = '{\n  "generator": "citechart",\n  "charts": {\n';
const TAIL = '\n  }\n}\n';
const EMPTY = '{\n  "generator": "citechart",\n  "charts": {}\n}\n';
const ENTRY_END = '\n    }';

/** The manifest's text for `charts` (in their key order): the one format every build writes. */
export function manifestText(charts: Record<string, ManifestEntry>): string {
  return JSON.stringify({ generator: 'citechart', charts }, null, 2) + '\n';
}

/**
 * The order JSON.stringify writes `names` in when they are an object's keys
 * defined in this order: names that are array indices (`7`, `2024`) first,
 * by value, then the others as given. The spliced text must list entries as
 * manifestText would.
 */
export function keyOrder(names: string[]): string[] {
  const keys = Object.create(null) as Record<string, true>;
  for (const name of names) keys[name] = true;
  return Object.keys(keys);
}

/** Chart `name`'s entry as manifestText writes it inside the charts object: from `    "NAME": {` to its closing `    }`. */
function entryText(name: string, entry: ManifestEntry): string {
  // A computed key is an own property, "__proto__" included.
  const whole = manifestText({ [name]: entry });
  return whole.slice(HEAD.length, whole.length - TAIL.length);
}

/**
 * Where each chart's entry is in `bytes`, a manifest's UTF-8 text as
 * manifestText writes it: by name, [start, end) byte offsets of the entry's
 * lines (entryText). Entries' own lines are indented by six spaces or more
 * and JSON strings hold no line break, so an entry is the line
 * `    "NAME": {` up to the next line `    }`. Undefined when the text does
 * not have that layout (then the caller parses the file as any other).
 */
export function entrySpans(bytes: Buffer): Map<string, [number, number]> | undefined {
  const spans = new Map<string, [number, number]>();
  if (bytes.length === Buffer.byteLength(EMPTY) && bytes.toString('utf8') === EMPTY) return spans;
  if (bytes.toString('utf8', 0, HEAD.length) !== HEAD) return undefined;
  const end = bytes.length - TAIL.length;
  if (end < HEAD.length || bytes.toString('utf8', end) !== TAIL) return undefined;
  let at = HEAD.length;
  for (;;) {
    const lineEnd = bytes.indexOf('\n', at);
    if (lineEnd < 0) return undefined;
    const line = bytes.toString('utf8', at, lineEnd);
    if (!line.startsWith('    "') || !line.endsWith('": {')) return undefined;
    let name: unknown;
    try {
      name = JSON.parse(line.slice(4, -3));
    } catch {
      return undefined;
    }
    const close = bytes.indexOf(ENTRY_END, lineEnd);
    if (typeof name !== 'string' || close < 0 || spans.has(name)) return undefined;
    const entryEnd = close + ENTRY_END.length;
    spans.set(name, [at, entryEnd]);
    if (entryEnd === end) return spans;
    if (bytes[entryEnd] !== 0x2c || bytes[entryEnd + 1] !== 0x0a) return undefined;
    at = entryEnd + 2;
  }
}

/**
 * The manifest listing `names` (already in keyOrder) as UTF-8 bytes: each
 * entry of `updates` written out (entryText), each other taken as its bytes
 * from `bytes` at `spans`. The same bytes as manifestText of the same
 * entries, when `bytes` is a text manifestText wrote; `bytes` itself when
 * they are the same (then nothing is copied).
 */
export function spliceManifest(bytes: Buffer, spans: Map<string, [number, number]>, updates: Map<string, ManifestEntry>, names: string[]): Buffer {
  if (!names.length) return Buffer.from(EMPTY, 'utf8');
  const parts: Buffer[] = [Buffer.from(HEAD, 'utf8')];
  const separator = Buffer.from(',\n', 'utf8');
  // Whether the result is `bytes` itself: the same names, each updated entry written as it was (a rebuild that changes nothing).
  let same = names.length === spans.size;
  names.forEach((name, index) => {
    if (index) parts.push(separator);
    const entry = updates.get(name);
    const span = spans.get(name);
    const old = span && bytes.subarray(span[0], span[1]);
    if (entry) {
      const text = Buffer.from(entryText(name, entry), 'utf8');
      same &&= !!old && old.equals(text);
      parts.push(text);
    } else if (old) parts.push(old);
    else throw new Error(`spliceManifest: no entry for ${name}`);
  });
  if (same) return bytes;
  parts.push(Buffer.from(TAIL, 'utf8'));
  return Buffer.concat(parts);
}
