// `staffwork serve`: the workbench. Opens the storage (SQLite in the data folder, or
// PostgreSQL), starts the check workers, loads the built front end and listens on loopback.
// Prints the URL it serves.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { CourseModule } from '../core/index.ts';
import { createApp } from './app.ts';
import { newSetupCode } from './auth/setup.ts';
import { loadAssets } from './assets.ts';
import { CheckPool } from './checker/pool.ts';
import { moduleList } from './routes/cohorts.ts';
import { openSqlite } from './storage/sqlite.ts';
import type { Storage } from './storage/types.ts';

export interface WorkbenchServerOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  /** A postgres:// URL: share one PostgreSQL database with other app servers instead of the SQLite file. */
  database?: string;
  /** Host names accepted in the Host header besides the loopback names and the bound address (a reverse proxy's public name). */
  allowedHosts?: string[];
  /** Reverse proxies (addresses) whose X-Forwarded-For names the client, for the sign-in limits. */
  trustedProxies?: string[];
  /** Course modules a cohort may be for besides the built-in ones (serve --module). */
  modules?: CourseModule[];
  /** Check worker threads (0: check in this thread). */
  workers?: number;
  open?: boolean;
  /** Do not print the start-up line (tests). */
  quiet?: boolean;
}

export const DEFAULT_PORT = 4321;
export const DEFAULT_HOST = '127.0.0.1';
const LOOPBACK = ['127.0.0.1', 'localhost', '::1', '[::1]'];

/** 127.0.0.0/8, ::1 and localhost: only this machine can connect. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || /^::ffff:127\./.test(h);
}

/** What the Host header may name: the loopback names, the bound address, and what the user added. */
export function allowedHostsFor(host: string, extra: string[] = []): Set<string> {
  const names = [...LOOPBACK, host, ...extra].map((h) => h.trim().toLowerCase()).filter(Boolean);
  return new Set(names.flatMap((h) => (h.includes(':') && !h.startsWith('[') ? [h, `[${h}]`] : [h])));
}

export async function startServer(options: WorkbenchServerOptions = {}): Promise<{ url: string; close(): Promise<void>; setupCode?: string }> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${port}; expected 0-65535`);
  const dataDir = options.dataDir ?? '.staffwork';
  // Before anything opens: two modules with one id are the user's to fix.
  const served = [...moduleList(options.modules ?? []).values()];
  let storage: Storage;
  if (options.database !== undefined) {
    // Loaded only here: `npm start` (SQLite) never loads the PostgreSQL driver.
    const { isPostgresUrl, openPostgres } = await import('./storage/postgres.ts');
    if (!isPostgresUrl(options.database)) throw new Error(`--database expects a postgres:// URL (got "${options.database.slice(0, 40)}"); the SQLite file lives in --data`);
    storage = await openPostgres(options.database);
  } else {
    try {
      storage = await openSqlite(dataDir);
    } catch (e) {
      throw new Error(`cannot open the workbench data in ${resolve(dataDir)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (!isLoopback(host) && !(await storage.review.hasUsers())) {
    // No accounts yet: whoever reaches the port could read and change every artifact.
    await storage.close();
    throw new Error(
      `refusing to listen on ${host}: the workbench has no accounts yet, so anyone on the network could read and change every artifact; create the first one with \`staffwork admin create-user --admin\` (or at /setup on loopback), or listen on loopback (127.0.0.1) behind a reverse proxy that authenticates, and name it with --allowed-host`,
    );
  }
  const pool = new CheckPool({ modules: served, ...(options.workers === undefined ? {} : { workers: options.workers }) });
  try {
    await redescribe(storage, pool);
  } catch (e) {
    await Promise.all([pool.close(), storage.close()]);
    throw e;
  }
  const assets = loadAssets(join(packageRoot(), 'dist/web'));
  if (!assets && !options.quiet) console.error('staffwork serve: the front end is not built (dist/web); run `npm run build` first.');
  // Only names of this server are served, whatever the bind: a DNS-rebinding page cannot talk to us.
  const allowedHosts = allowedHostsFor(host, options.allowedHosts);
  // No account yet: a one-time code on the console lets whoever runs the server create the admin at /setup.
  const setupCode = (await storage.review.hasUsers()) ? undefined : newSetupCode();
  const app = createApp({ storage, assets, allowedHosts, pool, review: { ...(setupCode ? { setupCode } : {}), trustedProxies: options.trustedProxies ?? [], modules: options.modules ?? [] } });

  const server = await new Promise<ReturnType<typeof serve>>((ok, fail) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => ok(s));
    s.once('error', (e: NodeJS.ErrnoException) => {
      void pool.close();
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
  if (!options.quiet && setupCode) console.log(`staffwork: no accounts yet. To turn them on, open ${url}setup and enter the setup code ${setupCode} (or run \`staffwork admin create-user --admin\`).`);
  if (options.open) openBrowser(url);

  let closing: Promise<void> | undefined;
  return {
    url,
    ...(setupCode ? { setupCode } : {}),
    close: () =>
      (closing ??= new Promise<void>((done) => {
        server.close(() => done());
        // Keep-alive connections would hold close() open; the data is already committed.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      })
        .then(() => pool.close())
        .then(() => storage.close())),
  };
}

/** Rows written before kind/title/set were stored as they are now get them again, once. */
async function redescribe(storage: Storage, pool: CheckPool): Promise<void> {
  for (;;) {
    const stale = await storage.maintenance.staleHeads(200);
    if (stale.length === 0) return;
    for (const row of stale) await storage.maintenance.updateMeta(row.id, row.headId, await pool.describe(row.text));
  }
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
