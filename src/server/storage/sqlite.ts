// The default storage engine: one SQLite file (better-sqlite3). WAL mode with
// synchronous=FULL: a save is acknowledged only after its WAL frame is fsynced, so neither a
// killed server nor a power cut loses an acknowledged revision (NORMAL would survive a killed
// process but could drop the last commits on power loss; FULL costs one fsync per save, which
// bench/server-load.ts measures).
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { ArtifactMeta, ArtifactSummary, Revision, RevisionMeta, SaveResult, Storage } from './types.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS artifacts (
  id TEXT PRIMARY KEY,
  kind TEXT,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  head_id INTEGER NOT NULL,
  archived_at TEXT
);
CREATE TABLE IF NOT EXISTS revisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  artifact_id TEXT NOT NULL REFERENCES artifacts(id),
  base_id INTEGER,
  text TEXT NOT NULL,
  size INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS revisions_by_artifact ON revisions(artifact_id, id);
`;

/**
 * Schema changes after the first release, in order; PRAGMA user_version counts those applied.
 * Each runs once, in a transaction with the version bump, on a file made by older code.
 */
const MIGRATIONS: ((db: Database.Database) => void)[] = [
  // 1: archiving. Files made before it have no archived_at column (new files get it from SCHEMA).
  (db) => {
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(artifacts)').all();
    if (!columns.some((c) => c.name === 'archived_at')) db.exec('ALTER TABLE artifacts ADD COLUMN archived_at TEXT');
  },
];

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) throw new Error(`the data file was written by a newer staffwork (schema ${version}; this one knows ${MIGRATIONS.length}); upgrade staffwork`);
  MIGRATIONS.slice(version).forEach((step, i) =>
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${version + i + 1}`);
    }).immediate(),
  );
}

interface RevisionRow {
  id: number;
  artifact_id: string;
  base_id: number | null;
  text: string;
  size: number;
  created_at: string;
}

interface SummaryRow {
  id: string;
  kind: string | null;
  title: string;
  created_at: string;
  head_id: number;
  archived_at: string | null;
  base_id: number | null;
  size: number;
  updated_at: string;
}

const SUMMARY = `SELECT a.id, a.kind, a.title, a.created_at, a.head_id, a.archived_at, r.base_id, r.size, r.created_at AS updated_at
  FROM artifacts a JOIN revisions r ON r.id = a.head_id`;

export function openSqlite(dataDir: string): Storage {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'workbench.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  migrate(db);

  const q = {
    list: db.prepare<[], SummaryRow>(`${SUMMARY} WHERE a.archived_at IS NULL ORDER BY r.created_at DESC, a.id`),
    listArchived: db.prepare<[], SummaryRow>(`${SUMMARY} WHERE a.archived_at IS NOT NULL ORDER BY a.archived_at DESC, a.id`),
    listAll: db.prepare<[], SummaryRow>(`${SUMMARY} ORDER BY r.created_at DESC, a.id`),
    setArchived: db.prepare<[string | null, string]>('UPDATE artifacts SET archived_at = ? WHERE id = ?'),
    summary: db.prepare<[string], SummaryRow>(`${SUMMARY} WHERE a.id = ?`),
    head: db.prepare<[string], RevisionRow>('SELECT r.* FROM artifacts a JOIN revisions r ON r.id = a.head_id WHERE a.id = ?'),
    insertArtifact: db.prepare('INSERT INTO artifacts (id, kind, title, created_at, head_id) VALUES (?, ?, ?, ?, 0)'),
    insertRevision: db.prepare('INSERT INTO revisions (artifact_id, base_id, text, size, created_at) VALUES (?, ?, ?, ?, ?)'),
    setHead: db.prepare('UPDATE artifacts SET head_id = ?, kind = ?, title = ? WHERE id = ?'),
    revisions: db.prepare<[string], RevisionRow>('SELECT id, artifact_id, base_id, size, created_at FROM revisions WHERE artifact_id = ? ORDER BY id DESC'),
    revision: db.prepare<[string, number], RevisionRow>('SELECT * FROM revisions WHERE artifact_id = ? AND id = ?'),
  };

  const append = (id: string, baseId: number | null, text: string, meta: ArtifactMeta): RevisionMeta => {
    const createdAt = new Date().toISOString();
    const info = q.insertRevision.run(id, baseId, text, text.length, createdAt);
    const revId = Number(info.lastInsertRowid);
    q.setHead.run(revId, meta.kind, meta.title, id);
    return { id: revId, baseId, createdAt, size: text.length };
  };

  const create = db.transaction((text: string, meta: ArtifactMeta) => {
    const id = newId();
    q.insertArtifact.run(id, meta.kind, meta.title, new Date().toISOString());
    const revision = append(id, null, text, meta);
    return { artifact: toSummary(q.summary.get(id) as SummaryRow), revision };
  });

  // IMMEDIATE: take the write lock before reading the head, so two processes sharing the
  // file cannot both see the same head and both append.
  const save = db.transaction((id: string, text: string, baseId: number, meta: ArtifactMeta): SaveResult | undefined => {
    const head = q.head.get(id);
    if (!head) return undefined;
    if (head.id !== baseId) return { ok: false, current: toRevision(head) };
    if (head.text === text) return { ok: true, revision: toMeta(head), unchanged: true };
    return { ok: true, revision: append(id, baseId, text, meta), unchanged: false };
  });

  return {
    engine: 'sqlite',
    location: file,
    list: async (options = {}) => {
      const which = options.archived ?? 'exclude';
      return (which === 'only' ? q.listArchived : which === 'include' ? q.listAll : q.list).all().map(toSummary);
    },
    setArchived: async (id, archived) => {
      const row = q.summary.get(id);
      if (!row) return undefined;
      // Archiving an archived artifact keeps the first time; only the flag ever changes.
      if (archived !== (row.archived_at !== null)) q.setArchived.run(archived ? new Date().toISOString() : null, id);
      return toSummary(q.summary.get(id) as SummaryRow);
    },
    create: async (text, meta) => create.immediate(text, meta),
    get: async (id) => {
      const head = q.head.get(id);
      const row = head && q.summary.get(id);
      return head && row ? { artifact: toSummary(row), revision: toRevision(head) } : undefined;
    },
    save: async (id, text, baseId, meta) => save.immediate(id, text, baseId, meta),
    revisions: async (id) => (q.summary.get(id) ? q.revisions.all(id).map(toMeta) : undefined),
    revision: async (id, revisionId) => {
      const row = q.revision.get(id, revisionId);
      return row ? toRevision(row) : undefined;
    },
    close: async () => {
      if (db.open) db.close();
    },
  };
}

/** 12 random base32 characters: unguessable enough for a local tool, short enough for a URL. */
function newId(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return [...randomBytes(12)].map((b) => alphabet[b % 32]).join('');
}

function toMeta(r: Pick<RevisionRow, 'id' | 'base_id' | 'created_at' | 'size'>): RevisionMeta {
  return { id: r.id, baseId: r.base_id, createdAt: r.created_at, size: r.size };
}

function toRevision(r: RevisionRow): Revision {
  return { ...toMeta(r), artifactId: r.artifact_id, text: r.text };
}

function toSummary(r: SummaryRow): ArtifactSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
    head: { id: r.head_id, baseId: r.base_id, createdAt: r.updated_at, size: r.size },
  };
}
