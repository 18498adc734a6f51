// The storage, written once over Kysely for both engines. The engine (sqlite.ts, postgres.ts)
// supplies how a transaction starts (SQLite: BEGIN IMMEDIATE; PostgreSQL: the app role and the
// owner set for the transaction, for row-level security), how a committed change is announced
// (SQLite: this process; PostgreSQL: NOTIFY, so every server hears it), and which errors mean
// "the database is unavailable".
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LiveEvent, LiveEvents } from '../events.ts';
import { reviewStore } from './review.ts';
import type { Tables } from './schema.ts';
import { DatabaseUnavailableError, type ArtifactMeta, type ArtifactSummary, type FindingCounts, type Head, type OwnerStorage, type Revision, type RevisionMeta, type SaveResult, type Storage } from './types.ts';

/** The describe() version kind/title/set/audience rows carry; bump it when describe() changes so old rows are re-described. */
export const META_VERSION = 1;

export interface Scope {
  /** Whose rows a write creates or changes. */
  owner: string;
  /** Whose rows reads may see. */
  readers: string[];
}

export interface EngineParts {
  engine: Storage['engine'];
  location: string;
  db: Kysely<Tables>;
  /** Runs fn in one transaction scoped to the owner; `publish` announces events once it commits. */
  transaction<T>(scope: Scope, fn: (trx: Kysely<Tables>, publish: (e: LiveEvent) => void) => Promise<T>): Promise<T>;
  /** Reads outside a transaction where the engine allows (SQLite), else in a read-only one. */
  read<T>(scope: Scope, fn: (db: Kysely<Tables>) => Promise<T>): Promise<T>;
  isUnavailable(e: unknown): boolean;
  isUniqueViolation(e: unknown): boolean;
  events: LiveEvents;
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}

/** Owner ids go into a comma-separated setting on PostgreSQL: keep them to a safe alphabet. */
const OWNER_ID = /^[A-Za-z0-9_.@-]{1,200}$/;

class Conflict extends Error {}

export function kyselyStorage(parts: EngineParts): Storage {
  const { db } = parts;
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      throw parts.isUnavailable(e) ? new DatabaseUnavailableError(e) : e;
    }
  };

  const summaryQuery = (q: Kysely<Tables>) =>
    q
      .selectFrom('artifacts as a')
      .innerJoin('revisions as r', 'r.id', 'a.head_id')
      .select(['a.id', 'a.owner', 'a.kind', 'a.title', 'a.created_at', 'a.head_id', 'a.archived_at', 'r.base_id', 'r.size', 'r.created_at as updated_at', 'r.findings']);

  const as = (owner: string): OwnerStorage => {
    if (!OWNER_ID.test(owner)) throw new Error(`invalid owner id "${owner}"`);
    const scope: Scope = { owner, readers: [owner] };
    const read = <T>(fn: (q: Kysely<Tables>) => Promise<T>) => guard(() => parts.read(scope, fn));
    const summary = async (q: Kysely<Tables>, id: string) => summaryQuery(q).where('a.owner', '=', owner).where('a.id', '=', id).executeTakeFirst();
    const head = (q: Kysely<Tables>, id: string) => q.selectFrom('artifacts as a').innerJoin('revisions as r', 'r.id', 'a.head_id').selectAll('r').where('a.owner', '=', owner).where('a.id', '=', id).executeTakeFirst();
    const exists = async (q: Kysely<Tables>, id: string) => (await q.selectFrom('artifacts').select('id').where('owner', '=', owner).where('id', '=', id).executeTakeFirst()) !== undefined;

    const append = async (trx: Kysely<Tables>, id: string, baseId: number | null, text: string, meta: ArtifactMeta): Promise<RevisionMeta> => {
      const createdAt = new Date().toISOString();
      const row = await trx.insertInto('revisions').values({ artifact_id: id, owner, base_id: baseId, text, size: text.length, created_at: createdAt, findings: null }).returning('id').executeTakeFirstOrThrow();
      const revId = Number(row.id);
      // The head moves only from the base this save was made on: of two saves on one base,
      // whichever server they reach, one updates a row and the other none (and rolls back).
      const moved = await trx
        .updateTable('artifacts')
        .set({ head_id: revId, kind: meta.kind, title: meta.title, set_name: meta.set ?? null, audience: meta.audience ?? null, meta_version: META_VERSION })
        .where('id', '=', id)
        .where('owner', '=', owner)
        .where('head_id', '=', baseId ?? 0)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) throw new Conflict();
      return { id: revId, baseId, createdAt, size: text.length, findings: null };
    };

    return {
      owner,
      list: (options = {}) =>
        read(async (q) => {
          const which = options.archived ?? 'exclude';
          let query = summaryQuery(q).where('a.owner', '=', owner);
          if (which === 'only') query = query.where('a.archived_at', 'is not', null).orderBy('a.archived_at', 'desc');
          else {
            if (which === 'exclude') query = query.where('a.archived_at', 'is', null);
            query = query.orderBy('r.created_at', 'desc');
          }
          return (await query.orderBy('a.id').execute()).map(toSummary);
        }),
      create: (text, meta) =>
        guard(() =>
          parts.transaction(scope, async (trx, publish) => {
            const id = newId();
            await trx
              .insertInto('artifacts')
              .values({ id, owner, kind: meta.kind, title: meta.title, set_name: meta.set ?? null, audience: meta.audience ?? null, meta_version: META_VERSION, created_at: new Date().toISOString(), head_id: 0, archived_at: null })
              .execute();
            const revision = await append(trx, id, null, text, meta);
            publish({ type: 'revision', owner, artifactId: id, revision });
            return { artifact: toSummary((await summary(trx, id)) as SummaryRow), revision };
          }),
        ),
      get: (id) =>
        read(async (q) => {
          const [h, s] = await Promise.all([head(q, id), summary(q, id)]);
          return h && s ? { artifact: toSummary(s), revision: toRevision(h) } : undefined;
        }),
      save: async (id, text, baseId, meta) => {
        try {
          return await guard(() =>
            parts.transaction(scope, async (trx, publish): Promise<SaveResult | undefined> => {
              const h = await head(trx, id);
              if (!h) return undefined;
              if (h.id !== baseId) return { ok: false, current: toRevision(h) };
              if (h.text === text) return { ok: true, revision: toMeta(h), unchanged: true };
              const revision = await append(trx, id, baseId, text, meta);
              publish({ type: 'revision', owner, artifactId: id, revision });
              return { ok: true, revision, unchanged: false };
            }),
          );
        } catch (e) {
          if (!(e instanceof Conflict) && !parts.isUniqueViolation(e)) throw e;
          // Another server's save on the same base committed first: nothing of ours was written.
          const current = await read((q) => head(q, id));
          if (!current) return undefined;
          return { ok: false, current: toRevision(current) };
        }
      },
      setArchived: (id, archived) =>
        guard(() =>
          parts.transaction(scope, async (trx) => {
            const row = await summary(trx, id);
            if (!row) return undefined;
            // Archiving an archived artifact keeps the first time; only the flag ever changes.
            if (archived !== (row.archived_at !== null)) {
              await trx
                .updateTable('artifacts')
                .set({ archived_at: archived ? new Date().toISOString() : null })
                .where('id', '=', id)
                .where('owner', '=', owner)
                .execute();
            }
            return toSummary((await summary(trx, id)) as SummaryRow);
          }),
        ),
      revisions: (id, page = {}) =>
        read(async (q) => {
          if (!(await exists(q, id))) return undefined;
          let query = q.selectFrom('revisions').select(['id', 'base_id', 'size', 'created_at', 'findings']).where('artifact_id', '=', id).where('owner', '=', owner);
          if (page.before !== undefined) query = query.where('id', '<', page.before);
          query = query.orderBy('id', 'desc');
          if (page.limit !== undefined) query = query.limit(page.limit);
          return (await query.execute()).map(toMeta);
        }),
      revisionsAfter: (id, after) =>
        read(async (q) => {
          if (!(await exists(q, id))) return undefined;
          const rows = await q.selectFrom('revisions').select(['id', 'base_id', 'size', 'created_at', 'findings']).where('artifact_id', '=', id).where('owner', '=', owner).where('id', '>', after).orderBy('id', 'asc').limit(1000).execute();
          return rows.map(toMeta);
        }),
      revision: (id, revisionId) =>
        read(async (q) => {
          if (!Number.isSafeInteger(revisionId)) return undefined;
          const row = await q.selectFrom('revisions').selectAll().where('artifact_id', '=', id).where('owner', '=', owner).where('id', '=', revisionId).executeTakeFirst();
          return row ? toRevision(row) : undefined;
        }),
      texts: (keys) =>
        read(async (q) => {
          const out: Revision[] = [];
          const wanted = new Map(keys.map((k) => [k.revisionId, k.artifactId]));
          const ids = [...wanted.keys()];
          for (let i = 0; i < ids.length; i += 500) {
            const rows = await q
              .selectFrom('revisions')
              .selectAll()
              .where('owner', '=', owner)
              .where('id', 'in', ids.slice(i, i + 500))
              .execute();
            for (const r of rows) if (wanted.get(r.id) === r.artifact_id) out.push(toRevision(r));
          }
          return out;
        }),
      setMembers: (name) =>
        read(async (q) => {
          const rows = await q
            .selectFrom('artifacts as a')
            .innerJoin('revisions as r', 'r.id', 'a.head_id')
            .selectAll('r')
            .select(['a.kind', 'a.title', 'a.created_at as artifact_created_at', 'a.head_id', 'a.archived_at', 'a.audience', 'r.created_at as updated_at'])
            .where('a.owner', '=', owner)
            .where('a.set_name', '=', name)
            .where('a.archived_at', 'is', null)
            .orderBy('r.created_at', 'desc')
            .orderBy('a.id')
            .execute();
          return rows.map((r) => ({
            artifact: toSummary({ ...r, id: r.artifact_id, created_at: r.artifact_created_at }),
            revision: toRevision(r),
            audience: r.audience,
          }));
        }),
      setFindings: (revisionId, counts) =>
        guard(() =>
          parts.transaction(scope, async (trx) => {
            await trx
              .updateTable('revisions')
              .set({ findings: JSON.stringify(counts) })
              .where('id', '=', revisionId)
              .where('owner', '=', owner)
              .execute();
          }),
        ),
    };
  };

  return {
    engine: parts.engine,
    location: parts.location,
    events: parts.events,
    review: reviewStore(parts),
    as,
    cohort: (owners, page = {}) => {
      for (const o of owners) if (!OWNER_ID.test(o)) throw new Error(`invalid owner id "${o}"`);
      if (owners.length === 0) return Promise.resolve([]);
      return guard(() =>
        parts.read({ owner: owners[0] as string, readers: owners }, async (q) => {
          const rows = await summaryQuery(q)
            .where('a.owner', 'in', owners)
            .where('a.archived_at', 'is', null)
            .orderBy('a.owner')
            .orderBy('r.created_at', 'desc')
            .orderBy('a.id')
            .limit(page.limit ?? 100)
            .offset(page.offset ?? 0)
            .execute();
          return rows.map((r) => ({ ...toSummary(r), owner: r.owner }));
        }),
      );
    },
    ping: () => guard(async () => ({ schema: await parts.schemaVersion() })),
    close: () => parts.close(),
    maintenance: {
      // Maintenance runs as the database's owner (every owner's rows), before the server listens.
      staleHeads: async (limit) => {
        const rows = await db.selectFrom('artifacts as a').innerJoin('revisions as r', 'r.id', 'a.head_id').select(['a.id', 'a.owner', 'a.head_id', 'r.text']).where('a.meta_version', '<', META_VERSION).limit(limit).execute();
        return rows.map((r) => ({ id: r.id, owner: r.owner, headId: r.head_id, text: r.text }));
      },
      updateMeta: async (id, headId, meta) => {
        await db
          .updateTable('artifacts')
          .set({ kind: meta.kind, title: meta.title, set_name: meta.set ?? null, audience: meta.audience ?? null, meta_version: META_VERSION })
          .where('id', '=', id)
          .where('head_id', '=', headId)
          .execute();
      },
    },
  };
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
  findings: string | null;
}

interface RevisionRow {
  id: number;
  artifact_id: string;
  base_id: number | null;
  text: string;
  size: number;
  created_at: string;
  findings: string | null;
}

/** 12 random base32 characters: unguessable, short enough for a URL. */
function newId(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return [...randomBytes(12)].map((b) => alphabet[b % 32]).join('');
}

function counts(json: string | null): FindingCounts | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as FindingCounts;
  } catch {
    return null;
  }
}

function toMeta(r: Pick<RevisionRow, 'id' | 'base_id' | 'created_at' | 'size' | 'findings'>): RevisionMeta {
  return { id: Number(r.id), baseId: r.base_id === null ? null : Number(r.base_id), createdAt: r.created_at, size: Number(r.size), findings: counts(r.findings) };
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
    head: { id: Number(r.head_id), baseId: r.base_id === null ? null : Number(r.base_id), createdAt: r.updated_at, size: Number(r.size), findings: counts(r.findings) },
  };
}

export type { Head };
