// A real server on a real SQLite file in a temp dir, and a JSON client that sends what the
// workbench page sends (the CSRF header) unless told otherwise.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/server/index.ts';

export interface TestServer {
  url: string;
  /** The first-run code when the server started without accounts. */
  setupCode?: string;
  dataDir: string;
  /** An empty header value removes that header. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function tempServer(dataDir = mkdtempSync(join(tmpdir(), 'staffwork-server-'))): Promise<TestServer> {
  const server = await startServer({ port: 0, dataDir, quiet: true });
  const url = server.url.replace(/\/$/, '');
  return {
    url,
    dataDir,
    ...(server.setupCode ? { setupCode: server.setupCode } : {}),
    // node:http rather than fetch: fetch refuses to send the forged headers (Sec-Fetch-Site) the CSRF tests need.
    call(method, path, body, headers = {}) {
      const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const all: Record<string, string> = { 'content-type': 'application/json', ...(method === 'GET' ? {} : { 'x-staffwork': '1' }), ...headers };
      for (const [k, v] of Object.entries(all)) if (v === '') delete all[k];
      return new Promise((ok, fail) => {
        const req = request(url + path, { method, headers: all }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // not JSON: keep the text
            }
            const h = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
            ok({ status: res.statusCode ?? 0, body: parsed, headers: h });
          });
        });
        req.on('error', fail);
        req.end(payload);
      });
    },
    stop: () => server.close(),
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
