// The shared engine: PostgreSQL 15+ through `pg` under Kysely, for several app servers on one
// database. Every transaction runs as the app role (which owns no table, so row-level security
// applies) with the request's owner set for that transaction only (set_config(..., true)); a
// committed change is announced with NOTIFY inside the same transaction, so every server's
// LISTEN connection hears it exactly when it is durable. Connection failures become
// DatabaseUnavailableError (a 503), and the pool recovers by itself when the database is back.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { LiveEvents, type LiveEvent } from '../events.ts';
import { kyselyStorage } from './kysely.ts';
import { isUnavailable } from './pg-errors.ts';
import { APP_ROLE, MIGRATIONS, type Tables } from './schema.ts';

/** pg_advisory_lock key for migrations ("staffwork" in ASCII, truncated to 63 bits). */
const MIGRATION_LOCK = 7_310_575_214_523_445_611n;
const CHANNEL = 'staffwork_events';

export { isUnavailable };

export const isPostgresUrl = (s: string) => /^postgres(ql)?:\/\//i.test(s);

/** The URL without its password, for logs and the start-up line. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

function poolFor(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
  // A client whose server went away emits 'error' (on the pool while idle, on the client while
  // checked out); without a listener the process dies. The query in flight fails on its own.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** A Kysely over one client (migrations, export): the lock and the DDL share the session. */
function kyselyOn(client: pg.Client): Kysely<any> {
  const wrapped = { query: client.query.bind(client), release: () => undefined };
  return new Kysely<any>({ dialect: new PostgresDialect({ pool: { connect: async () => wrapped as never, end: async () => undefined } }) });
}

/** Runs the migrations not yet applied, under an advisory lock so servers starting together take turns. */
export async function migratePostgres(url: string): Promise<{ from: number; to: number }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    const db = kyselyOn(client);
    // Asked first: an app server logging in as a role without CREATE (see the README) starts on
    // a migrated database without attempting any DDL.
    const present = (await client.query<{ present: boolean }>("SELECT to_regclass('staffwork_schema') IS NOT NULL AS present")).rows[0]?.present;
    if (!present) await sql`CREATE TABLE IF NOT EXISTS staffwork_schema (version integer PRIMARY KEY, applied_at text NOT NULL)`.execute(db);
    const current = async () => Number((await sql<{ v: number | null }>`SELECT max(version) AS v FROM staffwork_schema`.execute(db)).rows[0]?.v ?? 0);
    const from = await current();
    if (from > MIGRATIONS.length) throw new Error(`the database was migrated by a newer staffwork (schema ${from}; this one knows ${MIGRATIONS.length}); upgrade staffwork`);
    for (let v = from; v < MIGRATIONS.length; v++) {
      await db.transaction().execute(async (trx) => {
        await (MIGRATIONS[v] as (typeof MIGRATIONS)[number])(trx, 'postgres');
        await sql`INSERT INTO staffwork_schema (version, applied_at) VALUES (${v + 1}, ${new Date().toISOString()})`.execute(trx);
      });
    }
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]);
    return { from, to: MIGRATIONS.length };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function openPostgres(url: string, options: { poolSize?: number } = {}) {
  try {
    await migratePostgres(url);
  } catch (e) {
    if (isUnavailable(e)) throw new Error(`cannot reach the database at ${redact(url)}: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
  const pool = poolFor(url, options.poolSize ?? 10);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const events = new LiveEvents();
  const listener = listen(url, events);

  const scoped = async (trx: Kysely<Tables>, scope: { owner: string; readers: string[] }) => {
    await sql`SELECT set_config('role', ${APP_ROLE}, true), set_config('staffwork.owner', ${scope.owner}, true), set_config('staffwork.readers', ${scope.readers.join(',')}, true)`.execute(trx);
  };

  const storage = kyselyStorage({
    engine: 'postgres',
    location: redact(url),
    db,
    transaction: (scope, fn) =>
      db.transaction().execute(async (trx) => {
        await scoped(trx, scope);
        const published: LiveEvent[] = [];
        const result = await fn(trx, (e) => published.push(e));
        // Delivered to every listener when (and only if) this transaction commits.
        for (const e of published) await sql`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(e)})`.execute(trx);
        return result;
      }),
    read: (scope, fn) =>
      db.transaction().execute(async (trx) => {
        await scoped(trx, scope);
        return fn(trx);
      }),
    isUnavailable,
    isUniqueViolation: (e) => (e as { code?: string })?.code === '23505',
    events,
    schemaVersion: async () => Number((await sql<{ v: number }>`SELECT max(version) AS v FROM staffwork_schema`.execute(db)).rows[0]?.v ?? 0),
    close: async () => {
      listener.stop();
      await db.destroy();
    },
  });
  return storage;
}

/** One LISTEN connection per server, reconnecting with backoff; after a gap, streams re-sync from their cursors. */
function listen(url: string, events: LiveEvents): { stop(): void } {
  let stopped = false;
  let client: pg.Client | undefined;
  let delay = 200;
  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    client = c;
    let failed = false;
    const retry = () => {
      if (failed || stopped) return;
      failed = true;
      c.end().catch(() => undefined);
      setTimeout(() => void connect(), delay).unref();
      delay = Math.min(delay * 2, 5000);
    };
    c.on('error', retry);
    c.on('end', retry);
    c.on('notification', (m) => {
      if (m.channel !== CHANNEL || !m.payload) return;
      try {
        events.publish(JSON.parse(m.payload) as LiveEvent);
      } catch {
        // not ours
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
      delay = 200;
      // Anything committed while no LISTEN connection was up was not heard: streams re-read.
      events.resync();
    } catch {
      retry();
    }
  };
  void connect();
  return {
    stop: () => {
      stopped = true;
      client?.end().catch(() => undefined);
    },
  };
}

/** Every row of both tables, for export (run as the database's owner: row-level security does not apply). */
export { kyselyOn };
