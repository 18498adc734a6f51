// The storage interface the workbench talks to. SQLite (sqlite.ts) is the default engine;
// another engine (e.g. PostgreSQL, for several app servers) implements the same interface.
// Every method is async so a networked engine fits without changing callers.

export interface RevisionMeta {
  id: number;
  /** The revision this one was saved on top of (null for the first). */
  baseId: number | null;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** Length of the text in UTF-16 code units (what the editor counts). */
  size: number;
}

export interface Revision extends RevisionMeta {
  artifactId: string;
  text: string;
}

export interface ArtifactSummary {
  id: string;
  kind: string | null;
  title: string;
  createdAt: string;
  updatedAt: string;
  /** When the learner archived it (ISO 8601, UTC); null while it is in use. Archiving only hides: nothing is deleted. */
  archivedAt: string | null;
  head: RevisionMeta;
}

/** What the server derives from the text on every save, for listing without re-parsing. */
export interface ArtifactMeta {
  kind: string | null;
  title: string;
}

export type SaveResult =
  | { ok: true; revision: RevisionMeta; unchanged: boolean }
  /** The save was based on a revision that is no longer the head: nothing was written. */
  | { ok: false; current: Revision };

export interface Storage {
  readonly engine: string;
  /** Where the data lives, for the start-up line. */
  readonly location: string;
  /** Most recently saved first. Archived artifacts are left out unless asked for ('only' lists just them, 'include' both). */
  list(options?: { archived?: 'exclude' | 'only' | 'include' }): Promise<ArtifactSummary[]>;
  create(text: string, meta: ArtifactMeta): Promise<{ artifact: ArtifactSummary; revision: RevisionMeta }>;
  /** The artifact and its head revision, or undefined when there is no such artifact. */
  get(id: string): Promise<{ artifact: ArtifactSummary; revision: Revision } | undefined>;
  /** Appends a revision if `baseId` is still the head (optimistic concurrency); undefined when no such artifact. */
  save(id: string, text: string, baseId: number, meta: ArtifactMeta): Promise<SaveResult | undefined>;
  /** Archives (true) or brings back (false) an artifact; its text and revisions stay. Undefined when no such artifact. */
  setArchived(id: string, archived: boolean): Promise<ArtifactSummary | undefined>;
  revisions(id: string): Promise<RevisionMeta[] | undefined>;
  revision(id: string, revisionId: number): Promise<Revision | undefined>;
  close(): Promise<void>;
}
