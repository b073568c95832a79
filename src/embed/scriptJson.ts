/**
 * JSON for the inside of an HTML `<script>` element. The HTML parser ends a
 * script at the first `</script` whatever the JSON means, and `<!--` changes
 * how it looks for that end; escaping `<`, `>` and `&` as JSON `\u` escapes
 * makes both impossible while the JSON parses to the same value. U+2028 and
 * U+2029 are escaped too, so the text is also a valid JavaScript literal.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
