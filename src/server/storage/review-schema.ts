// The tables of accounts and review, and their two migrations (appended to MIGRATIONS in
// schema.ts). Every row carries its owner (a user) or its cohort. On PostgreSQL the app role gets
// the same row-level security as artifacts: cohort rows are visible to a transaction whose
// `staffwork.readers` names the cohort and writable when `staffwork.owner` is the cohort; user rows
// (users, sessions) by their owner. Looking a session or a login up happens before anyone is
// known, so the auth queries run as the database's owner, as the start-up maintenance does.
import { sql, type Generated, type Kysely } from 'kysely';
import { APP_ROLE, type Engine } from './schema.ts';

export interface UsersTable {
  id: string;
  owner: string;
  username: string;
  password_hash: string;
  is_admin: number;
  created_at: string;
  disabled_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: the token itself is never stored. */
  id: string;
  owner: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface CohortsTable {
  id: string;
  cohort_id: string;
  name: string;
  module_id: string;
  created_by: string;
  created_at: string;
}

export interface MembershipsTable {
  cohort_id: string;
  user_id: string;
  role: 'learner' | 'reviewer' | 'instructor';
  created_at: string;
}

export interface InvitesTable {
  /** SHA-256 of the link's token. */
  id: string;
  cohort_id: string;
  role: 'learner' | 'reviewer' | 'instructor';
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}

export interface ReviewRequestsTable {
  id: Generated<number>;
  cohort_id: string;
  artifact_id: string;
  /** The learner whose artifact it is. */
  owner: string;
  /** The reviewer asked; null: any reviewer of the cohort. */
  reviewer_id: string | null;
  /** The revision last submitted for review. */
  revision_id: number;
  turn: 'reviewer' | 'writer' | 'done';
  /** Bumped on every change: the live stream's cursor. */
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ThreadsTable {
  id: Generated<number>;
  cohort_id: string;
  request_id: number;
  artifact_id: string;
  owner: string;
  author_id: string;
  /** The revision the thread was made on, and its anchor there (JSON Anchor). */
  revision_id: number;
  anchor: string;
  rule_id: string | null;
  criterion: string | null;
  state: 'open' | 'addressed' | 'wont-change' | 'resolved';
  /** The latest revision the anchor was found in, and the anchor there (JSON). */
  port_revision_id: number;
  port_anchor: string;
  /** How it was carried to checked_revision_id: kept/edited/relocated/moved/orphaned. */
  port_status: string;
  port_now: string | null;
  checked_revision_id: number;
  /** For a rule-cited thread: fires / likely-addressed / regression (at checked_revision_id). */
  rule_state: string | null;
  reopened: number;
  created_at: string;
  updated_at: string;
  addressed_at: string | null;
  resolved_at: string | null;
  writer_answered_at: string | null;
  /** When the writer first submitted a revision after this thread was made. */
  next_submitted_at: string | null;
}

export interface CommentsTable {
  id: Generated<number>;
  cohort_id: string;
  thread_id: number;
  author_id: string;
  /** comment, or a state change: addressed, wont-change, resolved, reopened. */
  kind: string;
  body: string;
  revision_id: number | null;
  created_at: string;
}

export interface ReviewTables {
  users: UsersTable;
  sessions: SessionsTable;
  cohorts: CohortsTable;
  memberships: MembershipsTable;
  invites: InvitesTable;
  review_requests: ReviewRequestsTable;
  threads: ThreadsTable;
  comments: CommentsTable;
}

const id = (engine: Engine) => (c: any) => (engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity());

async function policies(db: Kysely<any>, table: string, column: 'owner' | 'cohort_id'): Promise<void> {
  await sql`GRANT SELECT, INSERT, UPDATE ON ${sql.id(table)} TO ${sql.id(APP_ROLE)}`.execute(db);
  await sql`ALTER TABLE ${sql.id(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY scope_read ON ${sql.id(table)} FOR SELECT TO ${sql.id(APP_ROLE)}
    USING (${sql.ref(column)} = ANY (string_to_array(current_setting('staffwork.readers', true), ',')))`.execute(db);
  await sql`CREATE POLICY scope_insert ON ${sql.id(table)} FOR INSERT TO ${sql.id(APP_ROLE)}
    WITH CHECK (${sql.ref(column)} = current_setting('staffwork.owner', true))`.execute(db);
  await sql`CREATE POLICY scope_update ON ${sql.id(table)} FOR UPDATE TO ${sql.id(APP_ROLE)}
    USING (${sql.ref(column)} = current_setting('staffwork.owner', true)) WITH CHECK (${sql.ref(column)} = current_setting('staffwork.owner', true))`.execute(db);
}

/** 3: users, sessions, cohorts, memberships, invites. */
export async function accountsMigration(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('sessions_by_user').on('sessions').columns(['user_id']).execute();
  await db.schema
    .createTable('cohorts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('module_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('memberships')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['cohort_id', 'user_id'])
    .execute();
  await db.schema.createIndex('memberships_by_user').on('memberships').columns(['user_id']).execute();
  await db.schema
    .createTable('invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by', 'text')
    .execute();
  if (engine !== 'postgres') return;
  for (const t of ['users', 'sessions']) await policies(db, t, 'owner');
  for (const t of ['cohorts', 'memberships', 'invites']) await policies(db, t, 'cohort_id');
}

/** 4: review requests, threads, comments. */
export async function reviewsMigration(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('review_requests')
    .addColumn('id', 'integer', id(engine))
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id'))
    .addColumn('artifact_id', 'text', (c) => c.notNull().references('artifacts.id'))
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text')
    .addColumn('revision_id', 'integer', (c) => c.notNull())
    .addColumn('turn', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One request per artifact and cohort: a new round is a new submitted revision on it.
  await db.schema.createIndex('review_requests_one').unique().on('review_requests').columns(['cohort_id', 'artifact_id']).execute();
  await db.schema.createIndex('review_requests_by_owner').on('review_requests').columns(['owner']).execute();
  await db.schema
    .createTable('threads')
    .addColumn('id', 'integer', id(engine))
    .addColumn('cohort_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'integer', (c) => c.notNull().references('review_requests.id'))
    .addColumn('artifact_id', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('revision_id', 'integer', (c) => c.notNull())
    .addColumn('anchor', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text')
    .addColumn('criterion', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('port_revision_id', 'integer', (c) => c.notNull())
    .addColumn('port_anchor', 'text', (c) => c.notNull())
    .addColumn('port_status', 'text', (c) => c.notNull())
    .addColumn('port_now', 'text')
    .addColumn('checked_revision_id', 'integer', (c) => c.notNull())
    .addColumn('rule_state', 'text')
    .addColumn('reopened', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('addressed_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('writer_answered_at', 'text')
    .addColumn('next_submitted_at', 'text')
    .execute();
  await db.schema.createIndex('threads_by_request').on('threads').columns(['request_id', 'id']).execute();
  await db.schema.createIndex('threads_by_cohort').on('threads').columns(['cohort_id']).execute();
  await db.schema
    .createTable('comments')
    .addColumn('id', 'integer', id(engine))
    .addColumn('cohort_id', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'integer', (c) => c.notNull().references('threads.id'))
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('revision_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comments_by_thread').on('comments').columns(['thread_id', 'id']).execute();
  if (engine !== 'postgres') return;
  for (const t of ['review_requests', 'threads', 'comments']) await policies(db, t, 'cohort_id');
  await sql`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${sql.id(APP_ROLE)}`.execute(db);
}
