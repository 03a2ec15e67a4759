// The local server of `gosim viz`: one recording and the page's own files, from memory, on 127.0.0.1 only.
// Invariant: a response body is one of the allow-listed buffers read at start; no request reaches the file system.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { Recording } from './format.js';
import { pageFiles, recordingScript, SiteError } from './site.js';

/** The only address the server binds: the loopback interface, never every interface. */
export const ServeHost = '127.0.0.1';

/** What every response carries: nothing cached, no type sniffing, scripts and styles only from the page's own files. */
export const ServeHeaders: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const types: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'page.js': 'text/javascript; charset=utf-8',
  'page.css': 'text/css; charset=utf-8',
  'recording.js': 'text/javascript; charset=utf-8',
};

interface Asset {
  type: string;
  body: Buffer;
}

/** The allow-list: request path (exact, undecoded) → asset. */
function assets(rec: Recording, page: string | undefined): Map<string, Asset> {
  const m = new Map<string, Asset>();
  for (const f of pageFiles(page)) m.set(`/${f.name}`, { type: types[f.name]!, body: readFileSync(f.path) });
  m.set('/', m.get('/index.html')!);
  m.set('/recording.js', { type: types['recording.js']!, body: Buffer.from(recordingScript(rec), 'utf8') });
  return m;
}

/** The request's path: the request-target up to `?` (a query is ignored). An absolute-form target is no path of ours. */
function pathOf(url: string | undefined): string | undefined {
  if (url === undefined || !url.startsWith('/')) return undefined;
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/** Host must name this server (DNS rebinding: another site's name resolving to 127.0.0.1 gets nothing). */
function hostOk(host: string | undefined, port: number): boolean {
  return host === `${ServeHost}:${port}` || host === `localhost:${port}`;
}

function send(res: ServerResponse, status: number, type: string, body: Buffer, head: boolean, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...ServeHeaders, ...extra, 'Content-Type': type, 'Content-Length': String(body.length) });
  res.end(head ? undefined : body);
}

const text = (s: string) => Buffer.from(`${s}\n`, 'utf8');
const plain = 'text/plain; charset=utf-8';

function handle(table: Map<string, Asset>, port: () => number, req: IncomingMessage, res: ServerResponse): void {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) return send(res, 405, plain, text('405 method not allowed'), false, { Allow: 'GET, HEAD' });
  if (!hostOk(req.headers.host, port())) return send(res, 403, plain, text('403 forbidden: wrong Host'), head);
  const path = pathOf(req.url);
  const a = path === undefined ? undefined : table.get(path);
  if (!a) return send(res, 404, plain, text('404 not found'), head);
  send(res, 200, a.type, a.body, head);
}

/** A running server: its URL (`http://127.0.0.1:PORT/`) and how to stop it (closes open connections too). */
export interface ServedRecording {
  url: string;
  /** The bound address (always ServeHost). */
  address: AddressInfo;
  close(): Promise<void>;
}

/**
 * Serves `rec` and the built page on 127.0.0.1 (port 0 or none: any free port). Rejects with a SiteError when the
 * page is not built or the port cannot be bound. `page`: where the built page is (default pageDir()).
 */
export function serveRecording(rec: Recording, opts: { port?: number; page?: string } = {}): Promise<ServedRecording> {
  let table: Map<string, Asset>;
  try {
    table = assets(rec, opts.page);
  } catch (e) {
    return Promise.reject(e);
  }
  let port = 0;
  const server = createServer((req, res) => handle(table, () => port, req, res));
  // a request node's parser rejects: a plain 400 with the same headers, then the connection ends
  server.on('clientError', (_e, socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const body = text('400 bad request');
    const head = Object.entries({ ...ServeHeaders, 'Content-Type': plain, 'Content-Length': String(body.length), Connection: 'close' })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 400 Bad Request\r\n${head}\r\n`), body]));
  });
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(new SiteError(`cannot serve on ${ServeHost}:${opts.port ?? 0}: ${e.code ?? e.message}`));
    });
    server.listen({ host: ServeHost, port: opts.port ?? 0, exclusive: true }, () => {
      const address = server.address() as AddressInfo;
      port = address.port;
      const close = () =>
        new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
      resolve({ url: `http://${ServeHost}:${port}/`, address, close });
    });
  });
}
