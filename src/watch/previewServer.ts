import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chartFragment, chartPage, indexFragment, indexPage, LIVE_SCRIPT_URL, missingChartPage } from '../preview/livePages.js';
import { html } from '../preview/html.js';
import { LIVE_SCRIPT } from '../preview/liveScript.js';
import * as messages from '../messages.js';
import type { ChartStates } from './chartStates.js';
import { EventStream } from './eventStream.js';
import { readOutputFile } from './outputFile.js';

export interface PreviewServer {
  url: string;
  events: EventStream;
  close(): Promise<void>;
}

// Pages may load only their own scripts: an inline <script> or event handler
// that got into a page (or an inlined SVG) does not run.
const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/**
 * The preview gallery on 127.0.0.1 only: the index, one page per chart, their
 * live fragments, the event stream, and the output folder's files, read-only.
 *
 *   GET /                     every chart and its status
 *   GET /chart/NAME           one chart as published, with its sources and problems
 *   GET /…/fragment           the part of those pages that changes on a rebuild
 *   GET /events               server-sent events: `chart` {name} after each rebuild
 *   GET /output/FILE          NAME.svg, NAME.png, manifest.json from the output folder
 */
export async function startPreviewServer(options: { port: number; outDir: string; states: ChartStates }): Promise<PreviewServer> {
  const { outDir, states } = options;
  const events = new EventStream();
  let port = options.port;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = PAGE_HEADERS) => {
      response.writeHead(status, { 'Content-Type': type, ...headers });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    const page = (status: number, body: string) => send(status, 'text/html; charset=utf-8', body);
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'text/plain', 'read-only\n', { Allow: 'GET, HEAD' });
    // A page elsewhere on the web must not reach this server through a DNS name pointed at 127.0.0.1.
    if (request.headers.host !== `127.0.0.1:${port}` && request.headers.host !== `localhost:${port}`) {
      return send(403, 'text/plain', 'forbidden host\n');
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'text/plain', 'bad request\n');
    }

    if (pathname === '/') return page(200, indexPage(await states.charts()));
    if (pathname === '/fragment') return page(200, indexFragment(await states.charts()).value);
    if (pathname === '/events') return events.open(response);
    if (pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    if (pathname === LIVE_SCRIPT_URL) return send(200, 'text/javascript; charset=utf-8', LIVE_SCRIPT);
    const chart = /^\/chart\/([^/]+?)(\/fragment)?$/.exec(pathname);
    if (chart) {
      const [, name, fragment] = chart as unknown as [string, string, string | undefined];
      const found = await states.chart(name);
      if (!found) return page(404, fragment ? html`<p class="missing">${messages.preview.noSuchChart(name)}</p>`.value : missingChartPage(name));
      return page(200, fragment ? chartFragment(found.chart, found.svg).value : chartPage(found.chart, found.svg));
    }
    const output = /^\/output\/([^/]+)$/.exec(pathname);
    if (output) {
      const file = await readOutputFile(outDir, output[1]!);
      // An SVG opened on its own gets no script either.
      if (file) return send(200, file.type, file.data, { ...PAGE_HEADERS, 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:" });
    }
    return send(404, 'text/plain', 'not found\n');
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    events,
    close: () =>
      new Promise((resolve) => {
        events.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
