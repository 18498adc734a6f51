// The queries of accounts, cohorts and review threads, on the storage's own Kysely instance and
// transactions (so the same code runs on SQLite and PostgreSQL). Who may do what is decided by the
// routes (src/server/routes/*); here every cohort query is scoped to its cohort, which on
// PostgreSQL is also what row-level security checks. Identity lookups (a session's user, a
// username, a user's memberships, an invite) come before anyone is known and run as the
// database's owner.
import { sql, type Kysely } from 'kysely';
import type { Anchor } from '../../core/review/anchor.ts';
import type { LiveEvent } from '../events.ts';
import type { EngineParts } from './kysely.ts';
import { DatabaseUnavailableError } from './types.ts';
import type { ReviewTables, ThreadsTable } from './review-schema.ts';
import type { Tables } from './schema.ts';

type All = Tables & ReviewTables;
export type Role = 'learner' | 'reviewer' | 'instructor';
export type ThreadState = ThreadsTable['state'];

export interface User {
  id: string;
  username: string;
  admin: boolean;
  createdAt: string;
}

export interface Cohort {
  id: string;
  name: string;
  moduleId: string;
  createdBy: string;
  createdAt: string;
}

export interface ReviewRequest {
  id: number;
  cohortId: string;
  artifactId: string;
  learnerId: string;
  reviewerId: string | null;
  /** The revision last submitted for review. */
  revisionId: number;
  /** Whose turn it is: the reviewer's, the writer's, or nobody's (closed). */
  turn: 'reviewer' | 'writer' | 'done';
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Comment {
  id: number;
  threadId: number;
  authorId: string;
  kind: 'comment' | 'addressed' | 'wont-change' | 'resolved' | 'reopened';
  body: string;
  revisionId: number | null;
  createdAt: string;
}

export interface Thread {
  id: number;
  cohortId: string;
  requestId: number;
  artifactId: string;
  learnerId: string;
  authorId: string;
  /** The revision the thread was made on, and where it pointed there. */
  revisionId: number;
  anchor: Anchor;
  ruleId: string | null;
  criterion: string | null;
  state: ThreadState;
  /** Where it points in the latest revision it was carried to. */
  current: { revisionId: number; anchoredRevisionId: number; anchor: Anchor; status: string; now: string | null };
  ruleState: string | null;
  reopened: number;
  createdAt: string;
  updatedAt: string;
  addressedAt: string | null;
  resolvedAt: string | null;
  writerAnsweredAt: string | null;
  nextSubmittedAt: string | null;
}

export interface PortUpdate {
  id: number;
  /** The revision it was checked against. */
  checkedRevisionId: number;
  /** The revision its anchor is now in (unchanged for orphaned). */
  portRevisionId: number;
  anchor: Anchor;
  status: string;
  now: string | null;
  ruleState: string | null;
}

/** Whose turn it is from the threads' states: an open thread waits for the writer, an answered one for a reviewer. */
export function turnFrom(counts: Record<ThreadState, number>): ReviewRequest['turn'] {
  if (counts.open > 0) return 'writer';
  if (counts.addressed + counts['wont-change'] > 0) return 'reviewer';
  return 'done';
}

/** A thread's replies beyond this are refused: a thread is a conversation, not a log. */
export const MAX_COMMENTS_PER_THREAD = 1000;
/** Threads on one review request beyond this are refused (pages stay fast up to it). */
export const MAX_THREADS_PER_REQUEST = 10_000;

export class LimitError extends Error {}

const now = () => new Date().toISOString();

/** Every query of the store, with a database that is down reported as DatabaseUnavailableError (a 503), as the artifact store does. */
function guarded<T extends Record<string, (...args: never[]) => Promise<unknown>>>(store: T, isUnavailable: (e: unknown) => boolean): T {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(store)) {
    out[name] = async (...args: never[]) => {
      try {
        return await fn(...args);
      } catch (e) {
        throw isUnavailable(e) ? new DatabaseUnavailableError(e) : e;
      }
    };
  }
  return out as T;
}

export function reviewStore(parts: EngineParts) {
  return guarded(queries(parts), (e) => parts.isUnavailable(e));
}

function queries(parts: EngineParts) {
  const db = parts.db as unknown as Kysely<All>;
  const scoped = (cohortId: string) => ({ owner: cohortId, readers: [cohortId] });
  const write = <T>(cohortId: string, fn: (trx: Kysely<All>, publish: (e: LiveEvent) => void) => Promise<T>) => parts.transaction(scoped(cohortId), (trx, publish) => fn(trx as unknown as Kysely<All>, publish));
  const read = <T>(cohortId: string, fn: (q: Kysely<All>) => Promise<T>) => parts.read(scoped(cohortId), (q) => fn(q as unknown as Kysely<All>));
  /** Identity queries as the database's owner, in one transaction where several writes go together. */
  const owner = <T>(fn: (trx: Kysely<All>) => Promise<T>) => db.transaction().execute(fn);
  let accountsOn = false;
  const insertUser = (trx: Kysely<All>, u: { id: string; username: string; passwordHash: string; admin: boolean }, createdAt: string) =>
    trx
      .insertInto('users')
      .values({
        id: u.id,
        owner: u.id,
        username: u.username,
        password_hash: u.passwordHash,
        is_admin: u.admin ? 1 : 0,
        created_at: createdAt,
        disabled_at: null,
      })
      .execute();
  const insertMember = (trx: Kysely<All>, cohortId: string, userId: string, role: Role) => trx.insertInto('memberships').values({ cohort_id: cohortId, user_id: userId, role, created_at: now() }).execute();
  const countsIn = async (q: Kysely<All>, cohortId: string, requestId: number): Promise<Record<ThreadState, number>> => {
    const rows = await q
      .selectFrom('threads')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('cohort_id', '=', cohortId)
      .where('request_id', '=', requestId)
      .groupBy('state')
      .execute();
    const out: Record<ThreadState, number> = { open: 0, addressed: 0, 'wont-change': 0, resolved: 0 };
    for (const r of rows) out[r.state] = Number(r.n);
    return out;
  };

  const bump = async (trx: Kysely<All>, publish: (e: LiveEvent) => void, requestId: number, turn?: ReviewRequest['turn']) => {
    const r = await trx
      .updateTable('review_requests')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: now(), ...(turn ? { turn } : {}) }))
      .where('id', '=', requestId)
      .returning(['owner', 'artifact_id', 'version', 'cohort_id'])
      .executeTakeFirstOrThrow();
    publish({ type: 'review', owner: r.owner, artifactId: r.artifact_id, cohortId: r.cohort_id, requestId, version: Number(r.version) });
  };

  return {
    /** True once any account exists (and from then on: accounts are never turned off). */
    async hasUsers(): Promise<boolean> {
      if (accountsOn) return true;
      accountsOn = (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
      return accountsOn;
    },

    /**
     * 'taken' when the username is; with `first`, 'not-first' unless this is the very first account
     * (checked and created in one transaction: two first-run setups at once make one admin), which
     * then takes over the single-user workbench's artifacts.
     */
    async createUser(u: { id: string; username: string; passwordHash: string; admin: boolean; first?: boolean }): Promise<User | 'taken' | 'not-first'> {
      const createdAt = now();
      try {
        const made = await owner(async (trx) => {
          if (u.first) {
            // PostgreSQL: two transactions would each see no user; the lock makes the second wait and see the first.
            if (parts.engine === 'postgres') await sql`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
            if (await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()) return false;
          }
          await insertUser(trx, u, createdAt);
          if (u.first) {
            await trx
              .updateTable('artifacts')
              .set({ owner: u.id } as never)
              .where('owner', '=', 'local')
              .execute();
            await trx
              .updateTable('revisions')
              .set({ owner: u.id } as never)
              .where('owner', '=', 'local')
              .execute();
          }
          return true;
        });
        if (!made) return 'not-first';
      } catch (e) {
        if (parts.isUniqueViolation(e) || /UNIQUE|duplicate key/i.test(String((e as Error)?.message))) return 'taken';
        throw e;
      }
      accountsOn = true;
      return { id: u.id, username: u.username, admin: u.admin, createdAt };
    },

    async userByName(username: string): Promise<(User & { passwordHash: string; disabled: boolean }) | undefined> {
      const r = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      return r ? { ...toUser(r), passwordHash: r.password_hash, disabled: r.disabled_at !== null } : undefined;
    },

    async users(ids?: string[]): Promise<(User & { disabled: boolean })[]> {
      if (ids && ids.length === 0) return [];
      let q = db.selectFrom('users').selectAll().orderBy('username');
      if (ids) q = q.where('id', 'in', [...new Set(ids)]);
      return (await q.execute()).map((r) => ({ ...toUser(r), disabled: r.disabled_at !== null }));
    },

    /** A new password; every other session of the user is revoked with it. */
    async setPassword(userId: string, passwordHash: string, keepSession: string | null): Promise<void> {
      await owner(async (trx) => {
        await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
        let q = trx.updateTable('sessions').set({ revoked_at: now() }).where('user_id', '=', userId).where('revoked_at', 'is', null);
        if (keepSession) q = q.where('id', '!=', keepSession);
        await q.execute();
      });
    },

    /** Disables (or enables again) an account; disabling signs it out everywhere. False when there is no such user. */
    async setDisabled(userId: string, disabled: boolean): Promise<boolean> {
      return owner(async (trx) => {
        const r = await trx
          .updateTable('users')
          .set({ disabled_at: disabled ? now() : null })
          .where('id', '=', userId)
          .executeTakeFirst();
        if (disabled) await trx.updateTable('sessions').set({ revoked_at: now() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
        return Number(r.numUpdatedRows) === 1;
      });
    },

    async userById(id: string): Promise<(User & { disabled: boolean }) | undefined> {
      const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? { ...toUser(r), disabled: r.disabled_at !== null } : undefined;
    },

    async createSession(tokenHash: string, userId: string, expiresAt: string): Promise<void> {
      await db.insertInto('sessions').values({ id: tokenHash, owner: userId, user_id: userId, created_at: now(), expires_at: expiresAt, revoked_at: null }).execute();
    },

    async sessionUser(tokenHash: string): Promise<{ user: User; sessionId: string } | undefined> {
      const r = await db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['u.id', 'u.username', 'u.is_admin', 'u.created_at', 's.id as session_id', 's.expires_at', 's.revoked_at', 'u.disabled_at'])
        .where('s.id', '=', tokenHash)
        .executeTakeFirst();
      if (!r || r.revoked_at !== null || r.disabled_at !== null || r.expires_at <= now()) return undefined;
      return { user: { id: r.id, username: r.username, admin: r.is_admin === 1, createdAt: r.created_at }, sessionId: r.session_id };
    },

    async sessions(userId: string): Promise<{ id: string; createdAt: string; expiresAt: string }[]> {
      const rows = await db.selectFrom('sessions').select(['id', 'created_at', 'expires_at']).where('user_id', '=', userId).where('revoked_at', 'is', null).where('expires_at', '>', now()).orderBy('created_at', 'desc').execute();
      // The id is the token's hash; a prefix is enough to name it, and tells nothing of the token.
      return rows.map((r) => ({ id: r.id.slice(0, 16), createdAt: r.created_at, expiresAt: r.expires_at }));
    },

    /** Revokes the user's sessions whose id starts with `prefix` (all of them when undefined); how many. */
    async revokeSessions(userId: string, prefix?: string): Promise<number> {
      let q = db.updateTable('sessions').set({ revoked_at: now() }).where('user_id', '=', userId).where('revoked_at', 'is', null);
      if (prefix !== undefined) q = q.where('id', 'like', `${prefix.replace(/[^0-9a-f]/g, '')}%`);
      return Number((await q.executeTakeFirst()).numUpdatedRows);
    },

    async memberships(userId: string): Promise<{ cohort: Cohort; role: Role }[]> {
      const rows = await db.selectFrom('memberships as m').innerJoin('cohorts as c', 'c.id', 'm.cohort_id').selectAll('c').select('m.role').where('m.user_id', '=', userId).orderBy('c.created_at').execute();
      return rows.map((r) => ({ cohort: toCohort(r), role: r.role }));
    },

    async allCohorts(): Promise<Cohort[]> {
      return (await db.selectFrom('cohorts').selectAll().orderBy('created_at').execute()).map(toCohort);
    },

    async roleIn(cohortId: string, userId: string): Promise<Role | undefined> {
      const r = await db.selectFrom('memberships').select('role').where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst();
      return r?.role;
    },

    async createCohort(c: { id: string; name: string; moduleId: string; createdBy: string; instructorId: string }): Promise<Cohort> {
      const createdAt = now();
      await write(c.id, async (trx) => {
        await trx.insertInto('cohorts').values({ id: c.id, cohort_id: c.id, name: c.name, module_id: c.moduleId, created_by: c.createdBy, created_at: createdAt }).execute();
        await trx.insertInto('memberships').values({ cohort_id: c.id, user_id: c.instructorId, role: 'instructor', created_at: createdAt }).execute();
      });
      return { id: c.id, name: c.name, moduleId: c.moduleId, createdBy: c.createdBy, createdAt };
    },

    async cohort(cohortId: string): Promise<Cohort | undefined> {
      const r = await read(cohortId, (q) => q.selectFrom('cohorts').selectAll().where('id', '=', cohortId).executeTakeFirst());
      return r ? toCohort(r) : undefined;
    },

    /** Members in the order they joined, paged; `role` narrows to one role. */
    async members(cohortId: string, page: { role?: Role; limit?: number; offset?: number } = {}): Promise<{ userId: string; role: Role; createdAt: string }[]> {
      const rows = await read(cohortId, (q) => {
        let query = q.selectFrom('memberships').selectAll().where('cohort_id', '=', cohortId);
        if (page.role) query = query.where('role', '=', page.role);
        return query
          .orderBy('created_at')
          .orderBy('user_id')
          .limit(page.limit ?? 100)
          .offset(page.offset ?? 0)
          .execute();
      });
      return rows.map((r) => ({ userId: r.user_id, role: r.role, createdAt: r.created_at }));
    },

    async memberCounts(cohortId: string): Promise<Record<Role, number>> {
      const rows = await read(cohortId, (q) =>
        q
          .selectFrom('memberships')
          .select(['role', (eb) => eb.fn.countAll<number>().as('n')])
          .where('cohort_id', '=', cohortId)
          .groupBy('role')
          .execute(),
      );
      const out: Record<Role, number> = { learner: 0, reviewer: 0, instructor: 0 };
      for (const r of rows) out[r.role] = Number(r.n);
      return out;
    },

    /** Adds an account to the cohort (the admin's direct add); 'member' when it already is one. */
    async addMember(cohortId: string, userId: string, role: Role): Promise<'ok' | 'member'> {
      return write(cohortId, async (trx) => {
        if (await trx.selectFrom('memberships').select('role').where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst()) return 'member';
        await insertMember(trx, cohortId, userId, role);
        return 'ok';
      });
    },

    /**
     * Changes a member's role (`role`) or removes them (null). Never leaves a cohort without an
     * instructor: 'last-instructor' then, 'not-member' when they are not in it.
     */
    async changeMember(cohortId: string, userId: string, role: Role | null): Promise<'ok' | 'not-member' | 'last-instructor'> {
      // As the owner: the app role may not delete rows (PostgreSQL grants it SELECT, INSERT, UPDATE only).
      return owner(async (trx) => {
        // Two instructors demoting each other at once must not both see the other still there.
        if (parts.engine === 'postgres') await sql`SELECT 1 FROM memberships WHERE cohort_id = ${cohortId} FOR UPDATE`.execute(trx);
        const had = await trx.selectFrom('memberships').select('role').where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst();
        if (!had) return 'not-member';
        if (had.role === 'instructor' && role !== 'instructor') {
          const n = await trx
            .selectFrom('memberships')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('cohort_id', '=', cohortId)
            .where('role', '=', 'instructor')
            .executeTakeFirstOrThrow();
          if (Number(n.n) <= 1) return 'last-instructor';
        }
        if (role === null) await trx.deleteFrom('memberships').where('cohort_id', '=', cohortId).where('user_id', '=', userId).execute();
        else await trx.updateTable('memberships').set({ role }).where('cohort_id', '=', cohortId).where('user_id', '=', userId).execute();
        return 'ok';
      });
    },

    async createInvite(i: { tokenHash: string; cohortId: string; role: Role; createdBy: string; expiresAt: string }): Promise<void> {
      await write(i.cohortId, (trx) =>
        trx
          .insertInto('invites')
          .values({
            id: i.tokenHash,
            cohort_id: i.cohortId,
            role: i.role,
            created_by: i.createdBy,
            created_at: now(),
            expires_at: i.expiresAt,
            used_at: null,
            used_by: null,
          })
          .execute(),
      );
    },

    async invite(tokenHash: string): Promise<{ cohort: Cohort; role: Role; usable: boolean; expiresAt: string } | undefined> {
      const r = await db.selectFrom('invites as i').innerJoin('cohorts as c', 'c.id', 'i.cohort_id').selectAll('c').select(['i.role', 'i.used_at', 'i.expires_at']).where('i.id', '=', tokenHash).executeTakeFirst();
      if (!r) return undefined;
      return { cohort: toCohort(r), role: r.role, usable: r.used_at === null && r.expires_at > now(), expiresAt: r.expires_at };
    },

    /**
     * Uses an invite once: the conditional update lets exactly one of two concurrent uses through.
     * A `newUser` is created in the same transaction, so a refused invite creates no account. An
     * invite never changes an existing membership: 'member' then, and the link stays unused.
     */
    async useInvite(tokenHash: string, userId: string, newUser?: { username: string; passwordHash: string }): Promise<{ cohortId: string; role: Role } | 'gone' | { member: Role }> {
      const result = await owner(async (trx) => {
        const inv = await trx.selectFrom('invites').select(['cohort_id']).where('id', '=', tokenHash).executeTakeFirst();
        if (!inv) throw new InviteRefused('gone');
        const had = await trx.selectFrom('memberships').select('role').where('cohort_id', '=', inv.cohort_id).where('user_id', '=', userId).executeTakeFirst();
        if (had) throw new InviteRefused({ member: had.role });
        if (newUser) await insertUser(trx, { id: userId, username: newUser.username, passwordHash: newUser.passwordHash, admin: false }, now());
        const r = await trx.updateTable('invites').set({ used_at: now(), used_by: userId }).where('id', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', now()).returning(['cohort_id', 'role']).executeTakeFirst();
        if (!r) throw new InviteRefused('gone');
        await insertMember(trx, r.cohort_id, userId, r.role);
        return { cohortId: r.cohort_id, role: r.role };
      }).catch((e: unknown) => {
        if (e instanceof InviteRefused) return e.why;
        throw e;
      });
      if (typeof result === 'object' && 'cohortId' in result && newUser) accountsOn = true;
      return result;
    },

    /**
     * A new request, or a new round of the artifact's existing one in this cohort: the reviewer's
     * turn. 'older' when the revision is older than the one already submitted (threads only move
     * forward). Two first submissions at once make one request (the unique index settles it).
     */
    async submit(r: { cohortId: string; artifactId: string; learnerId: string; reviewerId: string | null; revisionId: number }): Promise<ReviewRequest | 'older'> {
      return write(r.cohortId, async (trx, publish) => {
        const t = now();
        const inserted = await trx
          .insertInto('review_requests')
          .values({
            cohort_id: r.cohortId,
            artifact_id: r.artifactId,
            owner: r.learnerId,
            reviewer_id: r.reviewerId,
            revision_id: r.revisionId,
            turn: 'reviewer',
            version: 1,
            created_at: t,
            updated_at: t,
          })
          .onConflict((oc) => oc.columns(['cohort_id', 'artifact_id']).doNothing())
          .returning('id')
          .executeTakeFirst();
        let id: number;
        if (inserted) id = Number(inserted.id);
        else {
          const existing = await trx.selectFrom('review_requests').select(['id', 'revision_id']).where('cohort_id', '=', r.cohortId).where('artifact_id', '=', r.artifactId).executeTakeFirstOrThrow();
          id = Number(existing.id);
          if (r.revisionId < Number(existing.revision_id)) return 'older';
          await trx
            .updateTable('review_requests')
            .set({ revision_id: r.revisionId, ...(r.reviewerId ? { reviewer_id: r.reviewerId } : {}) })
            .where('id', '=', id)
            .execute();
          // The first submission after a thread was made: "addressed in the next revision" counts against it.
          if (r.revisionId !== Number(existing.revision_id)) {
            await trx.updateTable('threads').set({ next_submitted_at: t }).where('request_id', '=', id).where('next_submitted_at', 'is', null).where('revision_id', '<', r.revisionId).execute();
          }
        }
        await bump(trx, publish, id, 'reviewer');
        return toRequest(await trx.selectFrom('review_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
      });
    },

    async request(cohortId: string, id: number): Promise<ReviewRequest | undefined> {
      if (!Number.isSafeInteger(id)) return undefined;
      const r = await read(cohortId, (q) => q.selectFrom('review_requests').selectAll().where('cohort_id', '=', cohortId).where('id', '=', id).executeTakeFirst());
      return r ? toRequest(r) : undefined;
    },

    async requestFor(cohortId: string, artifactId: string): Promise<ReviewRequest | undefined> {
      const r = await read(cohortId, (q) => q.selectFrom('review_requests').selectAll().where('cohort_id', '=', cohortId).where('artifact_id', '=', artifactId).executeTakeFirst());
      return r ? toRequest(r) : undefined;
    },

    /** Requests of a cohort, newest activity first; `learner`/`reviewer` narrow it (a reviewer also sees unassigned ones). */
    async requests(cohortId: string, filter: { learnerId?: string; reviewerId?: string; limit?: number; offset?: number } = {}): Promise<ReviewRequest[]> {
      const rows = await read(cohortId, (q) => {
        let query = q.selectFrom('review_requests').selectAll().where('cohort_id', '=', cohortId);
        if (filter.learnerId) query = query.where('owner', '=', filter.learnerId);
        const reviewer = filter.reviewerId;
        if (reviewer) query = query.where((eb) => eb.or([eb('reviewer_id', '=', reviewer), eb('reviewer_id', 'is', null)]));
        return query
          .orderBy('updated_at', 'desc')
          .orderBy('id', 'desc')
          .limit(filter.limit ?? 100)
          .offset(filter.offset ?? 0)
          .execute();
      });
      return rows.map(toRequest);
    },

    async createThread(t: {
      cohortId: string;
      requestId: number;
      artifactId: string;
      learnerId: string;
      authorId: string;
      revisionId: number;
      anchor: Anchor;
      headRevisionId: number;
      headAnchor: Anchor;
      headStatus: string;
      ruleId: string | null;
      criterion: string | null;
      ruleState: string | null;
      body: string;
    }): Promise<number> {
      return write(t.cohortId, async (trx, publish) => {
        const count = await trx
          .selectFrom('threads')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('request_id', '=', t.requestId)
          .executeTakeFirstOrThrow();
        if (Number(count.n) >= MAX_THREADS_PER_REQUEST) throw new LimitError(`this review already has ${MAX_THREADS_PER_REQUEST} threads, the most one review holds; resolve or reply in existing ones`);
        const at = now();
        const anchor = JSON.stringify(t.anchor);
        const row = await trx
          .insertInto('threads')
          .values({
            cohort_id: t.cohortId,
            request_id: t.requestId,
            artifact_id: t.artifactId,
            owner: t.learnerId,
            author_id: t.authorId,
            revision_id: t.revisionId,
            anchor,
            rule_id: t.ruleId,
            criterion: t.criterion,
            state: 'open',
            port_revision_id: t.headStatus === 'orphaned' ? t.revisionId : t.headRevisionId,
            port_anchor: JSON.stringify(t.headAnchor),
            port_status: t.headStatus,
            port_now: null,
            checked_revision_id: t.headRevisionId,
            rule_state: t.ruleState,
            reopened: 0,
            created_at: at,
            updated_at: at,
            addressed_at: null,
            resolved_at: null,
            writer_answered_at: null,
            next_submitted_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const id = Number(row.id);
        await trx.insertInto('comments').values({ cohort_id: t.cohortId, thread_id: id, author_id: t.authorId, kind: 'comment', body: t.body, revision_id: t.revisionId, created_at: at }).execute();
        await bump(trx, publish, t.requestId, 'writer'); // the new thread is open
        return id;
      });
    },

    async thread(cohortId: string, id: number): Promise<Thread | undefined> {
      if (!Number.isSafeInteger(id)) return undefined;
      const r = await read(cohortId, (q) => q.selectFrom('threads').selectAll().where('cohort_id', '=', cohortId).where('id', '=', id).executeTakeFirst());
      return r ? toThread(r) : undefined;
    },

    /** A request's threads by id, paged by `after` (a thread id). */
    async threads(cohortId: string, requestId: number, page: { after?: number; limit?: number } = {}): Promise<Thread[]> {
      const rows = await read(cohortId, (q) => {
        let query = q.selectFrom('threads').selectAll().where('cohort_id', '=', cohortId).where('request_id', '=', requestId);
        if (page.after !== undefined) query = query.where('id', '>', page.after);
        query = query.orderBy('id');
        if (page.limit !== undefined) query = query.limit(page.limit);
        return query.execute();
      });
      return rows.map(toThread);
    },

    async threadCounts(cohortId: string, requestId: number): Promise<Record<ThreadState, number>> {
      return read(cohortId, (q) => countsIn(q, cohortId, requestId));
    },

    /** A cohort's threads (for metrics), oldest first, paged by `after` (a thread id). */
    async cohortThreads(cohortId: string, page: { after?: number; limit: number }): Promise<Thread[]> {
      const rows = await read(cohortId, (q) => {
        let query = q.selectFrom('threads').selectAll().where('cohort_id', '=', cohortId);
        if (page.after !== undefined) query = query.where('id', '>', page.after);
        return query.orderBy('id').limit(page.limit).execute();
      });
      return rows.map(toThread);
    },

    /** The first `perThread` comments of each thread (the rest are paged with comments()), and each thread's count. */
    async commentsOf(cohortId: string, threadIds: number[], perThread: number): Promise<{ comments: Map<number, Comment[]>; counts: Map<number, number> }> {
      const comments = new Map<number, Comment[]>();
      const counts = new Map<number, number>();
      for (let i = 0; i < threadIds.length; i += 500) {
        const ids = threadIds.slice(i, i + 500);
        const [rows, totals] = await read(cohortId, (q) =>
          Promise.all([
            q
              .selectFrom('comments as c')
              .selectAll('c')
              .where('c.cohort_id', '=', cohortId)
              .where('c.thread_id', 'in', ids)
              .where((eb) =>
                eb(
                  eb
                    .selectFrom('comments as d')
                    .select((e) => e.fn.countAll<number>().as('k'))
                    .whereRef('d.thread_id', '=', 'c.thread_id')
                    .whereRef('d.id', '<', 'c.id'),
                  '<',
                  perThread,
                ),
              )
              .orderBy('c.id')
              .execute(),
            q
              .selectFrom('comments')
              .select(['thread_id', (eb) => eb.fn.countAll<number>().as('n')])
              .where('cohort_id', '=', cohortId)
              .where('thread_id', 'in', ids)
              .groupBy('thread_id')
              .execute(),
          ]),
        );
        for (const r of rows) {
          const list = comments.get(Number(r.thread_id)) ?? [];
          list.push(toComment(r));
          comments.set(Number(r.thread_id), list);
        }
        for (const t of totals) counts.set(Number(t.thread_id), Number(t.n));
      }
      return { comments, counts };
    },

    async comments(cohortId: string, threadId: number, page: { after?: number; limit?: number } = {}): Promise<Comment[]> {
      const rows = await read(cohortId, (q) => {
        let query = q.selectFrom('comments').selectAll().where('cohort_id', '=', cohortId).where('thread_id', '=', threadId);
        if (page.after !== undefined) query = query.where('id', '>', page.after);
        return query
          .orderBy('id')
          .limit(page.limit ?? 100)
          .execute();
      });
      return rows.map(toComment);
    },

    /**
     * A reply or a change of state, in one transaction with the thread's new state and whose turn
     * it then is (turnFrom the request's threads). Undefined when the thread is not in the cohort.
     */
    async act(a: { cohortId: string; threadId: number; authorId: string; kind: Comment['kind']; body: string; revisionId: number | null; state?: ThreadState; byWriter: boolean }): Promise<Thread | undefined> {
      return write(a.cohortId, async (trx, publish) => {
        const t = await trx.selectFrom('threads').selectAll().where('cohort_id', '=', a.cohortId).where('id', '=', a.threadId).executeTakeFirst();
        if (!t) return undefined;
        const count = await trx
          .selectFrom('comments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('thread_id', '=', a.threadId)
          .executeTakeFirstOrThrow();
        if (Number(count.n) >= MAX_COMMENTS_PER_THREAD) throw new LimitError(`this thread already has ${MAX_COMMENTS_PER_THREAD} comments, the most one thread holds; start a new thread`);
        const at = now();
        await trx
          .insertInto('comments')
          .values({
            cohort_id: a.cohortId,
            thread_id: a.threadId,
            author_id: a.authorId,
            kind: a.kind,
            body: a.body,
            revision_id: a.revisionId,
            created_at: at,
          })
          .execute();
        const set: Partial<Record<keyof ThreadsTable, unknown>> = { updated_at: at };
        if (a.state) set.state = a.state;
        if (a.byWriter && t.writer_answered_at === null) set.writer_answered_at = at;
        // The first "addressed" (not "won't change": that is an answer, not a fix) is when it was addressed.
        if (a.kind === 'addressed' && t.addressed_at === null) set.addressed_at = at;
        if (a.kind === 'resolved') set.resolved_at = at;
        if (a.kind === 'reopened') {
          set.reopened = Number(t.reopened) + 1;
          set.resolved_at = null;
        }
        await trx
          .updateTable('threads')
          .set(set as never)
          .where('id', '=', a.threadId)
          .execute();
        await bump(trx, publish, Number(t.request_id), turnFrom(await countsIn(trx, a.cohortId, Number(t.request_id))));
        return toThread(await trx.selectFrom('threads').selectAll().where('id', '=', a.threadId).executeTakeFirstOrThrow());
      });
    },

    /** Records where open threads point in a newer revision; a thread already checked against it (by another request) is left alone. */
    async savePorts(cohortId: string, requestId: number, updates: PortUpdate[]): Promise<void> {
      if (updates.length === 0) return;
      await write(cohortId, async (trx, publish) => {
        let changed = 0;
        for (const u of updates) {
          const r = await trx
            .updateTable('threads')
            .set({
              checked_revision_id: u.checkedRevisionId,
              port_revision_id: u.portRevisionId,
              port_anchor: JSON.stringify(u.anchor),
              port_status: u.status,
              port_now: u.now,
              rule_state: u.ruleState,
            })
            .where('id', '=', u.id)
            .where('cohort_id', '=', cohortId)
            .where('checked_revision_id', '<', u.checkedRevisionId)
            .executeTakeFirst();
          changed += Number(r.numUpdatedRows);
        }
        if (changed > 0) await bump(trx, publish, requestId);
      });
    },
  };
}

export type ReviewStore = ReturnType<typeof queries>;

class InviteRefused extends Error {
  constructor(readonly why: 'gone' | { member: Role }) {
    super('invite refused');
  }
}

function toUser(r: { id: string; username: string; is_admin: number; created_at: string }): User {
  return { id: r.id, username: r.username, admin: Number(r.is_admin) === 1, createdAt: r.created_at };
}

function toCohort(r: { id: string; name: string; module_id: string; created_by: string; created_at: string }): Cohort {
  return { id: r.id, name: r.name, moduleId: r.module_id, createdBy: r.created_by, createdAt: r.created_at };
}

function toRequest(r: Omit<ReviewTables['review_requests'], 'id'> & { id: unknown }): ReviewRequest {
  return {
    id: Number(r.id),
    cohortId: r.cohort_id,
    artifactId: r.artifact_id,
    learnerId: r.owner,
    reviewerId: r.reviewer_id,
    revisionId: Number(r.revision_id),
    turn: r.turn,
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toComment(r: { id: unknown; thread_id: unknown; author_id: string; kind: string; body: string; revision_id: unknown; created_at: string }): Comment {
  return {
    id: Number(r.id),
    threadId: Number(r.thread_id),
    authorId: r.author_id,
    kind: r.kind as Comment['kind'],
    body: r.body,
    revisionId: r.revision_id === null ? null : Number(r.revision_id),
    createdAt: r.created_at,
  };
}

function toThread(r: Omit<ThreadsTable, 'id'> & { id: unknown }): Thread {
  return {
    id: Number(r.id),
    cohortId: r.cohort_id,
    requestId: Number(r.request_id),
    artifactId: r.artifact_id,
    learnerId: r.owner,
    authorId: r.author_id,
    revisionId: Number(r.revision_id),
    anchor: JSON.parse(r.anchor) as Anchor,
    ruleId: r.rule_id,
    criterion: r.criterion,
    state: r.state,
    current: {
      revisionId: Number(r.checked_revision_id),
      anchoredRevisionId: Number(r.port_revision_id),
      anchor: JSON.parse(r.port_anchor) as Anchor,
      status: r.port_status,
      now: r.port_now,
    },
    ruleState: r.rule_state,
    reopened: Number(r.reopened),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    addressedAt: r.addressed_at,
    resolvedAt: r.resolved_at,
    writerAnsweredAt: r.writer_answered_at,
    nextSubmittedAt: r.next_submitted_at,
  };
}
