import { mkdtempSync, readFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { RecordingGlobal, recordingScript, serveRecording, SiteError, type ServedRecording } from '../src/index';
import { fakePage, sampleRecording } from './fixture';

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request exactly as written (no client-side normalization of the target), over a fresh connection. */
function raw(port: number, request: string, host = '127.0.0.1'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const s = connect({ host, port });
    const chunks: Buffer[] = [];
    s.on('connect', () => s.write(request));
    s.on('data', (d) => chunks.push(d));
    s.on('error', reject);
    s.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const cut = text.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = text.slice(0, cut).split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, body: text.slice(cut + 4) });
    });
  });
}

const get = (port: number, target: string, method = 'GET', host = `127.0.0.1:${port}`) =>
  raw(port, `${method} ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);

describe('serveRecording', () => {
  const page = fakePage();
  const rec = sampleRecording();
  let srv: ServedRecording;
  let port: number;
  beforeAll(async () => {
    srv = await serveRecording(rec, { page });
    port = srv.address.port;
  });
  afterAll(() => srv.close());

  test('binds 127.0.0.1 only and says so in its URL', async () => {
    expect(srv.address.address).toBe('127.0.0.1');
    expect(srv.address.family).toBe('IPv4');
    expect(srv.url).toBe(`http://127.0.0.1:${port}/`);
    const outside = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
    if (!outside) {
      console.log('serve.test: no non-loopback IPv4 interface on this machine: the refusal from outside is not checked');
      return;
    }
    await expect(get(port, '/').then(() => 'answered')).resolves.toBe('answered');
    const err = await raw(port, 'GET / HTTP/1.1\r\n\r\n', outside.address).then(
      () => 'answered',
      (e: NodeJS.ErrnoException) => e.code,
    );
    expect(err).toBe('ECONNREFUSED');
  });

  test('serves exactly the allow-list, with content types', async () => {
    const want: [string, string, string][] = [
      ['/', 'text/html; charset=utf-8', readFileSync(join(page, 'index.html'), 'utf8')],
      ['/index.html', 'text/html; charset=utf-8', readFileSync(join(page, 'index.html'), 'utf8')],
      ['/page.js', 'text/javascript; charset=utf-8', readFileSync(join(page, 'page.js'), 'utf8')],
      ['/page.css', 'text/css; charset=utf-8', readFileSync(join(page, 'page.css'), 'utf8')],
      ['/recording.js', 'text/javascript; charset=utf-8', recordingScript(rec)],
      ['/page.js?v=2&x=../../etc/passwd', 'text/javascript; charset=utf-8', readFileSync(join(page, 'page.js'), 'utf8')],
      ['/?', 'text/html; charset=utf-8', readFileSync(join(page, 'index.html'), 'utf8')],
    ];
    for (const [path, type, body] of want) {
      const r = await get(port, path);
      expect([path, r.status, r.headers['content-type'], r.body]).toEqual([path, 200, type, body]);
    }
  });

  test('every response is uncached, unsniffed and allows scripts and styles only from itself', async () => {
    for (const path of ['/', '/recording.js', '/nope']) {
      const r = await get(port, path);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['cache-control']).toBe('no-store');
      const csp = r.headers['content-security-policy']!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe');
    }
  });

  test('the recording served is the one given', async () => {
    const r = await get(port, '/recording.js');
    const window: Record<string, unknown> = {};
    runInNewContext(r.body, { window });
    expect(window[RecordingGlobal]).toEqual(rec);
    expect(r.body).not.toMatch(/<\/script/i);
  });

  test('anything else is 404: traversal, encodings, absolute URLs, backslashes, files beside the page', async () => {
    const bad = [
      '/../package.json', '/%2e%2e/package.json', '/%2E%2E/%2E%2E/package.json', '//etc/passwd', '/index.html/../../x',
      '/recording.js%00', '/recording.js/', '/./index.html', '/INDEX.HTML', '/index.html%2f..%2fpage.js', '/..%5cpackage.json',
      '/\\..\\package.json', '/assets/secret.txt', '/page.js.map', '/favicon.ico', `http://127.0.0.1:${port}/index.html`,
      '*', '/%69ndex.html', '/index.html#x',
    ];
    for (const path of bad) {
      const r = await get(port, path);
      expect([path, r.status]).toEqual([path, 404]);
      expect(r.body).toBe('404 not found\n');
      expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    }
  });

  test('a request the HTTP parser rejects is 400 with nothing of ours in it', async () => {
    for (const path of ['%2findex.html', '/index.html\u0000', 'index.html', '/a b/recording.js']) {
      const r = await raw(port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
      expect([path, r.status]).toEqual([path, 400]);
      expect(r.body).not.toContain(RecordingGlobal);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  test('only GET and HEAD: other methods are 405 with Allow', async () => {
    for (const m of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const r = await get(port, '/recording.js', m);
      expect([m, r.status, r.headers.allow]).toEqual([m, 405, 'GET, HEAD']);
    }
    const h = await get(port, '/recording.js', 'HEAD');
    expect(h.status).toBe(200);
    expect(h.body).toBe('');
    expect(Number(h.headers['content-length'])).toBe(Buffer.byteLength(recordingScript(rec)));
  });

  test('a Host that is not this server (DNS rebinding) gets nothing', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.2:${port}`]) {
      const r = await get(port, '/recording.js', 'GET', host);
      expect([host, r.status]).toEqual([host, 403]);
      expect(r.body).not.toContain(RecordingGlobal);
    }
    expect((await get(port, '/', 'GET', `localhost:${port}`)).status).toBe(200);
  });
});

describe('serveRecording start and stop', () => {
  test('a given port is used; close() ends it even with a connection still open', async () => {
    const free = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const srv = await serveRecording(sampleRecording(), { port: free, page: fakePage() });
    expect(srv.url).toBe(`http://127.0.0.1:${free}/`);
    const idle = connect({ host: '127.0.0.1', port: free });
    await new Promise((r) => idle.on('connect', r));
    idle.on('error', () => {});
    await srv.close();
    const after = await get(free, '/').then(
      () => 'answered',
      (e: NodeJS.ErrnoException) => e.code,
    );
    expect(after).toBe('ECONNREFUSED');
  });

  test('a port in use is a SiteError naming it', async () => {
    const a = await serveRecording(sampleRecording(), { page: fakePage() });
    try {
      await expect(serveRecording(sampleRecording(), { port: a.address.port, page: fakePage() })).rejects.toThrow(SiteError);
      await expect(serveRecording(sampleRecording(), { port: a.address.port, page: fakePage() })).rejects.toThrow(`cannot serve on 127.0.0.1:${a.address.port}: EADDRINUSE`);
    } finally {
      await a.close();
    }
  });

  test('without the built page it refuses to start', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'gosim-viz-nopage-'));
    await expect(serveRecording(sampleRecording(), { page: empty })).rejects.toThrow(/viz page is not built/);
  });
});
