// Vega-Lite named styles (`config.style.NAME`), which the theme uses for
// citechart's own settings (footer, markers, annotations, tables, artboards,
// social cards, PNG scale, print width): read here once, each by own
// property, so a style named `__proto__` or `constructor` is no inherited key.

type Json = Record<string, unknown>;

/** A config's `style[name]` when it is an object (not an array); undefined when absent or of another kind. */
export function findNamedStyle(config: Json | undefined, name: string): Json | undefined {
  const styles = config?.style;
  if (!styles || typeof styles !== 'object' || Array.isArray(styles)) return undefined;
  const own = Object.prototype.hasOwnProperty.call(styles, name) ? (styles as Json)[name] : undefined;
  return own && typeof own === 'object' && !Array.isArray(own) ? (own as Json) : undefined;
}

/** A Vega-Lite config's `style[name]` ({} when absent or not an object). */
export const namedStyle = (config: Json | undefined, name: string): Json => findNamedStyle(config, name) ?? {};

/** Every style whose name starts with `prefix` (`citechart-artboard-`), in the config's order, each as an object ({} when it is none). */
export function* namedStylesWithPrefix(config: Json | undefined, prefix: string): Generator<[string, Json]> {
  const styles = config?.style;
  if (!styles || typeof styles !== 'object' || Array.isArray(styles)) return;
  for (const [name, style] of Object.entries(styles as Json)) {
    if (!name.startsWith(prefix)) continue;
    yield [name, style && typeof style === 'object' && !Array.isArray(style) ? (style as Json) : {}];
  }
}

/**
 * One setting the theme keeps in a named style (`style[name][key]`, e.g. the
 * PNG scale's `size`): `value` when `valid` accepts it; `bad.found` when the
 * style is there but its setting is not valid (the theme check reports it at
 * `style.NAME.KEY`); `{}` when the style is absent.
 */
export function styleSetting<T>(config: Json | undefined, name: string, key: string, valid: (value: unknown) => value is T): { value?: T; bad?: { found: unknown } } {
  const style = findNamedStyle(config, name);
  if (!style) return {};
  const found = style[key];
  return valid(found) ? { value: found } : { bad: { found } };
}
