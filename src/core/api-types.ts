// The workbench HTTP API's data, as JSON on the wire: the server (src/server) produces it and
// the page (src/web) reads it, both from this one definition. Types only: nothing here runs.
import type { Progress } from './course/progress.ts';

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface RevisionMeta {
  id: number;
  /** The revision this one was saved on top of (null for the first). */
  baseId: number | null;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** Length of the text in UTF-16 code units (what the editor counts). */
  size: number;
  /** The revision's own findings (set rules left out), computed once off the request thread; null until then. */
  findings?: FindingCounts | null;
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

/** An artifact in the portfolio: its summary, its findings, and the `set:` and audience of a summary variant. */
export interface PortfolioEntry extends ArtifactSummary {
  set?: string;
  audience?: string;
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

/** GET /api/portfolio. */
export interface PortfolioResponse {
  artifacts: PortfolioEntry[];
  progress: Progress;
}

/** One artifact of a `set:` (an audience variant of a summary) and its head text (GET /api/sets/:name). */
export interface SetMember {
  artifact: ArtifactSummary;
  audience: string;
  revision: { id: number; text: string };
}
