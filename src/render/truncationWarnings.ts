import type { RowOrigin } from '../compile/injectData.js';
import type { Diagnostic } from '../model.js';
import type { JsonFile } from '../compile/readJsonFile.js';
import { locateDrawnText } from '../compile/locateDrawnText.js';
import * as messages from '../messages.js';
import type { TruncatedLabel } from './truncatedLabels.js';

/**
 * A warning per label drawn cut, showing it whole, at the place its text
 * comes from (locateDrawnText: the first drawn CSV cell holding exactly that
 * text, else the spec string that writes it, else the spec's text mark), so
 * every warning names file, line and column. `width` (px): the artboard the
 * labels were drawn in, named in the message; none for the spec's own layout.
 */
export function truncationWarnings(labels: TruncatedLabel[], origins: RowOrigin[], spec: JsonFile, width?: number): Diagnostic[] {
  if (!labels.length) return [];
  const places = locateDrawnText(labels.map((label) => label.text), origins, spec);
  return labels.map(({ text, drawn, limit }) => ({
    ...places.get(text.trim())!,
    severity: 'warning' as const,
    message: messages.spec.labelTruncated(text, drawn, limit, width),
  }));
}
