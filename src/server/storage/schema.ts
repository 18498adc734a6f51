// The tables, as Kysely types, and the one list of migrations both engines run. A database's
// schema version is the number of migrations applied: SQLite keeps it in PRAGMA user_version
// (as staffwork always has, so files made by older versions upgrade in place), PostgreSQL in
// the staffwork_schema table. Each migration runs in one transaction with its version bump.
import { sql, type ColumnType, type Generated, type Kysely } from 'kysely';
import { accountsMigration, reviewsMigration } from './review-schema.ts';

export interface ArtifactsTable {
  id: string;
  owner: ColumnType<string, string | undefined, never>;
  kind: string | null;
  title: string;
  set_name: string | null;
  audience: string | null;
  /** Which version of describe() wrote kind/title/set/audience (older rows are re-described at start). */
  meta_version: ColumnType<number, number | undefined, number>;
  created_at: string;
  head_id: number;
  archived_at: string | null;
}

export interface RevisionsTable {
  id: Generated<number>;
  artifact_id: string;
  owner: ColumnType<string, string | undefined, never>;
  base_id: number | null;
  text: string;
  size: number;
  created_at: string;
  /** JSON FindingCounts, or null until checked. */
  findings: string | null;
}

export interface Tables {
  artifacts: ArtifactsTable;
  revisions: RevisionsTable;
}

export type Engine = 'sqlite' | 'postgres';

/** The role the app's queries run as on PostgreSQL: it owns nothing, so row-level security applies to it. */
export const APP_ROLE = 'staffwork_app';

type Migration = (db: Kysely<any>, engine: Engine) => Promise<void>;

export const MIGRATIONS: Migration[] = [
  // 1: artifacts and their revisions (archived_at came later to SQLite files: add it when missing).
  async (db, engine) => {
    await db.schema
      .createTable('artifacts')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('head_id', 'integer', (c) => c.notNull())
      .addColumn('archived_at', 'text')
      .execute();
    await db.schema
      .createTable('revisions')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => (engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()))
      .addColumn('artifact_id', 'text', (c) => c.notNull().references('artifacts.id'))
      .addColumn('base_id', 'integer')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('revisions_by_artifact').ifNotExists().on('revisions').columns(['artifact_id', 'id']).execute();
    const columns = (await db.introspection.getTables()).find((t) => t.name === 'artifacts')?.columns ?? [];
    if (!columns.some((c) => c.name === 'archived_at')) await db.schema.alterTable('artifacts').addColumn('archived_at', 'text').execute();
  },
  // 2: owners on every row, the stored set/audience, per-revision findings, and one revision
  // per base (a second line behind the conditional head update: two saves on one base cannot
  // both land). On PostgreSQL: row-level security by owner for the app's role.
  async (db, engine) => {
    for (const table of ['artifacts', 'revisions'])
      await db.schema
        .alterTable(table)
        .addColumn('owner', 'text', (c) => c.notNull().defaultTo('local'))
        .execute();
    await db.schema.alterTable('artifacts').addColumn('set_name', 'text').execute();
    await db.schema.alterTable('artifacts').addColumn('audience', 'text').execute();
    await db.schema
      .alterTable('artifacts')
      .addColumn('meta_version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('revisions').addColumn('findings', 'text').execute();
    await db.schema.createIndex('revisions_one_per_base').unique().on('revisions').columns(['artifact_id', 'base_id']).execute();
    await db.schema.createIndex('artifacts_by_owner').on('artifacts').columns(['owner', 'set_name']).execute();
    if (engine !== 'postgres') return;
    await sql`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${sql.lit(APP_ROLE)}) THEN CREATE ROLE ${sql.id(APP_ROLE)} NOLOGIN; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- roles are per cluster: another database made it meanwhile
    END $$`.execute(db);
    // The migrating user may become the app role per transaction (SET LOCAL ROLE); a
    // superuser may already, and granting a role to itself is refused.
    await sql`DO $$ BEGIN
      IF NOT pg_has_role(CURRENT_USER, ${sql.lit(APP_ROLE)}, 'MEMBER') THEN EXECUTE format('GRANT %I TO %I', ${sql.lit(APP_ROLE)}, CURRENT_USER); END IF;
    END $$`.execute(db);
    await sql`GRANT SELECT, INSERT, UPDATE ON artifacts, revisions TO ${sql.id(APP_ROLE)}`.execute(db);
    await sql`GRANT SELECT ON staffwork_schema TO ${sql.id(APP_ROLE)}`.execute(db);
    await sql`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${sql.id(APP_ROLE)}`.execute(db);
    // Reads: the owners the request may see (a learner: themself; later an instructor: the
    // cohort). Writes: only as the request's own owner. Both are set per transaction.
    for (const table of ['artifacts', 'revisions']) {
      await sql`ALTER TABLE ${sql.id(table)} ENABLE ROW LEVEL SECURITY`.execute(db);
      await sql`CREATE POLICY owner_read ON ${sql.id(table)} FOR SELECT TO ${sql.id(APP_ROLE)}
        USING (owner = ANY (string_to_array(current_setting('staffwork.readers', true), ',')))`.execute(db);
      await sql`CREATE POLICY owner_insert ON ${sql.id(table)} FOR INSERT TO ${sql.id(APP_ROLE)}
        WITH CHECK (owner = current_setting('staffwork.owner', true))`.execute(db);
      await sql`CREATE POLICY owner_update ON ${sql.id(table)} FOR UPDATE TO ${sql.id(APP_ROLE)}
        USING (owner = current_setting('staffwork.owner', true)) WITH CHECK (owner = current_setting('staffwork.owner', true))`.execute(db);
    }
  },
  // 3, 4: accounts and cohorts, then review requests, threads and comments (review-schema.ts).
  accountsMigration,
  reviewsMigration,
];
