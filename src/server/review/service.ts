// Review threads over revisions: carrying threads forward to the revision submitted for review
// (core/review/anchor.ts does the anchoring; this stores the result), the rule check behind
// "likely addressed" and "regression" (findings from the check pool, off the request thread),
// and the JSON views the routes return.
import { defaultModule } from '../../core/index.ts';
import type { CommentView, RuleState, ThreadView } from '../../core/review/api-types.ts';
import { porter, ruleFiresOn, type Anchor, type PortStatus, type Ported } from '../../core/review/anchor.ts';
import type { CheckPool } from '../checker/pool.ts';
import type { Item, Task, TaskResult } from '../checker/tasks.ts';
import type { Comment, PortUpdate, ReviewRequest, Thread, User } from '../storage/review.ts';
import type { OwnerStorage, Revision, Storage } from '../storage/types.ts';

export type { ThreadView };

export interface Finding {
  ruleId: string;
  range: readonly [number, number];
}

/**
 * A heavy check-pool task (portfolio, print, findings) on the owner's lane, which asks for the
 * texts it has not checked yet; the finding counts it computed under the workbench's own module
 * are written back to the revisions (for the history, which reads that module). The workbench's
 * portfolio and print views run through this too.
 */
export async function withTexts<T extends Exclude<TaskResult, { type: 'missing' | 'describe' }>>(pool: CheckPool, store: OwnerStorage, task: (texts: Record<string, string>) => Exclude<Task, { type: 'describe' }>): Promise<T> {
  let texts: Record<string, string> = {};
  for (;;) {
    const sent = task(texts);
    const result = await pool.heavy(store.owner, sent);
    if (result.type !== 'missing') {
      // Only a cache: the next view writes it again if this fails.
      if ('checked' in result && sent.module === defaultModule.id) for (const [key, counts] of Object.entries(result.checked)) store.setFindings(Number(key.slice(key.lastIndexOf('@') + 1)), counts).catch(() => undefined);
      return result as T;
    }
    const keys = result.keys.map((k) => ({ artifactId: k.slice(0, k.lastIndexOf('@')), revisionId: Number(k.slice(k.lastIndexOf('@') + 1)) }));
    const found = await store.texts(keys);
    // A text that is gone (it cannot be: revisions are never deleted) would loop: stop.
    if (found.length < keys.length) throw new Error('a revision to check is missing from the database');
    texts = Object.fromEntries(found.map((x) => [`${x.artifactId}@${x.id}`, x.text]));
  }
}

/** A portfolio or findings task over some of one owner's revisions, read against the module with that id. */
export const checked = <K extends 'portfolio' | 'findings'>(storage: Storage, pool: CheckPool, owner: string, type: K, module: string, items: Item[]) =>
  withTexts<Extract<TaskResult, { type: K }>>(pool, storage.as(owner), (texts) => ({ type, module, items, texts }) as Exclude<Task, { type: 'describe' }>);

/** Check items for some revisions of one owner's artifacts (artifacts that are gone are left out). */
export async function itemsFor(storage: Storage, owner: string, revisions: Pick<Revision, 'artifactId' | 'id'>[]): Promise<Item[]> {
  if (revisions.length === 0) return [];
  const byId = new Map((await storage.as(owner).list({ archived: 'include' })).map((a) => [a.id, a]));
  const items: Item[] = [];
  for (const r of revisions) {
    const artifact = byId.get(r.artifactId);
    const key = `${r.artifactId}@${r.id}`;
    if (artifact && !items.some((i) => i.key === key)) items.push({ key, artifact });
  }
  return items;
}

/** Findings of some revisions of one owner's artifacts under a module (the cohort's), from the check pool, keyed `artifactId@revisionId`. */
export async function findingsOf(storage: Storage, pool: CheckPool, owner: string, module: string, revisions: Pick<Revision, 'artifactId' | 'id'>[]): Promise<{ findings: Map<string, Finding[]>; kinds: Map<string, string | null> }> {
  const items = await itemsFor(storage, owner, revisions);
  if (items.length === 0) return { findings: new Map(), kinds: new Map() };
  const r = await checked(storage, pool, owner, 'findings', module, items);
  return { findings: new Map(Object.entries(r.findings)), kinds: new Map(Object.entries(r.kinds)) };
}

/** A rule-cited thread's state at a revision: still firing, stopped (likely addressed), or firing again after it stopped (regression). */
export function nextRuleState(previous: string | null, fires: boolean): RuleState {
  // Cited where the rule did not fire: nothing to infer until it does.
  if (previous === 'not-firing') return fires ? 'fires' : 'not-firing';
  if (!fires) return 'likely-addressed';
  return previous === 'likely-addressed' || previous === 'regression' ? 'regression' : 'fires';
}

/** How a thread is carried to a newer revision, relative to where it was made (an edit stays `edited`). */
export function carried(original: Anchor, step: Ported): { status: PortStatus; anchor: Anchor; now: string | null } {
  if (step.status === 'orphaned') return { status: 'orphaned', anchor: step.previous, now: null };
  const changed = step.anchor.quote.exact !== original.quote.exact;
  const status = step.status === 'kept' && changed ? 'edited' : step.status;
  return { status, anchor: step.anchor, now: changed ? step.anchor.quote.exact : null };
}

/** The rule state after a step: unknown while the text is gone (nothing there to check). */
export function ruleStateAfter(previous: string | null, status: PortStatus, fires: () => boolean): RuleState {
  return status === 'orphaned' ? 'unknown' : nextRuleState(previous, fires());
}

/**
 * Carries every thread of the request not yet checked against `target` (the revision just
 * submitted) forward to it: one diff per revision the threads were last anchored in. Never
 * re-anchors silently: what cannot be found is `orphaned` and keeps its old anchor. Rule states
 * come from the findings under `module` (the cohort's).
 */
export async function portTo(storage: Storage, pool: CheckPool, request: ReviewRequest, target: Revision, module: string): Promise<void> {
  const review = storage.review;
  const stale: Thread[] = [];
  for (let after = 0; ; ) {
    const page = await review.threads(request.cohortId, request.id, { after, limit: 1000 });
    for (const t of page) if (t.current.revisionId < target.id) stale.push(t);
    if (page.length < 1000) break;
    after = (page[page.length - 1] as Thread).id;
  }
  if (stale.length === 0) return;
  const store = storage.as(request.learnerId);
  const from = [...new Set(stale.map((t) => t.current.anchoredRevisionId))];
  const texts = new Map((await store.texts(from.map((id) => ({ artifactId: request.artifactId, revisionId: id })))).map((r) => [r.id, r.text]));
  const findings = stale.some((t) => t.ruleId) ? ((await findingsOf(storage, pool, request.learnerId, module, [target])).findings.get(`${target.artifactId}@${target.id}`) ?? []) : [];
  const updates: PortUpdate[] = [];
  const porters = new Map<number, (a: Anchor) => Ported>();
  for (const t of stale) {
    const oldText = texts.get(t.current.anchoredRevisionId);
    if (oldText === undefined) continue;
    const port = porters.get(t.current.anchoredRevisionId) ?? porter(oldText, target.text);
    porters.set(t.current.anchoredRevisionId, port);
    const step = carried(t.anchor, port(t.current.anchor));
    const orphaned = step.status === 'orphaned';
    const ruleState = t.ruleId ? ruleStateAfter(t.ruleState, step.status, () => ruleFiresOn(step.anchor, t.ruleId as string, findings, target.text)) : null;
    updates.push({
      id: t.id,
      checkedRevisionId: target.id,
      portRevisionId: orphaned ? t.current.anchoredRevisionId : target.id,
      anchor: step.anchor,
      status: step.status,
      now: step.now,
      ruleState,
    });
  }
  await review.savePorts(request.cohortId, request.id, updates);
}

/** The users behind some ids, by id (null ids skipped). */
export async function namesOf(storage: Storage, ids: (string | null)[]): Promise<Map<string, User>> {
  return new Map((await storage.review.users(ids.filter((x): x is string => x !== null))).map((u) => [u.id, u]));
}

export function userView(u: User | undefined, id: string) {
  return u ? { id: u.id, username: u.username } : { id, username: '(removed account)' };
}

export function commentView(c: Comment, names: Map<string, User>): CommentView {
  return { id: c.id, author: userView(names.get(c.authorId), c.authorId), kind: c.kind, body: c.body, revisionId: c.revisionId, createdAt: c.createdAt };
}

/** A thread as the API returns it: where it was made and where it points now. */
export function threadView(t: Thread, comments: Comment[], commentCount: number, names: Map<string, User>): ThreadView {
  return {
    id: t.id,
    requestId: t.requestId,
    artifactId: t.artifactId,
    author: userView(names.get(t.authorId), t.authorId),
    state: t.state,
    ruleId: t.ruleId,
    criterion: t.criterion,
    ruleState: t.ruleState as RuleState | null,
    reopened: t.reopened,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    addressedAt: t.addressedAt,
    resolvedAt: t.resolvedAt,
    origin: { revisionId: t.revisionId, anchor: t.anchor },
    current: { revisionId: t.current.revisionId, status: t.current.status as PortStatus, now: t.current.now, anchor: t.current.anchor },
    comments: comments.map((c) => commentView(c, names)),
    commentCount,
  };
}

export function turnLabel(r: ReviewRequest, names: Map<string, User>): string {
  if (r.turn === 'done') return 'Done: every thread is resolved';
  if (r.turn === 'writer') return `Waiting for the writer (${userView(names.get(r.learnerId), r.learnerId).username})`;
  return r.reviewerId ? `Waiting for the reviewer (${userView(names.get(r.reviewerId), r.reviewerId).username})` : 'Waiting for a reviewer of the cohort';
}
