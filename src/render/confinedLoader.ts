import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { vega } from '../vegaBuilds.js';
import * as messages from '../messages.js';

type Loader = ReturnType<typeof vega.loader>;

/** Thrown by the loader; the render stage turns it into a diagnostic. */
export class LoaderRefusal extends Error {}

/**
 * A Vega loader that reads only files inside the project folder. citechart
 * injects all data itself, so in a normal build this loader is never asked
 * for anything; it is the second wall for specs that try anyway: `..`
 * escapes, absolute paths, `file://`, `http(s)://` and image URLs are refused.
 * Link targets (`href` encodings) pass only as http(s) URLs, never fetched;
 * any other link is dropped. (It must resolve, not reject: Vega's SVG
 * renderer does not handle a refused link and the process would crash.)
 */
export function confinedLoader(cwd: string): Loader {
  const root = path.resolve(cwd);
  const loader = vega.loader({ mode: 'file', baseURL: root + path.sep });
  // Vega's single-file build (./vega.ts) is its browser loader, without file
  // access; give it what vega-loader's Node build has: fs.readFile, bytes as-is.
  // (The typings omit fileAccess and say string where vega-loader gives a Buffer.)
  Object.assign(loader, { fileAccess: true, file: (filename: string) => readFile(filename) });
  const sanitize = loader.sanitize.bind(loader);
  loader.sanitize = async (uri: string, options?: Record<string, unknown>) => {
    const context = options?.context;
    // The typings say string; Vega's renderer treats a null href as "no link".
    if (context === 'href') return { href: (/^https?:\/\//i.test(uri) ? uri : null) as string };
    if (context === 'image' || !isInside(root, uri)) throw new LoaderRefusal(messages.spec.loaderRefused(uri));
    return sanitize(uri, options as Parameters<Loader["sanitize"]>[1]);
  };
  loader.http = async (uri: string) => {
    throw new LoaderRefusal(messages.spec.loaderRefused(uri));
  };
  return loader;
}

function isInside(root: string, uri: string): boolean {
  if (typeof uri !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('//')) return false;
  if (path.isAbsolute(uri) || uri.includes('\0')) return false;
  const resolved = path.resolve(root, uri);
  return resolved.startsWith(root + path.sep);
}
