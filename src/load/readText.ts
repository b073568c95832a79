import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { locateProjectFile } from './locateProjectFile.js';

/**
 * Reads a project file as UTF-8 text. Bytes that are not UTF-8 are refused
 * rather than replaced: a spreadsheet saved as Windows-1252 would otherwise
 * turn "é" into "�" in a published graphic without anyone noticing.
 * A leading byte-order mark is removed here, so the scanner's columns on the
 * first line are right.
 */
export async function readText(
  cwd: string,
  file: string,
): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  if ((await locateProjectFile(cwd, file)) === 'outside') {
    return { diagnostics: [{ file, severity: 'error', message: messages.load.linkOutside(file) }] };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.join(cwd, file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? messages.load.missingFile(file) : messages.load.unreadable(file, String(code ?? err));
    return { diagnostics: [{ file, severity: 'error', message }] };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, diagnostics: [] };
  } catch {
    const line = firstBadLine(bytes);
    return { diagnostics: [{ file, line, severity: 'error', message: messages.load.notUtf8() }] };
  }
}

/**
 * The line holding the first invalid byte. A newline byte never occurs inside
 * a multi-byte UTF-8 sequence, so each line can be checked on its own.
 */
function firstBadLine(bytes: Uint8Array): number | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; start <= bytes.length; line += 1) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return undefined;
}
