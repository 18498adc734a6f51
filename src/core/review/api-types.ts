// The review API's data as JSON on the wire: the server (src/server/review, src/server/routes)
// produces it and the page (src/web/review) reads it, both from this one definition. Types only.
import type { Anchor, PortStatus } from './anchor.ts';

export type { Anchor, PortStatus };
export type Role = 'learner' | 'reviewer' | 'instructor';
export type ThreadState = 'open' | 'addressed' | 'wont-change' | 'resolved';
export type Turn = 'reviewer' | 'writer' | 'done';
/** A rule-cited thread at the revision it was carried to; `unknown` while its text is gone. */
export type RuleState = 'fires' | 'likely-addressed' | 'regression' | 'not-firing' | 'unknown';
export type CommentKind = 'comment' | 'addressed' | 'wont-change' | 'resolved' | 'reopened';

export interface UserRef {
  id: string;
  username: string;
}

export interface CommentView {
  id: number;
  author: UserRef;
  kind: CommentKind;
  body: string;
  revisionId: number | null;
  createdAt: string;
}

export interface ThreadView {
  id: number;
  requestId: number;
  artifactId: string;
  author: UserRef;
  state: ThreadState;
  ruleId: string | null;
  criterion: string | null;
  ruleState: RuleState | null;
  reopened: number;
  createdAt: string;
  updatedAt: string;
  addressedAt: string | null;
  resolvedAt: string | null;
  /** Where the thread was made. */
  origin: { revisionId: number; anchor: Anchor };
  /** Where it points in `revisionId` (`orphaned`: on deleted text, with the old anchor). */
  current: { revisionId: number; status: PortStatus; now: string | null; anchor: Anchor };
  comments: CommentView[];
  commentCount: number;
}

export interface FollowThrough {
  threads: number;
  /**
   * Of the threads followed by a later submitted revision, those the writer marked "addressed"
   * (not "won't change") before that next submission.
   */
  addressedInNext: { count: number; of: number };
  /** Median hours from a thread to the writer's first "addressed"; null before any. */
  medianHoursToAddress: number | null;
  reopened: number;
  /** Open threads the writer has not answered at all. */
  unanswered: number;
  resolved: number;
}

export interface ReviewView {
  id: number;
  cohortId: string;
  artifactId: string;
  learnerId: string;
  reviewerId: string | null;
  /** The revision submitted for review: what reviewers see and threads are carried to. */
  revisionId: number;
  turn: Turn;
  version: number;
  createdAt: string;
  updatedAt: string;
  learner: UserRef;
  reviewer: UserRef | null;
  turnLabel: string;
  /** headRevisionId only for the writer: a draft is theirs until they submit it. */
  artifact: { id: string; title: string; kind: string | null; headRevisionId?: number } | null;
  counts: Record<ThreadState, number>;
}

export interface SectionRef {
  title: string;
  /** Which of the sections with this title (0: the first). */
  index: number;
}

/** GET /api/cohorts/{c}/reviews/{r}. */
export interface ReviewPage {
  review: ReviewView;
  revision: { id: number; text: string; createdAt: string };
  criteria: { id: string; description: string }[];
  sections: SectionRef[];
}

/** GET /api/artifacts/{id}/reviews/threads: the writer's threads carried to their draft (not stored). */
export interface DraftThreads {
  revisionId: number;
  reviews: { cohort: { id: string; name: string }; review: ReviewView; threads: ThreadView[]; truncated: boolean }[];
}

export interface Page {
  offset: number;
  limit: number;
  total: number;
}
