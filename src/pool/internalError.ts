import { SPEC_FILE } from '../cache/chartInputs.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';

/** A bug in citechart (or a crashed worker) while rendering one chart fails that chart, not the build. */
export function internalError(name: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { file: SPEC_FILE(name), severity: 'error', message: messages.build.internal(reason) };
}

/** `.svg` → svg, `-320w.svg` → svg, `.png` → png: what `--formats` selects by. */
export const formatOf = (suffix: string) => suffix.slice(suffix.lastIndexOf('.') + 1).toLowerCase();
