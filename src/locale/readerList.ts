// Lists a reader reads ("missiles, tanks and aircraft", "A, B et C"), in the
// chart's language, from Intl.ListFormat (CLDR's list patterns), instead of
// a join with ", " that drops the "and" a sentence needs.

/**
 * The tag Intl.ListFormat is asked for: the chart's own, except that bare
 * English (no tag, or `en`) lists as British English, "A, B and C", the
 * newsroom style of the desks citechart serves (Reuters, FT: no serial
 * comma) and of its example content; `en-US` keeps CLDR's "A, B, and C".
 */
function listTag(tag: string): string {
  return tag === '' || tag.toLowerCase() === 'en' ? 'en-GB' : tag;
}

const formats = new Map<string, Intl.ListFormat>();

/**
 * `items` as one list in the language of `tag` (BCP 47; '' is citechart's
 * default English): "A", "A and B", "A, B and C"; French "A, B et C",
 * German "A, B und C", Chinese "A、B和C". Items are written as given (no
 * case change). Source of the rule: CLDR list patterns (conjunction, long)
 * through Intl.ListFormat, so the words can change with Node's ICU data.
 */
export function readerList(items: readonly string[], tag = ''): string {
  // A list of none or one is the same in every language: no Intl.ListFormat, whose first use in a
  // process costs ≈11 ms of CPU (`node -e` timing on the bench machine; issue 15 measures a one-chart
  // build against vl2png). A chart whose lists (publishers, authors, grouped labels) all have one
  // item never pays it; the bench's scatter-000 lists two authors, so it still does.
  if (items.length < 2) return items[0] ?? '';
  const key = listTag(tag);
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.ListFormat(key, { style: 'long', type: 'conjunction' })));
  return format.format(items);
}
