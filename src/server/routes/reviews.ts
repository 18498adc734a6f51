// Review requests and their threads. A learner submits a revision of their artifact for review
// (whose turn it is is always part of the answer); a reviewer comments on a span or a section of
// a revision, optionally citing a rule or a completion criterion; the writer marks threads
// addressed or answers "won't change, because ..."; only a reviewer resolves. Threads are carried
// forward to each newer revision of the artifact before they are shown.
import { Hono } from 'hono';
import { builtinRules, type CourseModule } from '../../core/index.ts';
import { anchorAt, porter, ruleFiresOn, sectionRanges } from '../../core/review/anchor.ts';
import type { AuthEnv } from '../auth/accounts.ts';
import { canReview, canSee, member, onError, requireUser, type Ctx, type Membership } from '../auth/access.ts';
import { reviewJson, reviewMarkdown, type ReviewExport } from '../review/export.ts';
import { liveReview } from '../review/live.ts';
import { carried, findingsOf, nextRuleState, portToHead, threadView, turnLabel, userView } from '../review/service.ts';
import type { ReviewRequest, Thread, User } from '../storage/review.ts';
import type { Storage } from '../storage/types.ts';
import { cohortParam, moduleOf } from './cohorts.ts';
import { BadRequest, body, doc, intQuery, ReplyBody, RequestBody, StateBody, SubmitBody, ThreadBody } from './schemas.ts';

/** Comments sent inline with each thread; the rest page through GET .../comments. */
const INLINE_COMMENTS = 20;
const ruleIds = new Set(builtinRules.map((r) => r.meta.id));

export function reviewRoutes(storage: Storage): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.onError(onError);
  const review = storage.review;
  const names = (ids: (string | null)[]) => namesOf(storage, ids);
  const threadsOf = (request: ReviewRequest, page: { after?: number; limit: number }) => threadPage(storage, request, page);
  const exportOf = (request: ReviewRequest) => exportReview(storage, request);

  const load = async (c: Ctx): Promise<{ m: Membership; request: ReviewRequest }> => {
    const m = await member(c, storage, cohortParam(c.req.param('cohort') as string));
    const raw = c.req.param('review') as string;
    const request = /^\d{1,10}$/.test(raw) ? await review.request(m.cohortId, Number(raw)) : undefined;
    if (!request) throw new BadRequest('no such review in this cohort', 404);
    if (!canSee(m, request)) throw new BadRequest('this review is not shared with you', 403);
    return { m, request };
  };
  const loadThread = async (c: Ctx): Promise<{ m: Membership; request: ReviewRequest; thread: Thread }> => {
    const m = await member(c, storage, cohortParam(c.req.param('cohort') as string));
    const raw = c.req.param('thread') as string;
    const thread = /^\d{1,10}$/.test(raw) ? await review.thread(m.cohortId, Number(raw)) : undefined;
    if (!thread) throw new BadRequest('no such thread in this cohort', 404);
    const request = (await review.request(m.cohortId, thread.requestId)) as ReviewRequest;
    if (!canSee(m, request)) throw new BadRequest('this review is not shared with you', 403);
    return { m, request, thread };
  };
  const head = async (request: ReviewRequest) => {
    const found = await storage.as(request.learnerId).get(request.artifactId);
    if (!found) throw new BadRequest('the artifact of this review is gone', 404);
    return found;
  };
  const requestView = async (request: ReviewRequest, extra: Record<string, unknown> = {}) => {
    const n = await names([request.learnerId, request.reviewerId]);
    const found = await storage.as(request.learnerId).get(request.artifactId);
    return {
      ...request,
      learner: userView(n.get(request.learnerId), request.learnerId),
      reviewer: request.reviewerId ? userView(n.get(request.reviewerId), request.reviewerId) : null,
      waitingOn: request.turn,
      turnLabel: turnLabel(request, n),
      artifact: found ? { id: found.artifact.id, title: found.artifact.title, kind: found.artifact.kind, headRevisionId: found.revision.id } : null,
      counts: await review.threadCounts(request.cohortId, request.id),
      ...extra,
    };
  };
  doc({ method: 'get', path: '/api/cohorts/{cohort}/reviews', summary: 'The review requests you may see in the cohort, most recent activity first', access: 'learner (own), reviewer (assigned or unassigned), instructor (all)', query: { limit: 'default 50, at most 200', offset: 'requests to skip' } });
  app.get('/api/cohorts/:cohort/reviews', async (c) => {
    const m = await member(c, storage, cohortParam(c.req.param('cohort')));
    const limit = intQuery(c, 'limit', 200) ?? 50;
    const offset = intQuery(c, 'offset') ?? 0;
    const filter = m.role === 'learner' ? { learnerId: m.user.id } : m.role === 'reviewer' ? { reviewerId: m.user.id } : {};
    const list = await review.requests(m.cohortId, { ...filter, limit, offset });
    return c.json({ reviews: await Promise.all(list.map((r) => requestView(r))), page: { limit, offset } });
  });

  doc({ method: 'post', path: '/api/cohorts/{cohort}/reviews', summary: 'Ask for review of one of your artifacts (submits its head, or the revision given); asking again submits a new round', access: 'learner (own artifact)', body: RequestBody });
  app.post('/api/cohorts/:cohort/reviews', async (c) => {
    const m = await member(c, storage, cohortParam(c.req.param('cohort')), ['learner']);
    const b = await body(c, RequestBody);
    const found = await c.var.store.get(b.artifactId);
    if (!found) throw new BadRequest('no such artifact of yours', 404);
    const revisionId = b.revision ?? found.revision.id;
    if (!(await c.var.store.revision(b.artifactId, revisionId))) throw new BadRequest(`no revision ${revisionId} of this artifact`, 404);
    let reviewerId: string | null = null;
    if (b.reviewer) {
      const u = await review.userByName(b.reviewer.trim().toLowerCase());
      const role = u ? await review.roleIn(m.cohortId, u.id) : undefined;
      if (!u || (role !== 'reviewer' && role !== 'instructor')) throw new BadRequest(`"${b.reviewer}" is not a reviewer or instructor of this cohort`, 422);
      reviewerId = u.id;
    }
    const request = await review.submit({ cohortId: m.cohortId, artifactId: b.artifactId, learnerId: m.user.id, reviewerId, revisionId });
    return c.json({ review: await requestView(request) }, 201);
  });

  doc({ method: 'get', path: '/api/cohorts/{cohort}/reviews/{review}', summary: "The request, whose turn it is, and the artifact's newest revision with the threads carried to it", access: 'who sees the review' });
  app.get('/api/cohorts/:cohort/reviews/:review', async (c) => {
    const { request } = await load(c);
    const found = await head(request);
    await portToHead(storage, request, found.revision);
    const fresh = (await review.request(request.cohortId, request.id)) as ReviewRequest;
    const cohort = await review.cohort(request.cohortId);
    const module = cohort ? moduleOf(cohort.moduleId) : undefined;
    return c.json({
      review: await requestView(fresh),
      revision: { id: found.revision.id, text: found.revision.text, createdAt: found.revision.createdAt },
      criteria: module?.completion.map((k) => ({ id: k.id, description: k.description })) ?? [],
      sections: sectionRanges(found.revision.text).map((s) => s.title),
    });
  });

  doc({ method: 'post', path: '/api/cohorts/{cohort}/reviews/{review}/submit', summary: "Submit a new revision for review (default: the head): the reviewer's turn", access: 'the writer', body: SubmitBody });
  app.post('/api/cohorts/:cohort/reviews/:review/submit', async (c) => {
    const { m, request } = await load(c);
    if (request.learnerId !== m.user.id) throw new BadRequest('only the writer submits revisions', 403);
    const b = await body(c, SubmitBody);
    const found = await head(request);
    const revisionId = b.revision ?? found.revision.id;
    if (!(await c.var.store.revision(request.artifactId, revisionId))) throw new BadRequest(`no revision ${revisionId} of this artifact`, 404);
    await portToHead(storage, request, found.revision);
    const next = await review.submit({ cohortId: request.cohortId, artifactId: request.artifactId, learnerId: m.user.id, reviewerId: null, revisionId });
    return c.json({ review: await requestView(next) });
  });

  doc({ method: 'get', path: '/api/cohorts/{cohort}/reviews/{review}/threads', summary: 'Threads, carried to the newest revision, oldest first, with their first comments', access: 'who sees the review', query: { after: 'a thread id (the page cursor)', limit: 'default 100, at most 500' } });
  app.get('/api/cohorts/:cohort/reviews/:review/threads', async (c) => {
    const { request } = await load(c);
    const limit = intQuery(c, 'limit', 500) ?? 100;
    const after = intQuery(c, 'after');
    await portToHead(storage, request, (await head(request)).revision);
    const threads = await threadsOf(request, { ...(after !== undefined ? { after } : {}), limit });
    return c.json({ threads, next: threads.length === limit ? (threads[threads.length - 1] as { id: number }).id : null });
  });

  doc({ method: 'post', path: '/api/cohorts/{cohort}/reviews/{review}/threads', summary: 'Comment on a span (start/end) or a section of a revision; optionally cite a rule or a completion criterion', access: 'reviewer of the review, instructor', body: ThreadBody });
  app.post('/api/cohorts/:cohort/reviews/:review/threads', async (c) => {
    const { m, request } = await load(c);
    if (!canReview(m, request)) throw new BadRequest('only a reviewer of this review (or an instructor) opens threads; the writer replies in them', 403);
    const b = await body(c, ThreadBody);
    const store = storage.as(request.learnerId);
    const rev = await store.revision(request.artifactId, b.revision);
    if (!rev) throw new BadRequest(`no revision ${b.revision} of this artifact`, 404);
    let anchor;
    if (b.section !== undefined) {
      if (b.start !== undefined || b.end !== undefined) throw new BadRequest('give either start and end (a span) or section, not both', 422);
      const sections = sectionRanges(rev.text);
      const s = sections.find((x) => x.title === b.section) ?? sections.find((x) => x.title.toLowerCase() === (b.section as string).trim().toLowerCase());
      if (!s) throw new BadRequest(`no section "${b.section}" in revision ${rev.id}; its sections are ${sections.map((x) => `"${x.title}"`).join(', ') || 'none'}`, 422);
      anchor = anchorAt(rev.text, s.start, s.start, sections);
    } else {
      if (b.start === undefined || b.end === undefined) throw new BadRequest('give start and end (a span) or section', 422);
      if (!(b.start < b.end && b.end <= rev.text.length)) throw new BadRequest(`start and end must be a non-empty span inside revision ${rev.id} (0 to ${rev.text.length}); got ${b.start}-${b.end}`, 422);
      anchor = anchorAt(rev.text, b.start, b.end);
      if (!anchor.quote.exact.trim()) throw new BadRequest('the span is only white space; select some words', 422);
    }
    if (b.ruleId !== undefined && !ruleIds.has(b.ruleId)) throw new BadRequest(`unknown rule "${b.ruleId}"`, 422);
    const cohort = await review.cohort(request.cohortId);
    const module = cohort ? moduleOf(cohort.moduleId) : undefined;
    if (b.criterion !== undefined && !(module as CourseModule | undefined)?.completion.some((k) => k.id === b.criterion)) {
      throw new BadRequest(`unknown completion criterion "${b.criterion}"; the module's are ${module?.completion.map((k) => k.id).join(', ') ?? 'none'}`, 422);
    }
    const now = (await head(request)).revision;
    const at = rev.id === now.id ? { status: 'kept', anchor, now: null } : carried(anchor, porter(rev.text, now.text)(anchor));
    // A rule-cited thread starts from whether the rule fires where it points (not-firing: it never did).
    let ruleState: string | null = null;
    if (b.ruleId) {
      const firedThen = ruleFiresOn(anchor, b.ruleId, findingsOf(rev), rev.text);
      ruleState = firedThen ? 'fires' : 'not-firing';
      if (rev.id !== now.id && at.status !== 'orphaned') ruleState = nextRuleState(ruleState, ruleFiresOn(at.anchor, b.ruleId, findingsOf(now), now.text));
    }
    const id = await review.createThread({
      cohortId: request.cohortId,
      requestId: request.id,
      artifactId: request.artifactId,
      learnerId: request.learnerId,
      authorId: m.user.id,
      revisionId: rev.id,
      anchor,
      headRevisionId: now.id,
      headAnchor: at.anchor,
      headStatus: at.status,
      ruleId: b.ruleId ?? null,
      criterion: b.criterion ?? null,
      ruleState,
      body: b.body,
    });
    const thread = (await review.thread(request.cohortId, id)) as Thread;
    const { comments, counts } = await review.commentsOf(request.cohortId, [id], INLINE_COMMENTS);
    return c.json({ thread: threadView(thread, comments.get(id) ?? [], counts.get(id) ?? 0, await names([m.user.id])) }, 201);
  });

  doc({ method: 'get', path: '/api/cohorts/{cohort}/threads/{thread}/comments', summary: "A thread's comments, oldest first, paged", access: 'who sees the review', query: { after: 'a comment id', limit: 'default 100, at most 500' } });
  app.get('/api/cohorts/:cohort/threads/:thread/comments', async (c) => {
    const { thread } = await loadThread(c);
    const limit = intQuery(c, 'limit', 500) ?? 100;
    const after = intQuery(c, 'after');
    const list = await review.comments(thread.cohortId, thread.id, { ...(after !== undefined ? { after } : {}), limit });
    const n = await names(list.map((x) => x.authorId));
    return c.json({ comments: list.map((x) => ({ ...x, author: userView(n.get(x.authorId), x.authorId) })), next: list.length === limit ? (list[list.length - 1] as { id: number }).id : null });
  });

  doc({ method: 'post', path: '/api/cohorts/{cohort}/threads/{thread}/comments', summary: 'Reply in a thread', access: 'who sees the review', body: ReplyBody });
  app.post('/api/cohorts/:cohort/threads/:thread/comments', async (c) => {
    const { m, request, thread } = await loadThread(c);
    const b = await body(c, ReplyBody);
    const writer = m.user.id === request.learnerId;
    const updated = await review.act({ cohortId: request.cohortId, threadId: thread.id, authorId: m.user.id, kind: 'comment', body: b.body, revisionId: (await head(request)).revision.id, byWriter: writer, turn: writer ? 'reviewer' : 'writer' });
    return c.json({ thread: await single(updated as Thread) }, 201);
  });

  doc({ method: 'post', path: '/api/cohorts/{cohort}/threads/{thread}/state', summary: 'The writer marks a thread addressed or answers "won\'t change" (with why); a reviewer resolves or reopens it', access: 'addressed, wont-change: the writer; resolved, reopened: a reviewer of the review or an instructor', body: StateBody });
  app.post('/api/cohorts/:cohort/threads/:thread/state', async (c) => {
    const { m, request, thread } = await loadThread(c);
    const b = await body(c, StateBody);
    const writer = m.user.id === request.learnerId;
    const text = (b.body ?? '').trim();
    if (b.state === 'addressed' || b.state === 'wont-change') {
      if (!writer) throw new BadRequest('only the writer marks a thread addressed or "won\'t change"; a reviewer resolves it', 403);
      if (thread.state === 'resolved') throw new BadRequest('this thread is already resolved', 409);
      if (b.state === 'wont-change' && !text) throw new BadRequest('say why: "won\'t change, because ..." needs a body', 422);
    } else {
      if (!canReview(m, request)) throw new BadRequest('only a reviewer of this review (or an instructor) resolves or reopens a thread', 403);
      if (b.state === 'resolved' && thread.state === 'resolved') throw new BadRequest('this thread is already resolved', 409);
      if (b.state === 'reopened' && thread.state === 'open') throw new BadRequest('this thread is open already', 409);
    }
    const state = b.state === 'reopened' ? 'open' : b.state;
    const revisionId = (await head(request)).revision.id;
    const updated = (await review.act({ cohortId: request.cohortId, threadId: thread.id, authorId: m.user.id, kind: b.state, body: text, revisionId, state, byWriter: writer, turn: writer ? 'reviewer' : 'writer' })) as Thread;
    if (b.state === 'resolved') {
      const counts = await review.threadCounts(request.cohortId, request.id);
      if (counts.open + counts.addressed + counts['wont-change'] === 0) await review.setTurn(request.cohortId, request.id, 'done');
    }
    return c.json({ thread: await single(updated) });
  });

  doc({ method: 'get', path: '/api/cohorts/{cohort}/reviews/{review}/events', summary: 'Server-sent events: `review` whenever a thread, comment, state or revision changed (refetch); Last-Event-ID resumes', access: 'who sees the review' });
  app.get('/api/cohorts/:cohort/reviews/:review/events', async (c) => {
    const { request } = await load(c);
    return liveReview(c, storage, request);
  });

  doc({ method: 'get', path: '/api/cohorts/{cohort}/reviews/{review}/export.md', summary: 'The artifact with its threads as a review appendix (Markdown)', access: 'who sees the review' });
  app.get('/api/cohorts/:cohort/reviews/:review/export.md', async (c) => {
    const { request } = await load(c);
    const e = await exportOf(request);
    c.header('content-type', 'text/markdown; charset=utf-8');
    c.header('content-disposition', `attachment; filename="review-${request.id}.md"`);
    return c.body(reviewMarkdown(e));
  });

  doc({ method: 'get', path: '/api/cohorts/{cohort}/reviews/{review}/export.json', summary: 'The artifact with its threads as W3C Web Annotations (selectors included)', access: 'who sees the review' });
  app.get('/api/cohorts/:cohort/reviews/:review/export.json', async (c) => {
    const { request } = await load(c);
    return c.json(reviewJson(await exportOf(request)));
  });

  doc({ method: 'get', path: '/api/cohorts/{cohort}/export.json', summary: 'Every review of the cohort with its threads (W3C Web Annotations)', access: 'instructor' });
  app.get('/api/cohorts/:cohort/export.json', async (c) => {
    const m = await member(c, storage, cohortParam(c.req.param('cohort')), ['instructor']);
    return c.json(await exportCohort(storage, m.cohortId));
  });

  // The writer's view from the editor: every review of one of their artifacts, across cohorts.
  doc({ method: 'get', path: '/api/artifacts/{id}/reviews', summary: 'The reviews of one of your artifacts, in every cohort', access: 'the writer' });
  app.get('/api/artifacts/:id/reviews', async (c) => {
    const user = requireUser(c);
    const id = c.req.param('id');
    if (!(await c.var.store.get(id))) throw new BadRequest('no such artifact', 404);
    const out = [];
    for (const { cohort } of await review.memberships(user.id)) {
      const r = await review.requestFor(cohort.id, id);
      if (r && r.learnerId === user.id) out.push({ cohort: { id: cohort.id, name: cohort.name }, review: await requestView(r) });
    }
    return c.json({ reviews: out });
  });

  async function single(t: Thread) {
    const { comments, counts } = await review.commentsOf(t.cohortId, [t.id], INLINE_COMMENTS);
    const n = await names([t.authorId, ...(comments.get(t.id) ?? []).map((x) => x.authorId)]);
    return threadView(t, comments.get(t.id) ?? [], counts.get(t.id) ?? 0, n);
  }

  return app;
}

/** Every review of a cohort, for `GET /api/cohorts/{id}/export.json` and `staffwork review export`. */
export async function exportCohort(storage: Storage, cohortId: string) {
  const cohort = await storage.review.cohort(cohortId);
  const reviews = [];
  for (let offset = 0; ; offset += 200) {
    const page = await storage.review.requests(cohortId, { limit: 200, offset });
    for (const r of page) reviews.push(reviewJson(await exportReview(storage, r)));
    if (page.length < 200) break;
  }
  return { cohort, exportedAt: new Date().toISOString(), reviews };
}

async function namesOf(storage: Storage, ids: (string | null)[]): Promise<Map<string, User>> {
  return new Map((await storage.review.users(ids.filter((x): x is string => x !== null))).map((u) => [u.id, u]));
}

/** One page of a request's threads with their first comments. */
async function threadPage(storage: Storage, request: ReviewRequest, page: { after?: number; limit: number }) {
  const review = storage.review;
  const list = await review.threads(request.cohortId, request.id, page);
  const { comments, counts } = await review.commentsOf(
    request.cohortId,
    list.map((t) => t.id),
    INLINE_COMMENTS,
  );
  const n = await namesOf(storage, [...list.map((t) => t.authorId), ...[...comments.values()].flat().map((x) => x.authorId)]);
  return list.map((t) => threadView(t, comments.get(t.id) ?? [], counts.get(t.id) ?? 0, n));
}

/** A request with its artifact's newest revision and every thread carried to it. */
export async function exportReview(storage: Storage, request: ReviewRequest): Promise<ReviewExport> {
  const review = storage.review;
  const found = await storage.as(request.learnerId).get(request.artifactId);
  if (!found) throw new BadRequest('the artifact of this review is gone', 404);
  await portToHead(storage, request, found.revision);
  const threads = [];
  for (let after: number | undefined; ; ) {
    const page = await threadPage(storage, request, { ...(after !== undefined ? { after } : {}), limit: 500 });
    threads.push(...page);
    if (page.length < 500) break;
    after = (page[page.length - 1] as { id: number }).id;
  }
  const fresh = (await review.request(request.cohortId, request.id)) as ReviewRequest;
  const n = await namesOf(storage, [request.learnerId, request.reviewerId]);
  const cohort = await review.cohort(request.cohortId);
  return {
    artifact: { id: found.artifact.id, title: found.artifact.title },
    revision: { id: found.revision.id, text: found.revision.text },
    request: { id: request.id, cohort: { id: request.cohortId, name: cohort?.name ?? '' }, learner: userView(n.get(request.learnerId), request.learnerId).username, reviewer: request.reviewerId ? userView(n.get(request.reviewerId), request.reviewerId).username : null, submittedRevision: fresh.revisionId, turn: turnLabel(fresh, n) },
    threads,
  };
}
