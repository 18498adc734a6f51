// `npm run bench -- --server [--duration S] [--connections N]`: the workbench server under load.
// Each app server runs in its own process on loopback (test/server/fixtures/serve-child.ts);
// PostgreSQL is a real server started for the run (test/server/pg-harness.ts, skipped with the
// reason where it cannot be had). Scenarios:
//   saves: N connections, each saving its own ~1-page strategy on its latest revision (the
//          editor's autosave, N writers at once), on SQLite, PostgreSQL with one app server, and
//          PostgreSQL with two app servers (N/2 connections each, at once);
//   history: the revision list of an artifact with 5,000 revisions, whole and one 50-row page;
//   cohort: 200 learners x 6 artifacts (1,200) in one database: the cohort listing (100 rows a
//          page) and every learner's portfolio checked through the check pool, cold and warm.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { defaultModule } from '../src/core/index.ts';
import { CheckPool } from '../src/server/checker/pool.ts';
import { openPostgres } from '../src/server/storage/postgres.ts';
import { openSqlite } from '../src/server/storage/sqlite.ts';
import type { Storage } from '../src/server/storage/types.ts';
import { postgresAvailable, startPostgres, type Postgres } from '../test/server/pg-harness.ts';
import { option, percentile, root } from './lib.ts';

// Frozen: autocannon writes content-length into the headers objects it is given.
const headers = Object.freeze({ 'content-type': 'application/json', 'x-staffwork': '1' });
const paragraph = 'Product teams wait a median of 3.5 days from merge to production, and 18% of CI runs fail on a flaky test. ';
const strategy = (i: number, edit = 0) => `---\nkind: strategy\ntitle: Load ${i}\n---\n\n# Load ${i}\n\n## Diagnosis\n\n${paragraph.repeat(20)}\nedit ${edit}\n`;

export interface ServerRow {
  scenario: string;
  engine: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  note?: string;
}

export async function benchServer(): Promise<{ rows: ServerRow[]; skipped?: string; machine: Record<string, unknown> }> {
  const duration = Math.min(60, Math.max(1, Number(option('duration') ?? 8)));
  const connections = Math.min(100, Math.max(2, Number(option('connections') ?? 10)));
  const rows: ServerRow[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'staffwork-bench-'));
  const children: ChildProcess[] = [];
  const pgState = postgresAvailable();
  let pgServer: Postgres | undefined;
  try {
    const launch = (dataDir: string, database?: string) => {
      const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/server/fixtures/serve-child.ts'), dataDir, ...(database ? [database] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
      children.push(proc);
      return new Promise<string>((ok, fail) => {
        proc.once('exit', (code) => fail(new Error(`server exited (${code})`)));
        createInterface({ input: proc.stdout as NodeJS.ReadableStream }).once('line', (line) => ok((JSON.parse(line) as { url: string }).url.replace(/\/$/, '')));
      });
    };

    // Saves.
    const sqliteUrl = await launch(join(scratch, 'sqlite'));
    rows.push(await saves('saves', 'SQLite (WAL, synchronous=FULL), 1 app server', [sqliteUrl], connections, duration));
    rows.push(...(await history('SQLite', sqliteUrl, duration)));
    let pgUrl: string | undefined;
    if (!('skip' in pgState)) {
      pgServer = await startPostgres({ durable: true }); // fsync on, like SQLite's synchronous=FULL
      pgUrl = await pgServer.createDatabase();
      const one = await launch(scratch, pgUrl);
      rows.push(await saves('saves', 'PostgreSQL 15, 1 app server', [one], connections, duration));
      const two = await launch(scratch, pgUrl);
      rows.push(await saves('saves', 'PostgreSQL 15, 2 app servers', [one, two], connections, duration));
      rows.push(...(await history('PostgreSQL', one, duration)));
    }
    for (const c of children) c.kill('SIGTERM');

    // The cohort: storage and the check pool in this process (what a cohort page does per request).
    rows.push(...(await cohort('SQLite', await openSqlite(join(scratch, 'cohort')))));
    if (pgServer) rows.push(...(await cohort('PostgreSQL', await openPostgres(await pgServer.createDatabase()))));
    return {
      rows,
      ...('skip' in pgState ? { skipped: pgState.skip } : {}),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, loadAverage1m: loadavg()[0], duration, connections },
    };
  } finally {
    for (const c of children) c.kill('SIGKILL');
    pgServer?.destroy();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function post(url: string, path: string, body: unknown): Promise<any> {
  const res = await fetch(url + path, { method: 'POST', headers, body: JSON.stringify(body) });
  return res.json();
}

/** N connections spread over the servers, each saving its own artifact on its latest revision. */
async function saves(scenario: string, engine: string, urls: string[], connections: number, duration: number): Promise<ServerRow> {
  const runs = await Promise.all(
    urls.map(async (url, s) => {
      const mine = Math.round(connections / urls.length);
      const free: { id: string; rev: number }[] = [];
      for (let i = 0; i < mine; i++) {
        const r = await post(url, '/api/artifacts', { text: strategy(i) });
        free.push({ id: r.artifact.id, rev: r.revision.id });
      }
      let edits = 0;
      let conflicts = 0;
      // autocannon resets a connection's context per request, so artifacts are lent from a pool.
      const result = await cannon({
        url,
        connections: mine,
        duration,
        requests: [
          {
            method: 'PUT',
            setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
              const a = free.shift() as { id: string; rev: number };
              context['artifact'] = a;
              return { ...req, path: `/api/artifacts/${a.id}`, headers: { ...headers }, body: JSON.stringify({ text: strategy(s, ++edits), baseRevision: a.rev }) };
            },
            onResponse: (status: number, body: string, context: Record<string, unknown>) => {
              const a = context['artifact'] as { id: string; rev: number };
              if (status === 200) a.rev = (JSON.parse(body) as { revision: { id: number } }).revision.id;
              else if (status === 409) conflicts++;
              free.push(a);
            },
          },
        ],
      });
      return { result, conflicts };
    }),
  );
  const total = runs.reduce((n, r) => n + r.result.requests.total, 0);
  return {
    scenario,
    engine,
    requestsPerSecond: round(runs.reduce((n, r) => n + r.result.requests.average, 0)),
    // Over two servers: the slower server's percentile (autocannon keeps a histogram per run).
    p50: Math.max(...runs.map((r) => r.result.latency.p50)),
    p99: Math.max(...runs.map((r) => r.result.latency.p99)),
    requests: total,
    errors: runs.reduce((n, r) => n + r.result.errors + r.result.non2xx, 0),
    ...(runs.some((r) => r.conflicts) ? { note: `${runs.reduce((n, r) => n + r.conflicts, 0)} conflicts (there should be none)` } : {}),
  };
}

/** One artifact with 5,000 revisions: its whole history, and one 50-row page of it. */
async function history(engine: string, url: string, duration: number): Promise<ServerRow[]> {
  const created = await post(url, '/api/artifacts', { text: strategy(0) });
  let rev = created.revision.id as number;
  for (let k = 1; k < 5000; k++) {
    const res = await fetch(`${url}/api/artifacts/${created.artifact.id}`, { method: 'PUT', headers, body: JSON.stringify({ text: `# History\n\nrevision ${k}\n`, baseRevision: rev }) });
    rev = ((await res.json()) as { revision: { id: number } }).revision.id;
  }
  const path = `/api/artifacts/${created.artifact.id}/revisions`;
  const whole = await cannon({ url: url + path, connections: 4, duration: Math.min(duration, 5) });
  const page = await cannon({ url: `${url}${path}?limit=50&before=${rev - 2000}`, connections: 4, duration: Math.min(duration, 5) });
  const row = (scenario: string, r: autocannon.Result): ServerRow => ({
    scenario,
    engine: `${engine}, 1 app server`,
    requestsPerSecond: round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.non2xx,
  });
  return [row('history: all 5,000 revisions (GET .../revisions)', whole), row('history: one page of 50 (?limit=50&before=)', page)];
}

/** 200 learners x 6 artifacts: listing the cohort, and every learner's portfolio checked (cold, then warm). */
async function cohort(engine: string, storage: Storage): Promise<ServerRow[]> {
  const owners = Array.from({ length: 200 }, (_, i) => `learner-${i}`);
  const pool = new CheckPool({});
  try {
    for (const owner of owners) {
      const s = storage.as(owner);
      for (let k = 0; k < 6; k++) await s.create(strategy(k), { kind: 'strategy', title: `${owner} ${k}` });
    }
    const listing: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (let offset = 0; offset < 1200; offset += 100) {
        const t = performance.now();
        await storage.cohort(owners, { limit: 100, offset });
        listing.push(performance.now() - t);
      }
    }
    const pass = async () => {
      const times: number[] = [];
      const start = performance.now();
      for (const owner of owners) {
        const t = performance.now();
        const s = storage.as(owner);
        const items = (await s.list()).map((artifact) => ({ key: `${artifact.id}@${artifact.head.id}`, artifact }));
        let texts: Record<string, string> = {};
        for (;;) {
          const r = await pool.heavy(owner, { type: 'portfolio', module: defaultModule.id, items, texts });
          if (r.type !== 'missing') break;
          const found = await s.texts(r.keys.map((k) => ({ artifactId: k.slice(0, k.indexOf('@')), revisionId: Number(k.slice(k.indexOf('@') + 1)) })));
          texts = Object.fromEntries(found.map((x) => [`${x.artifactId}@${x.id}`, x.text]));
        }
        times.push(performance.now() - t);
      }
      return { times, seconds: (performance.now() - start) / 1000 };
    };
    const cold = await pass();
    const warm = await pass();
    const row = (scenario: string, times: number[], seconds?: number): ServerRow => ({
      scenario,
      engine,
      requestsPerSecond: round(seconds ? times.length / seconds : times.length / (times.reduce((a, b) => a + b, 0) / 1000)),
      p50: round(percentile(times, 50), 1),
      p99: round(percentile(times, 99), 1),
      requests: times.length,
      errors: 0,
    });
    return [
      row('cohort: 1,200 artifacts of 200 learners, one 100-row page of the listing', listing),
      row("cohort: each learner's portfolio checked, cold (6 artifacts each)", cold.times, cold.seconds),
      row('cohort: the same, warm (checked revisions cached)', warm.times, warm.seconds),
    ];
  } finally {
    await pool.close();
    await storage.close();
  }
}

function cannon(opts: Record<string, unknown>): Promise<autocannon.Result> {
  return new Promise((ok, fail) => {
    autocannon(opts as unknown as autocannon.Options, (err, result) => (err ? fail(err) : ok(result)));
  });
}

function round(n: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function printServerRows(rows: ServerRow[]): void {
  console.log('\n| scenario | engine | requests/s | p50 ms | p99 ms | requests | errors |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.scenario} | ${r.engine} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.errors}${r.note ? ` (${r.note})` : ''} |`);
}
