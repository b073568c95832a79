// Seeded mutations of specs and CSVs for the fuzz test: each case is
// reproducible from its number alone (tests/fuzz/checkAndBuild.test.ts).

/** mulberry32: a tiny, well-known 32-bit PRNG; the same seed gives the same cases on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = ReturnType<typeof prng>;
export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const EXPRESSIONS = [
  'datum.nope.deeper',
  'datum.share >',
  'foo(1)',
  "regexp('(')",
  "test(regexp('[a-'), datum.origin)",
  'datum.share * 1e308',
  "datum.origin + 'x'",
  'this.x',
  'null.x',
  'datum[0][1]',
  'toDate(datum.nope)',
  'sequence(0, 1e12)',
  'width / 0',
  '',
  '((((((((((1))))))))))',
  'datum.share > 50',
];

/** Values a fuzzed property may take: wrong types, edge numbers, expression objects, odd text. */
const VALUES: unknown[] = [
  'x', '', 5, 0, -1, -1e9, 1e9, 1e308, 0.5, null, true, false, [], {}, [1, 'a', null],
  { expr: 'datum.nope.deeper' }, { expr: '1 +' }, { text: { text: 'x' } }, { signal: "'.env'" },
  'sum', 'nope', 'bar', 'quantitative', 'temporal', 'year', 'container',
  '\u202eevil', '\u0000', '😀'.repeat(50), 'é'.repeat(1000),
];

const KEYS = [
  'aggregate', 'transform', 'width', 'height', 'title', 'mark', 'encoding', 'filter', 'calculate', 'layer',
  'timeUnit', 'bin', 'sort', 'scale', 'field', 'type', 'axis', 'legend', 'stack', 'format', 'autosize', 'padding',
];

type Json = unknown;
type Path = Array<string | number>;

/** Every path to a value inside `root`, the root itself included. */
function paths(root: Json): Path[] {
  const out: Path[] = [];
  const walk = (value: Json, path: Path) => {
    out.push(path);
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(root, []);
  return out;
}

function parentOf(root: Json, path: Path): { parent: any; key: string | number } | undefined {
  if (!path.length) return undefined;
  let parent: any = root;
  for (const part of path.slice(0, -1)) parent = parent[part];
  return { parent, key: path[path.length - 1]! };
}

// Deep nesting is written into the text after JSON.stringify, which (like
// every recursive walker) would overflow the stack on it.
const NESTED = /"@@nested:(\d+)@@"/g;
const nested = (depth: number) => `@@nested:${depth}@@`;

/** One random change to a parsed spec, in place (returns a short description for the report). */
function mutateValue(random: Random, spec: any): string {
  const all = paths(spec);
  const target = pick(random, all);
  const at = parentOf(spec, target);
  const where = target.join('.') || '(root)';
  switch (Math.floor(random() * 8)) {
    case 0: {
      if (!at) return 'nothing';
      const value = structuredClone(pick(random, VALUES));
      at.parent[at.key] = value;
      return `${where} = ${JSON.stringify(value)?.slice(0, 40)}`;
    }
    case 1: {
      if (!at) return 'nothing';
      if (Array.isArray(at.parent)) at.parent.splice(Number(at.key), 1);
      else delete at.parent[at.key];
      return `delete ${where}`;
    }
    case 2: {
      const objects = all.map((p) => ({ p, v: p.reduce((v: any, k) => v[k], spec) })).filter(({ v }) => v && typeof v === 'object' && !Array.isArray(v));
      const { p, v } = pick(random, objects);
      const key = pick(random, KEYS);
      v[key] = structuredClone(pick(random, VALUES));
      return `${p.join('.')}.${key} = ${JSON.stringify(v[key])?.slice(0, 40)}`;
    }
    case 3: {
      spec.transform = Array.isArray(spec.transform) ? spec.transform : [];
      const expression = pick(random, EXPRESSIONS);
      spec.transform.push(random() < 0.5 ? { calculate: expression, as: 'fuzz' } : { filter: expression });
      return `transform ${JSON.stringify(expression)}`;
    }
    case 4: {
      const key = pick(random, ['width', 'height']);
      spec[key] = pick(random, [0, -5, 1e6, 20000, 0.001, { step: 0 }, { step: -3 }, { step: 1e5 }]);
      return `${key} = ${JSON.stringify(spec[key])}`;
    }
    case 5: {
      const count = pick(random, [150, 250, 3000]);
      spec.transform = Array.from({ length: count }, (_, i) => ({ calculate: String(i), as: `c${i}` }));
      return `${count} transforms`;
    }
    case 6: {
      if (!at) return 'nothing';
      at.parent[at.key] = nested(pick(random, [10, 60, 70, 5000]));
      return `${where} nested`;
    }
    default: {
      // An aggregate or op that does not exist, somewhere an encoding is.
      const enc = spec.encoding ?? spec.layer?.[0]?.encoding;
      const channel = enc && pick(random, Object.keys(enc).length ? Object.keys(enc) : ['x']);
      if (!enc || !channel || typeof enc[channel] !== 'object' || !enc[channel]) return 'nothing';
      enc[channel].aggregate = pick(random, ['nope', 'sum', 'argmax', { argmax: 'nope' }, 5]);
      return `encoding.${channel}.aggregate = ${JSON.stringify(enc[channel].aggregate)}`;
    }
  }
}

/**
 * A change that keeps the spec valid Vega-Lite but pushes a value to an edge
 * (a size of 0, negative or huge; odd text in a title), so check and build
 * are compared on charts that get drawn, not only on refused specs.
 */
export function nudgeSpec(random: Random, text: string): { text: string; what: string[] } {
  const spec = JSON.parse(text);
  const choice = Math.floor(random() * 4);
  if (choice === 0) {
    const key = pick(random, ['width', 'height']);
    spec[key] = pick(random, [0, -5, 1, 1e5, 9000, 0.001, { step: 0 }, { step: -3 }, { step: 400 }]);
    return { text: JSON.stringify(spec, null, 2), what: [`${key} = ${JSON.stringify(spec[key])}`] };
  }
  if (choice === 1) {
    spec.title = pick(random, ['\u202eevil', '😀'.repeat(200), 'é'.repeat(3000), '<script>x</script>', '', 'a\nb']);
    return { text: JSON.stringify(spec, null, 2), what: [`title = ${JSON.stringify(spec.title).slice(0, 30)}`] };
  }
  if (choice === 2) {
    spec.padding = pick(random, [0, 1000, -50]);
    return { text: JSON.stringify(spec, null, 2), what: [`padding = ${spec.padding}`] };
  }
  spec.transform = [...(Array.isArray(spec.transform) ? spec.transform : []), { filter: pick(random, ['datum.nope == null', 'true', 'false', "datum.nope.deeper == 1"]) }];
  return { text: JSON.stringify(spec, null, 2), what: [`filter ${JSON.stringify(spec.transform.at(-1).filter)}`] };
}

/** 1 to 3 changes to a spec's text: mostly to its parsed JSON, sometimes to the raw text. */
export function mutateSpec(random: Random, text: string): { text: string; what: string[] } {
  const what: string[] = [];
  if (random() < 0.12) {
    const cut = Math.floor(random() * text.length);
    return random() < 0.5
      ? { text: text.slice(0, cut), what: [`truncated at ${cut}`] }
      : { text: text.slice(0, cut) + pick(random, ['{', '"', ',', ']', '\u0000', '\ufeff', '/*']) + text.slice(cut), what: [`garbled at ${cut}`] };
  }
  const spec = JSON.parse(text);
  const n = 1 + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) what.push(mutateValue(random, spec));
  const json = JSON.stringify(spec, null, 2).replace(NESTED, (_, depth) => '['.repeat(Number(depth)) + '1' + ']'.repeat(Number(depth)));
  return { text: json, what };
}

const CELLS = ['', 'x', 'forty', '1e400', '99999999999999999999', '-0', 'NaN', 'Infinity', '1,234', '12%', '=1+1', '\u202e1', 'é', '😀', '"', '""', '\u0000', '  5  ', '(5)', '−5'];

/** One change to a CSV: truncated, a cell swapped for an odd one, a row or column broken. */
export function mutateCsv(random: Random, text: string): { text: string; what: string } {
  const lines = text.split('\n');
  switch (Math.floor(random() * 5)) {
    case 0: {
      const cut = Math.floor(random() * text.length);
      return { text: text.slice(0, cut), what: `csv truncated at ${cut}` };
    }
    case 1:
    case 2: {
      const row = 1 + Math.floor(random() * Math.max(1, lines.length - 2));
      const cells = (lines[row] ?? '').split(',');
      const col = Math.floor(random() * cells.length);
      const cell = pick(random, CELLS);
      cells[col] = cell;
      lines[row] = cells.join(',');
      return { text: lines.join('\n'), what: `csv cell ${row + 1}:${col + 1} = ${JSON.stringify(cell)}` };
    }
    case 3: {
      const row = Math.floor(random() * lines.length);
      lines[row] = (lines[row] ?? '') + ',extra';
      return { text: lines.join('\n'), what: `csv row ${row + 1} gets an extra cell` };
    }
    default: {
      const big = Array.from({ length: 3 }, () => pick(random, CELLS)).join('');
      lines.splice(1 + Math.floor(random() * (lines.length - 1)), 0, lines[1]?.replace(/^[^,]*/, big) ?? big);
      return { text: lines.join('\n'), what: `csv row inserted ${JSON.stringify(big).slice(0, 30)}` };
    }
  }
}
