// Review threads over revisions: carrying open threads forward to the artifact's newest
// revision (core/review/anchor.ts does the anchoring; this stores the result), the rule check
// behind "likely addressed" and "regression", and the JSON views the routes return.
import { checkText, type Diagnostic } from '../../core/index.ts';
import { porter, ruleFiresOn, toW3C, type Anchor, type Ported } from '../../core/review/anchor.ts';
import { checkOptions } from '../portfolio.ts';
import type { Comment, PortUpdate, ReviewRequest, Thread, User } from '../storage/review.ts';
import type { Revision, Storage } from '../storage/types.ts';

/** Findings of a revision for the rule check; a revision never changes, so they are kept by its id. */
const FINDINGS_KEPT = 300;
const findingsCache = new Map<string, Diagnostic[]>();

export function findingsOf(revision: Pick<Revision, 'artifactId' | 'id' | 'text'>): Diagnostic[] {
  const key = `${revision.artifactId}@${revision.id}`;
  const hit = findingsCache.get(key);
  if (hit) return hit;
  const diagnostics = checkText(revision.text, { ...checkOptions, filePath: revision.artifactId }).diagnostics;
  findingsCache.set(key, diagnostics);
  if (findingsCache.size > FINDINGS_KEPT) findingsCache.delete(findingsCache.keys().next().value as string);
  return diagnostics;
}

/** A rule-cited thread's state at a revision: still firing, stopped (likely addressed), or firing again after it stopped (regression). */
export function nextRuleState(previous: string | null, fires: boolean): string {
  // Cited where the rule did not fire: nothing to infer until it does.
  if (previous === 'not-firing') return fires ? 'fires' : 'not-firing';
  if (!fires) return 'likely-addressed';
  return previous === 'likely-addressed' || previous === 'regression' ? 'regression' : 'fires';
}

/** How a thread is carried to a newer revision, relative to where it was made (an edit stays `edited`). */
export function carried(original: Anchor, step: Ported): { status: string; anchor: Anchor; now: string | null } {
  if (step.status === 'orphaned') return { status: 'orphaned', anchor: step.previous, now: null };
  const changed = step.anchor.quote.exact !== original.quote.exact;
  const status = step.status === 'kept' && changed ? 'edited' : step.status;
  return { status, anchor: step.anchor, now: changed ? step.anchor.quote.exact : null };
}

/**
 * Carries every thread of the request not yet checked against `head` forward to it: one diff per
 * revision the threads were last anchored in. Never re-anchors silently: what cannot be found is
 * `orphaned` and keeps its old anchor.
 */
export async function portToHead(storage: Storage, request: ReviewRequest, head: Revision): Promise<void> {
  const review = storage.review;
  const stale: Thread[] = [];
  for (let after = 0; ; ) {
    const page = await review.threads(request.cohortId, request.id, { after, limit: 1000 });
    for (const t of page) if (t.current.revisionId < head.id) stale.push(t);
    if (page.length < 1000) break;
    after = (page[page.length - 1] as Thread).id;
  }
  if (stale.length === 0) return;
  const store = storage.as(request.learnerId);
  const from = [...new Set(stale.map((t) => t.current.anchoredRevisionId))];
  const texts = new Map((await store.texts(from.map((id) => ({ artifactId: request.artifactId, revisionId: id })))).map((r) => [r.id, r.text]));
  const porters = new Map<number, (a: Anchor) => Ported>();
  const needsRules = stale.some((t) => t.ruleId);
  const diagnostics = needsRules ? findingsOf(head) : [];
  const updates: PortUpdate[] = [];
  for (const t of stale) {
    const oldText = texts.get(t.current.anchoredRevisionId);
    if (oldText === undefined) continue;
    let port = porters.get(t.current.anchoredRevisionId);
    if (!port) porters.set(t.current.anchoredRevisionId, (port = porter(oldText, head.text)));
    const step = carried(t.anchor, port(t.current.anchor));
    const orphaned = step.status === 'orphaned';
    const ruleState = t.ruleId && !orphaned ? nextRuleState(t.ruleState, ruleFiresOn(step.anchor, t.ruleId, diagnostics, head.text)) : t.ruleState;
    updates.push({ id: t.id, checkedRevisionId: head.id, portRevisionId: orphaned ? t.current.anchoredRevisionId : head.id, anchor: step.anchor, status: step.status, now: step.now, ruleState });
  }
  await review.savePorts(request.cohortId, request.id, updates);
}

export function userView(u: User | undefined, id: string) {
  return u ? { id: u.id, username: u.username } : { id, username: '(removed account)' };
}

/** A thread as the API returns it: where it was made and where it is now, as W3C selectors too. */
export function threadView(t: Thread, comments: Comment[], commentCount: number, names: Map<string, User>) {
  return {
    id: t.id,
    requestId: t.requestId,
    artifactId: t.artifactId,
    author: userView(names.get(t.authorId), t.authorId),
    state: t.state,
    ruleId: t.ruleId,
    criterion: t.criterion,
    ruleState: t.ruleState,
    reopened: t.reopened,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    addressedAt: t.addressedAt,
    resolvedAt: t.resolvedAt,
    /** Where the thread was made. */
    origin: { revisionId: t.revisionId, anchor: t.anchor, selector: toW3C(t.anchor) },
    /** Where it points in the newest revision checked (`orphaned`: on deleted text, the old anchor). */
    current: { revisionId: t.current.revisionId, status: t.current.status, now: t.current.now, anchor: t.current.anchor, selector: toW3C(t.current.anchor) },
    comments: comments.map((c) => ({ id: c.id, author: userView(names.get(c.authorId), c.authorId), kind: c.kind, body: c.body, revisionId: c.revisionId, createdAt: c.createdAt })),
    commentCount,
  };
}

export type ThreadView = ReturnType<typeof threadView>;

export function turnLabel(r: ReviewRequest, names: Map<string, User>): string {
  if (r.turn === 'done') return 'Done: every thread is resolved';
  if (r.turn === 'writer') return `Waiting for the writer (${userView(names.get(r.learnerId), r.learnerId).username})`;
  return r.reviewerId ? `Waiting for the reviewer (${userView(names.get(r.reviewerId), r.reviewerId).username})` : 'Waiting for a reviewer of the cohort';
}
