// Operations on the database outside a running server: migrate, backup, restore, and moving a
// single-user SQLite workbench into a shared PostgreSQL one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import { isPostgresUrl, kyselyOn, migratePostgres, redact } from './storage/postgres.ts';
import { APP_ROLE } from './storage/schema.ts';
import { openSqlite, SQLITE_FILE } from './storage/sqlite.ts';

export function requirePostgresUrl(url: string): string {
  if (!isPostgresUrl(url)) throw new Error(`expected a postgres:// URL, got "${url.slice(0, 40)}"`);
  return url;
}

export async function migrate(target: { database?: string; dataDir: string }): Promise<string> {
  if (target.database) {
    const { from, to } = await migratePostgres(requirePostgresUrl(target.database));
    return from === to ? `${redact(target.database)}: schema ${to}, up to date` : `${redact(target.database)}: schema ${from} -> ${to}`;
  }
  const storage = await openSqlite(target.dataDir);
  const { schema } = await storage.ping();
  await storage.close();
  return `${storage.location}: schema ${schema}, up to date`;
}

/** SQLite: the online backup API (consistent while a server writes). PostgreSQL: pg_dump's custom format. */
export async function backup(target: { database?: string; dataDir: string }, to: string): Promise<string> {
  const out = resolve(to);
  if (existsSync(out)) throw new Error(`${out} exists; staffwork backup does not overwrite`);
  if (target.database) {
    pgTool('pg_dump', ['--format=custom', '--no-owner', `--file=${out}`, `--dbname=${requirePostgresUrl(target.database)}`]);
    return `${redact(target.database)} -> ${out} (pg_dump custom format; staffwork restore or pg_restore reads it)`;
  }
  const file = join(resolve(target.dataDir), SQLITE_FILE);
  if (!existsSync(file)) throw new Error(`no workbench data at ${file}`);
  // Opening through openSqlite checks the file is staffwork's and healthy first.
  const storage = await openSqlite(target.dataDir);
  try {
    await storage.backup(out);
  } finally {
    await storage.close();
  }
  return `${file} -> ${out}`;
}

export async function restore(target: { database?: string; dataDir: string }, from: string, force: boolean): Promise<string> {
  const src = resolve(from);
  if (!existsSync(src)) throw new Error(`no such backup: ${src}`);
  if (target.database) {
    const url = requirePostgresUrl(target.database);
    if (!force && (await pgHasData(url))) throw new Error(`${redact(url)} already holds artifacts; pass --force to replace them`);
    // The policies name the app role; a fresh cluster needs it before the tables come back.
    await withClient(url, (c) => c.query(`DO $$ BEGIN CREATE ROLE ${APP_ROLE} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`));
    pgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${url}`, src]);
    await migratePostgres(url);
    return `${src} -> ${redact(url)}`;
  }
  const dir = resolve(target.dataDir);
  const file = join(dir, SQLITE_FILE);
  if (existsSync(file) && !force) throw new Error(`${file} exists; stop the server and pass --force to replace it`);
  // Check the backup the way serve would, then copy it in beside the live file and swap.
  const staged = join(dir, `${SQLITE_FILE}.restoring`);
  rmSync(staged, { force: true });
  const checked = await openSqlite(stagingCopy(src, dir));
  await checked.backup(staged);
  await checked.close();
  for (const f of readdirSync(dir)) if (f.startsWith('.restore-check-')) rmSync(join(dir, f), { recursive: true, force: true });
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
  renameSync(staged, file);
  return `${src} -> ${file}`;
}

/** The backup copied into a scratch folder, so checking (and migrating) it never touches the original. */
function stagingCopy(src: string, dir: string): string {
  const scratch = join(dir, `.restore-check-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(src, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new Error(`${src} is not a readable SQLite backup (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    db.exec(`VACUUM INTO '${join(scratch, SQLITE_FILE).replace(/'/g, "''")}'`);
  } catch (e) {
    throw new Error(`${src} is not a readable SQLite backup (${e instanceof Error ? e.message : String(e)})`);
  } finally {
    db.close();
  }
  return scratch;
}

/**
 * Every artifact and revision from the SQLite workbench into an empty PostgreSQL database,
 * ids, owners and times kept, in one transaction; then the counts and texts are compared.
 */
export async function exportDb(dataDir: string, url: string): Promise<string> {
  requirePostgresUrl(url);
  const file = join(resolve(dataDir), SQLITE_FILE);
  if (!existsSync(file)) throw new Error(`no workbench data at ${file}`);
  const source = await openSqlite(dataDir); // checks and migrates the file (it is ours)
  await source.close();
  await migratePostgres(url);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const artifacts = db.prepare('SELECT * FROM artifacts ORDER BY id').all() as Record<string, unknown>[];
    const revisionIds = db.prepare('SELECT id FROM revisions ORDER BY id').pluck().all() as number[];
    const k = kyselyOn(client);
    await k.transaction().execute(async (trx) => {
      const existing = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM artifacts`.execute(trx)).rows[0]?.n ?? 0);
      if (existing > 0) throw new Error(`${redact(url)} already holds ${existing} artifacts; export-db copies into an empty database only`);
      for (let i = 0; i < artifacts.length; i += 200)
        await trx
          .insertInto('artifacts')
          .values(artifacts.slice(i, i + 200))
          .execute();
      const one = db.prepare('SELECT * FROM revisions WHERE id = ?');
      let batch: Record<string, unknown>[] = [];
      let chars = 0;
      const flush = async () => {
        if (batch.length) await trx.insertInto('revisions').values(batch).execute();
        batch = [];
        chars = 0;
      };
      for (const id of revisionIds) {
        const row = one.get(id) as Record<string, unknown>;
        batch.push(row);
        chars += String(row['text']).length;
        if (batch.length >= 200 || chars > 4_000_000) await flush();
      }
      await flush();
      await sql`SELECT setval(pg_get_serial_sequence('revisions', 'id'), GREATEST((SELECT max(id) FROM revisions), 1))`.execute(trx);
    });
    // Nothing lost: the same rows, the same texts.
    const sum = (rows: { id: number; h: string }[]) => rows.map((r) => `${r.id}:${r.h}`).join(',');
    const here = db.prepare("SELECT id, length(text) || '/' || size || '/' || artifact_id AS h FROM revisions ORDER BY id").all() as { id: number; h: string }[];
    const there = (await client.query<{ id: number; h: string }>("SELECT id, length(text) || '/' || size || '/' || artifact_id AS h FROM revisions ORDER BY id")).rows;
    if (sum(here) !== sum(there)) throw new Error('the copy in PostgreSQL differs from the SQLite file; nothing was changed in the SQLite file');
    return `${artifacts.length} artifacts and ${revisionIds.length} revisions copied from ${file} to ${redact(url)}`;
  } finally {
    db.close();
    await client.end().catch(() => undefined);
  }
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function pgHasData(url: string): Promise<boolean> {
  return withClient(url, async (c) => {
    const t = await c.query("SELECT to_regclass('public.artifacts') IS NOT NULL AS present");
    if (!t.rows[0]?.present) return false;
    return Number((await c.query('SELECT count(*) AS n FROM artifacts')).rows[0]?.n ?? 0) > 0;
  });
}

/** pg_dump / pg_restore from PATH, or Debian's versioned folder. */
function pgTool(name: 'pg_dump' | 'pg_restore', args: string[]): void {
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const candidates = [...versions.map((v) => `/usr/lib/postgresql/${v}/bin/${name}`).filter(existsSync), name];
  const r = spawnSync(candidates[0] as string, args, { encoding: 'utf8' });
  if (r.error) throw new Error(`${name} is not installed (apt-get install postgresql-client): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${name} failed: ${(r.stderr || '').trim().split('\n')[0] ?? `exit ${r.status}`}`);
}
