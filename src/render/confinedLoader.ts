import { vega } from '../vegaBuilds.js';
import * as messages from '../messages.js';

type Loader = ReturnType<typeof vega.loader>;

/** Thrown by the loader; the render stage turns it into a diagnostic. */
export class LoaderRefusal extends Error {}

/**
 * A Vega loader that loads nothing. citechart injects every table itself
 * (compile/injectData.ts) after findDataRefs has refused every other URL in
 * the spec, so in a normal build this loader is never asked for anything; it
 * is the second wall for whatever slipped past the first (a data url made
 * by a signal, an image URL from a column, a URL in the theme): every file,
 * http(s), data: and image request is refused, inside the project or not.
 * Link targets (`href` encodings) pass only as http(s) URLs, never fetched;
 * any other link is dropped. (It must resolve, not reject: Vega's SVG
 * renderer does not handle a refused link and the process would crash.)
 */
export function confinedLoader(): Loader {
  const loader = vega.loader();
  const refuse = async (uri: unknown): Promise<never> => {
    throw new LoaderRefusal(messages.spec.loaderRefused(String(uri)));
  };
  loader.sanitize = async (uri: string, options?: { context?: unknown }) => {
    const context = options?.context;
    // The typings say string; Vega's renderer treats a null href as "no link".
    if (context === 'href') return { href: (typeof uri === 'string' && /^https?:\/\//i.test(uri) ? uri : null) as string };
    return refuse(uri);
  };
  loader.load = refuse;
  loader.file = refuse;
  loader.http = refuse;
  return loader;
}
