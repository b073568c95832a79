import path from 'node:path';
import { formatDiagnostic } from '../errors.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';

/**
 * A file in the output folder that cannot be written, or an output folder the
 * build cannot use (a link, another build holding it). The user's to fix (a
 * full disk, a read-only folder, a symbolic link), so the CLI prints the
 * diagnostics and exits 1, never as an internal error.
 */
export class OutputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'OutputError';
    this.diagnostics = diagnostics;
  }

  /** The same error with every path relative to `cwd`, `/`-separated, as diagnostics show paths. */
  shownFrom(cwd: string): OutputError {
    const shown = (file: string) => (path.isAbsolute(file) ? path.relative(cwd, file).split(path.sep).join('/') || '.' : file);
    return new OutputError(this.diagnostics.map((d) => ({ ...d, file: shown(d.file) })));
  }
}

/** `file` (absolute until shownFrom() makes it project-relative) with `message`, as an OutputError. */
export const outputError = (file: string, message: string) => new OutputError([{ file, severity: 'error', message }]);

/**
 * An error thrown while writing `file`, as the user should read it: an
 * OutputError stays one; a system error (ENOSPC, EDQUOT, EROFS, EACCES,
 * EPERM, EISDIR…) becomes one naming the file and what to do. Anything else
 * (no error code: a bug) is returned as is, to surface as an internal error.
 */
export function asOutputError(error: unknown, file: string): unknown {
  if (error instanceof OutputError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? outputError(file, messages.write.cannotWrite(code)) : error;
}
