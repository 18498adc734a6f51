// `staffwork serve`: the workbench. Opens the storage, loads the built front end and
// listens (loopback unless the user passes a host). Prints the URL it serves.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp, type Assets } from './app.ts';
import { openSqlite } from './storage/sqlite.ts';

export interface ServerOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  open?: boolean;
  /** Do not print the start-up line (tests). */
  quiet?: boolean;
}

export const DEFAULT_PORT = 4321;
export const DEFAULT_HOST = '127.0.0.1';
const LOOPBACK = ['127.0.0.1', 'localhost', '::1', '[::1]'];

export async function startServer(options: ServerOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${port}; expected 0-65535`);
  const dataDir = options.dataDir ?? '.staffwork';
  let storage: ReturnType<typeof openSqlite>;
  try {
    storage = openSqlite(dataDir);
  } catch (e) {
    throw new Error(`cannot open the workbench data in ${resolve(dataDir)}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const assets = loadAssets();
  if (!assets && !options.quiet) console.error('staffwork serve: the front end is not built (dist/web); run `npm run build` first.');
  // Bound to loopback, only loopback Host names are served: a DNS-rebinding page cannot talk to us.
  const allowedHosts = LOOPBACK.includes(host) ? new Set(LOOPBACK) : undefined;
  const app = createApp({ storage, assets, allowedHosts });

  const server = await new Promise<ReturnType<typeof serve>>((ok, fail) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => ok(s));
    s.once('error', (e: NodeJS.ErrnoException) => {
      void storage.close();
      if (e.code === 'EADDRINUSE') fail(new Error(`port ${port} on ${host} is in use; pick another with --port`));
      else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') fail(new Error(`cannot listen on host "${host}"; pass an address of this machine with --host`));
      else if (e.code === 'EACCES') fail(new Error(`no permission to listen on port ${port}; pick one above 1023 with --port`));
      else fail(e);
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`;
  if (!options.quiet) console.log(`staffwork workbench: ${url}  (data: ${storage.location})`);
  if (options.open) openBrowser(url);

  let closing: Promise<void> | undefined;
  return {
    url,
    close: () =>
      (closing ??= new Promise<void>((done) => {
        server.close(() => done());
        // Keep-alive connections would hold close() open; the data is already committed.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }).then(() => storage.close())),
  };
}

/** The package root, found from this file whether it runs from src/ (tsx) or a dist/ bundle. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"staffwork"/.test(readFileSync(pkg, 'utf8'))) return dir;
    const up = dirname(dir);
    if (up === dir) return resolve('.');
    dir = up;
  }
}

function loadAssets(): Assets | undefined {
  const dir = join(packageRoot(), 'dist/web');
  const read = (f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : undefined);
  const files = { 'app.js': read('app.js'), 'lint-worker.js': read('lint-worker.js'), 'app.css': read('app.css'), 'print.css': read('print.css') };
  return Object.values(files).every((f) => f !== undefined) ? (files as Assets) : undefined;
}

function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => console.log(`staffwork serve: could not open a browser; visit ${url}`));
    child.unref();
  } catch {
    console.log(`staffwork serve: could not open a browser; visit ${url}`);
  }
}
