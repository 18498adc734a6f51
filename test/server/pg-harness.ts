// A real PostgreSQL server for the tests: Debian's package (installed with apt-get when it is
// missing and we are root), initdb + pg_ctl into a temporary folder on a free port, run as the
// unprivileged `postgres` user when the tests run as root (PostgreSQL refuses to run as root),
// stopped and deleted at the end. Where it cannot be had, `skip` says why, in one line.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface Postgres {
  port: number;
  /** A connection URL for a database on this server (superuser `postgres`, trust auth on 127.0.0.1). */
  url(database?: string): string;
  /** A fresh, empty database. */
  createDatabase(): Promise<string>;
  /** Stop (fast: clients are cut off, as in a restart or failover) and start again. */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  /** Stop for good and delete the data folder. */
  destroy(): void;
}

const isRoot = process.getuid?.() === 0;

function findBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => /^\d+$/.test(v) && Number(v) >= 15 && existsSync(join(base, v, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

function install(): string | undefined {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const ok = (args: string[]) => spawnSync('apt-get', args, { stdio: 'ignore', env, timeout: 15 * 60_000 }).status === 0;
  if (!ok(['update', '-qq']) || !ok(['install', '-y', '-qq', 'postgresql'])) return undefined;
  return findBin();
}

let cached: { bin: string } | { skip: string } | undefined;

/** Where the PostgreSQL binaries are, installing them if we can; or why the PostgreSQL tests are skipped. */
export function postgresAvailable(): { bin: string } | { skip: string } {
  if (cached) return cached;
  let bin = findBin();
  if (!bin && isRoot) bin = install();
  if (!bin) {
    cached = {
      skip: isRoot
        ? 'PostgreSQL 15+ is not installed and `apt-get install -y postgresql` failed: PostgreSQL tests skipped'
        : 'PostgreSQL 15+ is not installed (/usr/lib/postgresql/*/bin/initdb) and installing it needs root: PostgreSQL tests skipped; run `apt-get install postgresql`',
    };
    return cached;
  }
  if (isRoot && spawnSync('id', ['postgres'], { stdio: 'ignore' }).status !== 0) {
    if (spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' }).status !== 0) {
      cached = { skip: 'no `postgres` user to run PostgreSQL as, and useradd failed: PostgreSQL tests skipped' };
      return cached;
    }
  }
  cached = { bin };
  return cached;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** `durable`: fsync on, as a real deployment runs (the benchmarks); the tests run with it off. */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<Postgres> {
  const found = postgresAvailable();
  if ('skip' in found) throw new Error(found.skip);
  const { bin } = found;
  const dir = mkdtempSync(join(tmpdir(), 'staffwork-pg-'));
  const data = join(dir, 'data');
  if (isRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const argv = [join(bin, tool), ...args];
    const r = isRoot ? spawnSync('runuser', ['-u', 'postgres', '--', ...argv], { encoding: 'utf8', cwd: dir }) : spawnSync(argv[0] as string, argv.slice(1), { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${tool} failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' / ')}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
  const port = await freePort();
  // fsync off: the tests kill app servers and restart PostgreSQL, never the machine, and the
  // operating system keeps what PostgreSQL wrote; it saves the shared CI disk many flushes.
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${options.durable ? 'on' : 'off'} -c max_connections=200`;
  const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', settings, '-w', '-t', '60', 'start']);
  start();
  let n = 0;
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    port,
    url,
    async createDatabase() {
      const name = `staffwork_test_${process.pid}_${++n}`;
      const c = new pg.Client({ connectionString: url() });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      return url(name);
    },
    stop(mode = 'fast') {
      run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
    },
    start,
    destroy() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
