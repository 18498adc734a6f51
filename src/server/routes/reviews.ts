// Review requests and their threads. A learner submits a revision of their artifact for review
// (whose turn it is is always part of the answer); reviewers see that submitted revision, never
// the writer's later drafts, and comment on a span or a section of it, optionally citing a rule
// or a completion criterion; the writer marks threads addressed or answers "won't change,
// because ..."; only a reviewer resolves. Submitting a newer revision carries the threads
// forward to it (Gerrit's patch sets); the writer alone may preview them on their draft.
import { Hono } from 'hono';
import { builtinRules } from '../../core/index.ts';
import type { DraftThreads, ReviewPage, ReviewView, ThreadView } from '../../core/review/api-types.ts';
import { anchorAt, porter, ruleFiresOn, sectionRanges, type Anchor } from '../../core/review/anchor.ts';
import { hashToken, SESSION_COOKIE, type AuthEnv } from '../auth/accounts.ts';
import { canReview, canSee, cohortsOf, member, requireUser, withinLimits, type Ctx, type Membership } from '../auth/access.ts';
import type { CheckPool } from '../checker/pool.ts';
import { reviewJson, reviewMarkdown, type ReviewExport } from '../review/export.ts';
import { liveReview } from '../review/live.ts';
import { carried, commentView, findingsOf, namesOf, portTo, ruleStateAfter, threadView, turnLabel, userView } from '../review/service.ts';
import type { Cohort, Comment, ReviewRequest, Thread } from '../storage/review.ts';
import type { Revision, Storage } from '../storage/types.ts';
import { getCookie } from 'hono/cookie';
import { cohortParam, moduleOf, type Modules } from './cohorts.ts';
import { BadRequest, body, doc, intQuery, pageQuery, ReplyBody, RequestBody, StateBody, SubmitBody, ThreadBody } from './schemas.ts';

/** Comments sent inline with each thread; the rest page through GET .../comments (exports include them all). */
const INLINE_COMMENTS = 20;
/** Threads the writer's draft preview carries per review. */
const DRAFT_THREADS = 500;
const ruleIds = new Set(builtinRules.map((r) => r.meta.id));

export function reviewRoutes(storage: Storage, pool: CheckPool, modules: Modules): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const review = storage.review;

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
  /** A revision of the request's artifact (the submitted one by default). */
  const revisionOf = async (request: ReviewRequest, id = request.revisionId): Promise<Revision> => {
    const rev = await storage.as(request.learnerId).revision(request.artifactId, id);
    if (!rev) throw new BadRequest('the artifact of this review is gone', 404);
    return rev;
  };
  const requestView = (request: ReviewRequest, viewerId: string) => reviewView(storage, request, viewerId);

  /** Records a submission; a newer round first carries the threads to the new revision. */
  const submit = async (m: Membership, artifactId: string, revisionId: number, reviewerId: string | null) => {
    const rev = await storage.as(m.user.id).revision(artifactId, revisionId);
    if (!rev) throw new BadRequest(`no revision ${revisionId} of this artifact`, 404);
    const existing = await review.requestFor(m.cohortId, artifactId);
    if (existing && revisionId < existing.revisionId) throw new BadRequest(`revision ${existing.revisionId} is already submitted; threads only move forward (restore the old text in the editor to submit it again)`, 409);
    if (existing) await portTo(storage, pool, existing, rev, moduleOf(modules, (await review.cohort(m.cohortId)) as Cohort).id);
    const next = await review.submit({ cohortId: m.cohortId, artifactId, learnerId: m.user.id, reviewerId, revisionId });
    if (next === 'older') throw new BadRequest('a newer revision was submitted meanwhile', 409);
    return next;
  };

  doc({
    method: 'get',
    path: '/api/cohorts/{cohort}/reviews',
    summary: 'The review requests you may see in the cohort, most recent activity first',
    access: 'learner (own), reviewer (assigned or unassigned), instructor (all)',
    query: { limit: 'default 50, at most 200', offset: 'requests to skip' },
  });
  app.get('/api/cohorts/:cohort/reviews', async (c) => {
    const m = await member(c, storage, cohortParam(c.req.param('cohort')));
    const { limit, offset } = pageQuery(c);
    const filter = m.role === 'learner' ? { learnerId: m.user.id } : m.role === 'reviewer' ? { reviewerId: m.user.id } : {};
    // One more than the page: whether there is a next one.
    const list = await review.requests(m.cohortId, { ...filter, limit: limit + 1, offset });
    return c.json({
      reviews: await Promise.all(list.slice(0, limit).map((r) => requestView(r, m.user.id))),
      page: { limit, offset, more: list.length > limit },
    });
  });

  doc({
    method: 'post',
    path: '/api/cohorts/{cohort}/reviews',
    summary: 'Ask for review of one of your artifacts (submits its head, or the revision given); asking again submits a new round',
    access: 'learner (own artifact)',
    body: RequestBody,
  });
  app.post('/api/cohorts/:cohort/reviews', async (c) => {
    const m = await member(c, storage, cohortParam(c.req.param('cohort')), ['learner']);
    const b = await body(c, RequestBody);
    const found = await c.var.store.get(b.artifactId);
    if (!found) throw new BadRequest('no such artifact of yours', 404);
    let reviewerId: string | null = null;
    if (b.reviewer) {
      const u = await review.userByName(b.reviewer.trim().toLowerCase());
      const role = u ? await review.roleIn(m.cohortId, u.id) : undefined;
      if (!u || (role !== 'reviewer' && role !== 'instructor')) throw new BadRequest(`"${b.reviewer}" is not a reviewer or instructor of this cohort`, 422);
      reviewerId = u.id;
    }
    const request = await submit(m, b.artifactId, b.revision ?? found.revision.id, reviewerId);
    return c.json({ review: await requestView(request, m.user.id) }, 201);
  });

  doc({
    method: 'get',
    path: '/api/cohorts/{cohort}/reviews/{review}',
    summary: 'The request, whose turn it is, and the submitted revision (the threads point into it)',
    access: 'who sees the review',
  });
  app.get('/api/cohorts/:cohort/reviews/:review', async (c) => {
    const { m, request } = await load(c);
    const rev = await revisionOf(request);
    const cohort = await review.cohort(request.cohortId);
    const module = cohort ? modules.get(cohort.moduleId) : undefined;
    const sections = sectionRanges(rev.text);
    const page: ReviewPage = {
      review: await requestView(request, m.user.id),
      revision: { id: rev.id, text: rev.text, createdAt: rev.createdAt },
      criteria: module?.completion.map((k) => ({ id: k.id, description: k.description })) ?? [],
      sections: sections.map((s, i) => ({ title: s.title, index: sections.slice(0, i).filter((x) => x.title === s.title).length })),
    };
    return c.json(page);
  });

  doc({
    method: 'post',
    path: '/api/cohorts/{cohort}/reviews/{review}/submit',
    summary: "Submit a newer revision for review (default: the head): the threads are carried to it, and it is the reviewer's turn",
    access: 'the writer',
    body: SubmitBody,
  });
  app.post('/api/cohorts/:cohort/reviews/:review/submit', async (c) => {
    const { m, request } = await load(c);
    if (request.learnerId !== m.user.id) throw new BadRequest('only the writer submits revisions', 403);
    const b = await body(c, SubmitBody);
    const head = await c.var.store.get(request.artifactId);
    if (!head) throw new BadRequest('the artifact of this review is gone', 404);
    const next = await submit(m, request.artifactId, b.revision ?? head.revision.id, null);
    return c.json({ review: await requestView(next, m.user.id) });
  });

  doc({
    method: 'get',
    path: '/api/cohorts/{cohort}/reviews/{review}/threads',
    summary: 'Threads, carried to the submitted revision, oldest first, with their first comments',
    access: 'who sees the review',
    query: { after: 'a thread id (the page cursor)', limit: 'default 100, at most 500' },
  });
  app.get('/api/cohorts/:cohort/reviews/:review/threads', async (c) => {
    const { request } = await load(c);
    const limit = intQuery(c, 'limit', 500) ?? 100;
    const after = intQuery(c, 'after');
    const threads = await threadPage(storage, request, { ...(after !== undefined ? { after } : {}), limit });
    return c.json({ threads, next: threads.length === limit ? (threads[threads.length - 1] as ThreadView).id : null });
  });

  doc({
    method: 'post',
    path: '/api/cohorts/{cohort}/reviews/{review}/threads',
    summary: 'Comment on a span (start/end) or a section of a submitted revision; optionally cite a rule or a completion criterion',
    access: 'reviewer of the review, instructor',
    body: ThreadBody,
  });
  app.post('/api/cohorts/:cohort/reviews/:review/threads', async (c) => {
    const { m, request } = await load(c);
    if (!canReview(m, request)) throw new BadRequest('only a reviewer of this review (or an instructor) opens threads; the writer replies in them', 403);
    const b = await body(c, ThreadBody);
    if (b.revision > request.revisionId) throw new BadRequest(`revision ${b.revision} is not submitted for review; comment on revision ${request.revisionId} or earlier`, 422);
    const rev = await storage.as(request.learnerId).revision(request.artifactId, b.revision);
    if (!rev) throw new BadRequest(`no revision ${b.revision} of this artifact`, 404);
    let anchor: Anchor;
    if (b.section !== undefined) {
      if (b.start !== undefined || b.end !== undefined) throw new BadRequest('give either start and end (a span) or section, not both', 422);
      const sections = sectionRanges(rev.text);
      const wanted = (b.section as string).trim().toLowerCase();
      const exact = sections.filter((x) => x.title === b.section);
      const named = exact.length ? exact : sections.filter((x) => x.title.toLowerCase() === wanted);
      if (!named.length) throw new BadRequest(`no section "${b.section}" in revision ${rev.id}; its sections are ${sections.map((x) => `"${x.title}"`).join(', ') || 'none'}`, 422);
      if (named.length > 1 && b.sectionIndex === undefined) throw new BadRequest(`${named.length} sections are titled "${b.section}"; say which with sectionIndex (0 to ${named.length - 1})`, 422);
      const s = named[b.sectionIndex ?? 0];
      if (!s) throw new BadRequest(`sectionIndex ${b.sectionIndex} is out of range: ${named.length} section(s) are titled "${b.section}"`, 422);
      anchor = anchorAt(rev.text, s.start, s.start, sections);
    } else {
      if (b.sectionIndex !== undefined) throw new BadRequest('sectionIndex goes with section', 422);
      if (b.start === undefined || b.end === undefined) throw new BadRequest('give start and end (a span) or section', 422);
      if (!(b.start < b.end && b.end <= rev.text.length)) throw new BadRequest(`start and end must be a non-empty span inside revision ${rev.id} (0 to ${rev.text.length}); got ${b.start}-${b.end}`, 422);
      anchor = anchorAt(rev.text, b.start, b.end);
      if (!anchor.quote.exact.trim()) throw new BadRequest('the span is only white space; select some words', 422);
    }
    if (b.ruleId !== undefined && !ruleIds.has(b.ruleId)) throw new BadRequest(`unknown rule "${b.ruleId}"`, 422);
    const cohort = await review.cohort(request.cohortId);
    const module = cohort ? modules.get(cohort.moduleId) : undefined;
    if (b.criterion !== undefined && !module?.completion.some((k) => k.id === b.criterion)) {
      throw new BadRequest(`unknown completion criterion "${b.criterion}"; the module's are ${module?.completion.map((k) => k.id).join(', ') ?? 'none'}`, 422);
    }
    // Made on an earlier revision: carried to the submitted one at once, like every other thread.
    const target = rev.id === request.revisionId ? rev : await revisionOf(request);
    const at = rev.id === target.id ? { status: 'kept' as const, anchor, now: null } : carried(anchor, porter(rev.text, target.text)(anchor));
    // A rule-cited thread starts from whether the rule fires where it points (not-firing: it never did).
    let ruleState: string | null = null;
    if (b.ruleId) {
      const ruleId = b.ruleId;
      const { findings } = await findingsOf(storage, pool, request.learnerId, moduleOf(modules, cohort as Cohort).id, [rev, target]);
      const on = (r: Revision) => findings.get(`${r.artifactId}@${r.id}`) ?? [];
      ruleState = ruleFiresOn(anchor, ruleId, on(rev), rev.text) ? 'fires' : 'not-firing';
      if (rev.id !== target.id) ruleState = ruleStateAfter(ruleState, at.status, () => ruleFiresOn(at.anchor, ruleId, on(target), target.text));
    }
    const id = await withinLimits(
      review.createThread({
        cohortId: request.cohortId,
        requestId: request.id,
        artifactId: request.artifactId,
        learnerId: request.learnerId,
        authorId: m.user.id,
        revisionId: rev.id,
        anchor,
        headRevisionId: target.id,
        headAnchor: at.anchor,
        headStatus: at.status,
        ruleId: b.ruleId ?? null,
        criterion: b.criterion ?? null,
        ruleState,
        body: b.body,
      }),
    );
    return c.json({ thread: await single((await review.thread(request.cohortId, id)) as Thread) }, 201);
  });

  doc({
    method: 'get',
    path: '/api/cohorts/{cohort}/threads/{thread}/comments',
    summary: "A thread's comments, oldest first, paged",
    access: 'who sees the review',
    query: { after: 'a comment id', limit: 'default 100, at most 500' },
  });
  app.get('/api/cohorts/:cohort/threads/:thread/comments', async (c) => {
    const { thread } = await loadThread(c);
    const limit = intQuery(c, 'limit', 500) ?? 100;
    const after = intQuery(c, 'after');
    const list = await review.comments(thread.cohortId, thread.id, { ...(after !== undefined ? { after } : {}), limit });
    const n = await namesOf(
      storage,
      list.map((x) => x.authorId),
    );
    return c.json({ comments: list.map((x) => commentView(x, n)), next: list.length === limit ? (list[list.length - 1] as Comment).id : null });
  });

  doc({
    method: 'post',
    path: '/api/cohorts/{cohort}/threads/{thread}/comments',
    summary: 'Reply in a thread',
    access: 'who sees the review',
    body: ReplyBody,
  });
  app.post('/api/cohorts/:cohort/threads/:thread/comments', async (c) => {
    const { m, request, thread } = await loadThread(c);
    const b = await body(c, ReplyBody);
    const updated = await withinLimits(
      review.act({
        cohortId: request.cohortId,
        threadId: thread.id,
        authorId: m.user.id,
        kind: 'comment',
        body: b.body,
        revisionId: request.revisionId,
        byWriter: m.user.id === request.learnerId,
      }),
    );
    return c.json({ thread: await single(updated as Thread) }, 201);
  });

  doc({
    method: 'post',
    path: '/api/cohorts/{cohort}/threads/{thread}/state',
    summary: 'The writer marks a thread addressed or answers "won\'t change" (with why); a reviewer resolves or reopens it. Whose turn follows from the threads: any open, the writer; else any answered, the reviewer; else done',
    access: 'addressed, wont-change: the writer; resolved, reopened: a reviewer of the review or an instructor',
    body: StateBody,
  });
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
    const updated = await withinLimits(
      review.act({
        cohortId: request.cohortId,
        threadId: thread.id,
        authorId: m.user.id,
        kind: b.state,
        body: text,
        revisionId: request.revisionId,
        state,
        byWriter: writer,
      }),
    );
    return c.json({ thread: await single(updated as Thread) });
  });

  doc({
    method: 'get',
    path: '/api/cohorts/{cohort}/reviews/{review}/events',
    summary: 'Server-sent events: `review` whenever a thread, comment, state or submitted revision changed (refetch); Last-Event-ID resumes. Ends when the session or access ends',
    access: 'who sees the review',
  });
  app.get('/api/cohorts/:cohort/reviews/:review/events', async (c) => {
    const { m, request } = await load(c);
    const token = getCookie(c, SESSION_COOKIE);
    // Re-checked on every wake: a sign-out, a revoked session or a removed membership ends the stream.
    const allowed = async () => {
      if (c.var.accounts) {
        const s = token ? await review.sessionUser(hashToken(token)) : undefined;
        if (!s || s.user.id !== m.user.id) return false;
      }
      const role = m.user.admin ? 'instructor' : await review.roleIn(request.cohortId, m.user.id);
      const fresh = await review.request(request.cohortId, request.id);
      return !!role && !!fresh && canSee({ ...m, role }, fresh);
    };
    return liveReview(c, storage, request, allowed);
  });

  doc({
    method: 'get',
    path: '/api/cohorts/{cohort}/reviews/{review}/export.md',
    summary: 'The submitted revision with its threads as a review appendix (Markdown); reads only',
    access: 'who sees the review',
  });
  app.get('/api/cohorts/:cohort/reviews/:review/export.md', async (c) => {
    const { request } = await load(c);
    const e = await exportReview(storage, request);
    c.header('content-type', 'text/markdown; charset=utf-8');
    c.header('content-disposition', `attachment; filename="review-${request.id}.md"`);
    return c.body(reviewMarkdown(e));
  });

  doc({
    method: 'get',
    path: '/api/cohorts/{cohort}/reviews/{review}/export.json',
    summary: 'The submitted revision with its threads as W3C Web Annotations (quote and position selectors); reads only',
    access: 'who sees the review',
  });
  app.get('/api/cohorts/:cohort/reviews/:review/export.json', async (c) => {
    const { request } = await load(c);
    return c.json(reviewJson(await exportReview(storage, request)));
  });

  doc({
    method: 'get',
    path: '/api/cohorts/{cohort}/export.json',
    summary: 'Every review of the cohort with its threads (W3C Web Annotations)',
    access: 'instructor',
  });
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
    for (const { cohort, request } of await writerReviews(storage, user.id, id)) out.push({ cohort: { id: cohort.id, name: cohort.name }, review: await requestView(request, user.id) });
    return c.json({ reviews: out });
  });

  // The editor's side list: the writer's threads carried (in memory, not stored) from the
  // submitted revision to the one they are editing. Reviewers never see this draft.
  doc({
    method: 'get',
    path: '/api/artifacts/{id}/reviews/threads',
    summary: 'Your threads on one of your artifacts, in every cohort, carried to a revision of your draft (default: the head); not stored',
    access: 'the writer',
    query: { revision: 'a revision of the artifact (default: the head)' },
  });
  app.get('/api/artifacts/:id/reviews/threads', async (c) => {
    const id = c.req.param('id');
    const wanted = intQuery(c, 'revision');
    const head = await c.var.store.get(id);
    if (!head) throw new BadRequest('no such artifact', 404);
    const draft = wanted === undefined ? head.revision : await c.var.store.revision(id, wanted);
    if (!draft) throw new BadRequest(`no revision ${wanted} of this artifact`, 404);
    const out: DraftThreads = { revisionId: draft.id, reviews: [] };
    // The single-user workbench has no reviewers, so no threads: the editor asks all the same.
    if (!c.var.accounts) return c.json(out);
    const user = requireUser(c);
    for (const { cohort, request } of await writerReviews(storage, user.id, id)) {
      const page = await threadPage(storage, request, { limit: DRAFT_THREADS + 1 });
      const threads = page.slice(0, DRAFT_THREADS);
      const from = [...new Set(threads.map((t) => t.current.revisionId))].filter((r) => r !== draft.id);
      const texts = new Map((await c.var.store.texts(from.map((r) => ({ artifactId: id, revisionId: r })))).map((r) => [r.id, r.text]));
      const porters = new Map<number, ReturnType<typeof porter>>();
      const carriedThreads = threads.map((t) => {
        if (t.current.status === 'orphaned' || t.current.revisionId === draft.id) return t;
        const text = texts.get(t.current.revisionId);
        if (text === undefined) return t;
        const port = porters.get(t.current.revisionId) ?? porter(text, draft.text);
        porters.set(t.current.revisionId, port);
        const step = carried(t.origin.anchor, port(t.current.anchor));
        return { ...t, current: { revisionId: draft.id, status: step.status, now: step.now, anchor: step.anchor } };
      });
      out.reviews.push({
        cohort: { id: cohort.id, name: cohort.name },
        review: await requestView(request, user.id),
        threads: carriedThreads,
        truncated: page.length > DRAFT_THREADS,
      });
    }
    return c.json(out);
  });

  async function single(t: Thread): Promise<ThreadView> {
    const { comments, counts } = await review.commentsOf(t.cohortId, [t.id], INLINE_COMMENTS);
    const n = await namesOf(storage, [t.authorId, ...(comments.get(t.id) ?? []).map((x) => x.authorId)]);
    return threadView(t, comments.get(t.id) ?? [], counts.get(t.id) ?? 0, n);
  }

  return app;
}

/** The writer's review requests for one artifact, in every cohort they are in. */
async function writerReviews(storage: Storage, userId: string, artifactId: string) {
  const user = (await storage.review.users([userId]))[0];
  const out = [];
  for (const { cohort } of user ? await cohortsOf(storage, user) : []) {
    const request = await storage.review.requestFor(cohort.id, artifactId);
    if (request && request.learnerId === userId) out.push({ cohort, request });
  }
  return out;
}

/** A request as the API returns it; only its writer learns the draft's head revision. */
export async function reviewView(storage: Storage, request: ReviewRequest, viewerId: string): Promise<ReviewView> {
  const n = await namesOf(storage, [request.learnerId, request.reviewerId]);
  const found = await storage.as(request.learnerId).get(request.artifactId);
  return {
    ...request,
    learner: userView(n.get(request.learnerId), request.learnerId),
    reviewer: request.reviewerId ? userView(n.get(request.reviewerId), request.reviewerId) : null,
    turnLabel: turnLabel(request, n),
    artifact: found
      ? {
          id: found.artifact.id,
          title: found.artifact.title,
          kind: found.artifact.kind,
          ...(viewerId === request.learnerId ? { headRevisionId: found.revision.id } : {}),
        }
      : null,
    counts: await storage.review.threadCounts(request.cohortId, request.id),
  };
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

/** One page of a request's threads with their first comments. */
async function threadPage(storage: Storage, request: ReviewRequest, page: { after?: number; limit: number }): Promise<ThreadView[]> {
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

/**
 * A request with its submitted revision and every thread with every comment, as stored (an
 * export never writes: threads are carried forward when a revision is submitted).
 */
export async function exportReview(storage: Storage, request: ReviewRequest): Promise<ReviewExport> {
  const review = storage.review;
  const store = storage.as(request.learnerId);
  const found = await store.get(request.artifactId);
  const revision = await store.revision(request.artifactId, request.revisionId);
  if (!found || !revision) throw new BadRequest('the artifact of this review is gone', 404);
  const threads: ThreadView[] = [];
  for (let after: number | undefined; ; ) {
    const page = await threadPage(storage, request, { ...(after !== undefined ? { after } : {}), limit: 500 });
    threads.push(...page);
    if (page.length < 500) break;
    after = (page[page.length - 1] as ThreadView).id;
  }
  for (const t of threads) {
    // The rest of a long thread, page by page.
    for (let after = t.comments[t.comments.length - 1]?.id; t.comments.length < t.commentCount && after !== undefined; after = t.comments[t.comments.length - 1]?.id) {
      const more = await review.comments(request.cohortId, t.id, { after, limit: 500 });
      if (more.length === 0) break;
      const n = await namesOf(
        storage,
        more.map((x) => x.authorId),
      );
      t.comments.push(...more.map((x) => commentView(x, n)));
    }
  }
  const n = await namesOf(storage, [request.learnerId, request.reviewerId]);
  const cohort = await review.cohort(request.cohortId);
  const ids = [...new Set([revision.id, ...threads.flatMap((t) => [t.origin.revisionId, t.current.revisionId])])].filter((id) => id !== revision.id);
  const texts = new Map([[revision.id, revision.text], ...(await store.texts(ids.map((id) => ({ artifactId: request.artifactId, revisionId: id })))).map((r) => [r.id, r.text] as const)]);
  return {
    artifact: { id: found.artifact.id, title: found.artifact.title },
    revision: { id: revision.id, text: revision.text },
    request: {
      id: request.id,
      cohort: { id: request.cohortId, name: cohort?.name ?? '' },
      learner: userView(n.get(request.learnerId), request.learnerId).username,
      reviewer: request.reviewerId ? userView(n.get(request.reviewerId), request.reviewerId).username : null,
      submittedRevision: request.revisionId,
      turn: turnLabel(request, n),
    },
    threads,
    texts,
  };
}
