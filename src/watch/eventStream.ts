import type { ServerResponse } from 'node:http';

/**
 * Server-sent events to every open preview page. Plain text over the page's
 * HTTP connection (`text/event-stream`); the browser's EventSource reconnects
 * by itself after a drop, so a restarted watch reaches open pages again.
 */
export class EventStream {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    // A comment line now and then keeps idle connections from being closed by proxies or the OS.
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), 15_000);
    this.heartbeat.unref();
  }

  open(response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write('retry: 500\n\n');
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  /** Tells every page that `name` was rebuilt, failed, appeared or disappeared. */
  send(event: string, data: unknown): void {
    this.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private write(text: string): void {
    for (const client of this.clients) client.write(text);
  }
}
