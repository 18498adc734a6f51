// The storage interface the workbench talks to, one implementation (kysely.ts) over two
// engines: SQLite (sqlite.ts, the embedded default) and PostgreSQL (postgres.ts, for several app
// servers on one database). Every method is async so a networked engine fits without changing
// callers. Every row carries its owner: `Storage.as(owner)` gives the owner's view, and every
// query through it is filtered by that owner (PostgreSQL's row-level security enforces the
// same rule as a second line).
import type { LiveEvents } from '../events.ts';
import type { ReviewStore } from './review.ts';

// The API's data (artifacts, revisions, finding counts) is defined once in the core, for the page too.
import type { ArtifactSummary, FindingCounts, Revision, RevisionMeta } from '../../core/api-types.ts';
export type { ArtifactSummary, FindingCounts, Revision, RevisionMeta } from '../../core/api-types.ts';

/** What the server derives from the text on every save, for listing without re-parsing. */
export interface ArtifactMeta {
  kind: string | null;
  title: string;
  /** The `set:` of an audience variant and its audience. */
  set?: string | null;
  audience?: string | null;
}

export type SaveResult =
  | { ok: true; revision: RevisionMeta; unchanged: boolean }
  /** The save was based on a revision that is no longer the head: nothing was written. */
  | { ok: false; current: Revision };

/** An artifact's head with its text, for checking. */
export interface Head {
  artifact: ArtifactSummary;
  revision: Revision;
}

export interface OwnerStorage {
  readonly owner: string;
  /** Most recently saved first. Archived artifacts are left out unless asked for ('only' lists just them, 'include' both). */
  list(options?: { archived?: 'exclude' | 'only' | 'include' }): Promise<ArtifactSummary[]>;
  create(text: string, meta: ArtifactMeta): Promise<{ artifact: ArtifactSummary; revision: RevisionMeta }>;
  /** The artifact and its head revision, or undefined when there is no such artifact. */
  get(id: string): Promise<Head | undefined>;
  /** Appends a revision if `baseId` is still the head (optimistic concurrency, race-free on any number of servers); undefined when no such artifact. */
  save(id: string, text: string, baseId: number, meta: ArtifactMeta): Promise<SaveResult | undefined>;
  /** Archives (true) or brings back (false) an artifact; its text and revisions stay. Undefined when no such artifact. */
  setArchived(id: string, archived: boolean): Promise<ArtifactSummary | undefined>;
  /** Newest first; `before` (a revision id) and `limit` page through a long history. */
  revisions(id: string, page?: { before?: number; limit?: number }): Promise<RevisionMeta[] | undefined>;
  /** Revisions newer than `after`, oldest first (the live-update re-sync). */
  revisionsAfter(id: string, after: number): Promise<RevisionMeta[] | undefined>;
  revision(id: string, revisionId: number): Promise<Revision | undefined>;
  /** The texts of these revisions of the owner's artifacts (those that exist). */
  texts(keys: { artifactId: string; revisionId: number }[]): Promise<Revision[]>;
  /** The heads (with text) of the artifacts in one `set:`, archived ones left out. */
  setMembers(name: string): Promise<(Head & { audience: string | null })[]>;
  setFindings(revisionId: number, counts: FindingCounts): Promise<void>;
}

export interface Storage {
  readonly engine: 'sqlite' | 'postgres';
  /** Where the data lives, for the start-up line (no password). */
  readonly location: string;
  as(owner: string): OwnerStorage;
  /** Heads (without text) of the artifacts of many owners, for a cohort page: ordered by owner then most recent, paged by offset. */
  cohort(owners: string[], page?: { limit?: number; offset?: number }): Promise<(ArtifactSummary & { owner: string })[]>;
  /** What was committed (on PostgreSQL: by any server), for live updates. */
  readonly events: LiveEvents;
  /** Accounts, cohorts and review threads (review.ts), on the same database. */
  readonly review: ReviewStore;
  /** Start-up upkeep over every owner's rows, before the server listens. */
  readonly maintenance: {
    staleHeads(limit: number): Promise<{ id: string; owner: string; headId: number; text: string }[]>;
    updateMeta(id: string, headId: number, meta: ArtifactMeta): Promise<void>;
  };
  /** A cheap round trip to the database, for /api/health. */
  ping(): Promise<{ schema: number }>;
  close(): Promise<void>;
}

/** The database cannot be reached (down, restarting, out of connections): the request gets a 503, never a 500. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the database is unavailable (${cause instanceof Error ? cause.message : String(cause)})`);
  }
}

/** The owner of everything while there are no accounts: the single learner of `npm start`. */
export const LOCAL_OWNER = 'local';
