// The embedded engine: one SQLite file (better-sqlite3) under Kysely. WAL mode with
// synchronous=FULL: a save is acknowledged only after its WAL frame is fsynced, so neither a
// killed server nor a power cut loses an acknowledged revision (NORMAL would survive a killed
// process but could drop the last commits on power loss; FULL costs one fsync per save, which
// bench/server-load.ts measures).
//
// Before anything is written, the file is checked: it must be staffwork's (its application_id,
// or the exact tables of a file made before staffwork set one), pass quick_check, and be
// writable. A file that fails is refused in one line and left exactly as it was.
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { LiveEvents, type LiveEvent } from '../events.ts';
import { kyselyStorage } from './kysely.ts';
import { MIGRATIONS, type Tables } from './schema.ts';

/** PRAGMA application_id of a staffwork workbench file ("SWRK"). */
export const SQLITE_APPLICATION_ID = 0x5357524b;
export const SQLITE_FILE = 'workbench.sqlite';

const LEGACY_TABLES: Record<string, string[]> = {
  artifacts: ['id', 'kind', 'title', 'created_at', 'head_id'],
  revisions: ['id', 'artifact_id', 'base_id', 'text', 'size', 'created_at'],
};

export async function openSqlite(dataDir: string) {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, SQLITE_FILE);
  if (existsSync(file)) inspect(file);
  const raw = new Database(file);
  try {
    probeWrite(raw, file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
  } catch (e) {
    raw.close();
    throw e;
  }
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: raw }) });
  const events = new LiveEvents();
  // One connection with a mutex: Kysely hands it to one caller at a time, so a transaction
  // here is never interleaved with another request's queries.
  const transaction = <T>(fn: (trx: Kysely<Tables>, publish: (e: LiveEvent) => void) => Promise<T>) =>
    db.connection().execute(async (conn) => {
      const published: LiveEvent[] = [];
      await sql`BEGIN IMMEDIATE`.execute(conn);
      try {
        const result = await fn(conn, (e) => published.push(e));
        await sql`COMMIT`.execute(conn);
        for (const e of published) events.publish(e);
        return result;
      } catch (e) {
        if (raw.inTransaction) await sql`ROLLBACK`.execute(conn);
        throw e;
      }
    });
  try {
    await migrateSqlite(db, raw);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  const storage = kyselyStorage({
    engine: 'sqlite',
    location: file,
    db,
    transaction: (_scope, fn) => transaction(fn),
    read: (_scope, fn) => fn(db),
    isUnavailable: (e) => (e as { code?: string })?.code === 'SQLITE_BUSY',
    isUniqueViolation: (e) => (e as { code?: string })?.code === 'SQLITE_CONSTRAINT_UNIQUE',
    events,
    schemaVersion: async () => raw.pragma('user_version', { simple: true }) as number,
    close: async () => {
      if (raw.open) await db.destroy();
    },
  });
  return Object.assign(storage, {
    /** A consistent copy of the live database (SQLite's online backup API), safe while serving. */
    backup: (to: string) => raw.backup(to).then(() => undefined),
  });
}

/** Refuses (without writing) a file that is not a healthy staffwork database. */
function inspect(file: string): void {
  if (statSync(file).size === 0) return; // SQLite's own empty database
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\0') throw new Error(`${file} is not a SQLite database (or its header is corrupted); move it away or pass another --data folder`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new Error(`${file} cannot be opened: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    let tables: { name: string }[];
    // Through SQLite, not the file's header: a change not yet checkpointed lives in the WAL.
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== 0 && appId !== SQLITE_APPLICATION_ID) throw new Error(`${file} belongs to another application (application_id ${appId}); staffwork leaves it alone: pass another --data folder`);
    try {
      tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
    } catch (e) {
      throw new Error(`${file} is corrupted (${e instanceof Error ? e.message : String(e)}); restore it from a backup (staffwork restore)`);
    }
    if (appId === 0 && tables.length > 0) {
      const foreign = tables.map((t) => t.name).filter((t) => !(t in LEGACY_TABLES));
      const shapeOk = Object.entries(LEGACY_TABLES).every(([table, cols]) => {
        const have = new Set(
          db
            .prepare<[], { name: string }>(`PRAGMA table_info(${table})`)
            .all()
            .map((c) => c.name),
        );
        return cols.every((c) => have.has(c));
      });
      if (foreign.length > 0 || !shapeOk) throw new Error(`${file} is not a staffwork database (it has the tables ${tables.map((t) => t.name).join(', ')}); staffwork leaves it alone: pass another --data folder`);
    }
    const check = db.prepare<[], { quick_check: string }>('PRAGMA quick_check(1)').get();
    if (check?.quick_check !== 'ok') throw new Error(`${file} is corrupted (${oneLine(check?.quick_check ?? 'quick_check failed')}); restore it from a backup (staffwork restore)`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) throw new Error(`${file} was written by a newer staffwork (schema ${version}; this one knows ${MIGRATIONS.length}); upgrade staffwork`);
  } catch (e) {
    if (!(e instanceof Error && 'code' in e)) throw e;
    throw readOnly(e) ? new Error(`${file} is read-only; make it (and its folder) writable or pass another --data folder`) : new Error(`${file} is corrupted (${oneLine(e.message)}); restore it from a backup (staffwork restore)`);
  } finally {
    db.close();
  }
}

const readOnly = (e: unknown) => /^SQLITE_(READONLY|CANTOPEN|PERM)/.test((e as { code?: string }).code ?? '');
/** SQLite's multi-line reports (quick_check) on one line, without its "*** in database main ***" banner. */
const oneLine = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^\*\*\*.*\*\*\*$/.test(l))
    .join('; ');

/** Tries a write and rolls it back: a read-only file (or folder) fails here, not on the first save. */
function probeWrite(db: Database.Database, file: string): void {
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('CREATE TABLE staffwork_write_probe (x)');
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (readOnly(e)) throw new Error(`${file} is read-only; make it (and its folder) writable or pass another --data folder`);
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new Error(`${file} is corrupted (${(e as Error).message}); restore it from a backup (staffwork restore)`);
    throw e;
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

async function migrateSqlite(db: Kysely<Tables>, raw: Database.Database): Promise<void> {
  // BEGIN IMMEDIATE takes the write lock first: two processes starting on one file take turns.
  await db.connection().execute(async (conn) => {
    for (;;) {
      await sql`BEGIN IMMEDIATE`.execute(conn);
      try {
        const version = raw.pragma('user_version', { simple: true }) as number;
        if (version > MIGRATIONS.length) throw new Error(`the data file was written by a newer staffwork (schema ${version}; this one knows ${MIGRATIONS.length}); upgrade staffwork`);
        if (raw.pragma('application_id', { simple: true }) !== SQLITE_APPLICATION_ID) raw.pragma(`application_id = ${SQLITE_APPLICATION_ID}`);
        const step = MIGRATIONS[version];
        if (step) {
          await step(conn, 'sqlite');
          raw.pragma(`user_version = ${version + 1}`);
        }
        await sql`COMMIT`.execute(conn);
        if (!step) return;
      } catch (e) {
        if (raw.inTransaction) await sql`ROLLBACK`.execute(conn);
        throw e;
      }
    }
  });
}
