// The bundled JavaScript as Latin-1 source (scripts/bundle.mjs).

/**
 * `text` (JavaScript) with every UTF-16 code unit above U+00FF written as a
 * `\uXXXX` escape. V8 keeps a script's source for the life of its isolate
 * (lazy functions are compiled from it, Function#toString reads it), as one
 * byte per character only when every character fits in Latin-1: one `…` or
 * `−` in a regular expression or a comment, and the whole file is held at
 * two bytes a character, in the snapshot's heap and in each render worker's
 * (issue 15, peak memory; the generated validator's latin1Source does the
 * same for its strings). esbuild's default ASCII charset escapes strings,
 * template literals and names, but leaves regular expression literals and
 * the comments it keeps as they are (esbuild 0.28). Wherever such a
 * character can stand in these files (a string, a template, a regular
 * expression, a name, a comment) its escape is the same character; a
 * surrogate pair becomes two escapes, which a `u` regular expression reads
 * as one code point, as it reads the raw pair. The one spelling an escape
 * would change, a backslash before the character (an identity escape), is
 * refused: throws an Error naming `file` and the offset.
 */
export function latin1Only(text, file) {
  return text.replace(/[^\u0000-\u00ff]/g, (char, at) => {
    if (text[at - 1] === '\\') throw new Error(`scripts/bundle.mjs: ${file}: a backslash before ${JSON.stringify(char)} at offset ${at}; its escape would not mean the same`);
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
