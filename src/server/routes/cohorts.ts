// Cohorts: created for a module by an instructor (or the admin), joined through single-use
// invite links (only the token's hash is stored, and it expires), and the instructor's view of
// every learner's completion standard, artifacts, follow-through and mistake map.
import { Hono } from 'hono';
import { builtinModules, type CourseModule } from '../../core/index.ts';
import { hashPassword, hashToken, newId, newToken, startSession, validateCredentials, type AuthEnv } from '../auth/accounts.ts';
import { member, onError, requireUser } from '../auth/access.ts';
import type { CheckPool } from '../checker/pool.ts';
import type { Item, TaskResult } from '../checker/tasks.ts';
import { findingsOf } from '../review/service.ts';
import { followThrough, mistakeMap } from '../review/metrics.ts';
import type { Cohort, User } from '../storage/review.ts';
import type { ArtifactSummary, Storage } from '../storage/types.ts';
import { AcceptInviteBody, BadRequest, body, CreateCohortBody, doc, intQuery, InviteBody, MemberBody } from './schemas.ts';

export const COHORT_ID = /^c-[a-z2-9]{12}$/;
export const INVITE_HOURS = 72;

/** The modules a cohort may be for: those the workbench serves. */
export const moduleOf = (id: string): CourseModule | undefined => builtinModules.find((m) => m.id === id);

export function cohortParam(id: string): string {
  if (!COHORT_ID.test(id)) throw new BadRequest('no such cohort', 404);
  return id;
}

/** A learner's portfolio (artifacts with finding counts, and the completion standard), on the check pool. */
export async function portfolioOf(storage: Storage, pool: CheckPool, owner: string, list: ArtifactSummary[]) {
  const items: Item[] = list.map((artifact) => ({ key: `${artifact.id}@${artifact.head.id}`, artifact }));
  let texts: Record<string, string> = {};
  for (;;) {
    const r = await pool.heavy(owner, { type: 'portfolio', items, texts });
    if (r.type === 'portfolio') return r as Extract<TaskResult, { type: 'portfolio' }>;
    if (r.type !== 'missing') throw new Error('unexpected check result');
    const keys = r.keys.map((k) => ({ artifactId: k.slice(0, k.lastIndexOf('@')), revisionId: Number(k.slice(k.lastIndexOf('@') + 1)) }));
    const found = await storage.as(owner).texts(keys);
    if (found.length < keys.length) throw new Error('a revision to check is missing from the database');
    texts = Object.fromEntries(found.map((x) => [`${x.artifactId}@${x.id}`, x.text]));
  }
}

export function cohortRoutes(storage: Storage, pool: CheckPool): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.onError(onError);
  const review = storage.review;
  const names = async (ids: string[]) => new Map((await review.users(ids)).map((u) => [u.id, u]));
  const userNamed = async (username: string): Promise<User> => {
    const u = await review.userByName(username.trim().toLowerCase());
    if (!u) throw new BadRequest(`no account named "${username}"`, 422);
    return { id: u.id, username: u.username, admin: u.admin, createdAt: u.createdAt };
  };

  doc({ method: 'get', path: '/api/cohorts', summary: 'Your cohorts and your role in each (the admin: every cohort)', access: 'signed-in' });
  app.get('/api/cohorts', async (c) => {
    const user = requireUser(c);
    const list = user.admin ? (await review.allCohorts()).map((cohort) => ({ cohort, role: 'instructor' as const })) : await review.memberships(user.id);
    return c.json({ cohorts: list.map(({ cohort, role }) => ({ ...cohort, role })) });
  });

  doc({ method: 'post', path: '/api/cohorts', summary: 'Create a cohort for a module; you (or the instructor named) become its instructor', access: 'admin, or an instructor of any cohort', body: CreateCohortBody });
  app.post('/api/cohorts', async (c) => {
    const user = requireUser(c);
    const b = await body(c, CreateCohortBody);
    if (!user.admin && !(await review.memberships(user.id)).some((m) => m.role === 'instructor')) throw new BadRequest('only the admin or an instructor may create a cohort', 403);
    if (!moduleOf(b.module)) throw new BadRequest(`unknown module "${b.module}"; this workbench serves ${builtinModules.map((m) => m.id).join(', ')}`, 422);
    const instructor = b.instructor ? await userNamed(b.instructor) : user;
    if (b.instructor && !user.admin && instructor.id !== user.id) throw new BadRequest('only the admin may name another instructor', 403);
    const cohort = await review.createCohort({ id: newId('c'), name: b.name, moduleId: b.module, createdBy: user.id, instructorId: instructor.id });
    return c.json({ cohort }, 201);
  });

  doc({ method: 'get', path: '/api/cohorts/{cohort}', summary: 'The cohort, your role, and its members (a learner sees the reviewers and instructors, and themself)', access: 'learner, reviewer, instructor' });
  app.get('/api/cohorts/:cohort', async (c) => {
    const m = await member(c, storage, cohortParam(c.req.param('cohort')));
    const cohort = (await review.cohort(m.cohortId)) as Cohort;
    let members = await review.members(m.cohortId);
    if (m.role === 'learner') members = members.filter((x) => x.role !== 'learner' || x.userId === m.user.id);
    const n = await names(members.map((x) => x.userId));
    const module = moduleOf(cohort.moduleId);
    return c.json({
      cohort,
      module: module ? { id: module.id, title: module.title, criteria: module.completion.map((k) => ({ id: k.id, description: k.description })) } : null,
      role: m.role,
      members: members.map((x) => ({ id: x.userId, username: n.get(x.userId)?.username ?? '(removed account)', role: x.role })),
    });
  });

  doc({ method: 'post', path: '/api/cohorts/{cohort}/members', summary: 'Add an existing account to the cohort, or change its role', access: 'instructor', body: MemberBody });
  app.post('/api/cohorts/:cohort/members', async (c) => {
    const m = await member(c, storage, cohortParam(c.req.param('cohort')), ['instructor']);
    const b = await body(c, MemberBody);
    const u = await userNamed(b.username);
    await review.setMember(m.cohortId, u.id, b.role);
    return c.json({ member: { id: u.id, username: u.username, role: b.role } });
  });

  doc({ method: 'post', path: '/api/cohorts/{cohort}/invites', summary: 'A single-use invite link for a role; it expires (default 72 h). The link is shown once', access: 'instructor', body: InviteBody });
  app.post('/api/cohorts/:cohort/invites', async (c) => {
    const m = await member(c, storage, cohortParam(c.req.param('cohort')), ['instructor']);
    const b = await body(c, InviteBody);
    const token = newToken();
    const expiresAt = new Date(Date.now() + (b.hours ?? INVITE_HOURS) * 3_600_000).toISOString();
    await review.createInvite({ tokenHash: hashToken(token), cohortId: m.cohortId, role: b.role, createdBy: m.user.id, expiresAt });
    const origin = new URL(c.req.url).origin;
    return c.json({ url: `${origin}/invite/${token}`, token, role: b.role, expiresAt }, 201);
  });

  doc({ method: 'get', path: '/api/invites/{token}', summary: 'What an invite is for, and whether it still works', access: 'public' });
  app.get('/api/invites/:token', async (c) => {
    const inv = await review.invite(hashToken(c.req.param('token')));
    if (!inv) throw new BadRequest('no such invite; ask your instructor for a new link', 404);
    return c.json({ cohort: { id: inv.cohort.id, name: inv.cohort.name, moduleId: inv.cohort.moduleId }, role: inv.role, usable: inv.usable, expiresAt: inv.expiresAt, signedIn: c.var.user ? c.var.user.username : null });
  });

  doc({ method: 'post', path: '/api/invites/{token}/accept', summary: 'Use an invite: join as the signed-in user, or create an account with the username and password given', access: 'public', body: AcceptInviteBody });
  app.post('/api/invites/:token/accept', async (c) => {
    requireAccountsOn(c.var.accounts);
    const b = await body(c, AcceptInviteBody);
    const tokenHash = hashToken(c.req.param('token'));
    const gone = () => new BadRequest('this invite link was already used or has expired; ask your instructor for a new one', 410);
    const inv = await review.invite(tokenHash);
    if (!inv) throw new BadRequest('no such invite; ask your instructor for a new link', 404);
    if (!inv.usable) throw gone();
    const signedIn = c.var.user;
    if (signedIn) {
      const joined = await review.useInvite(tokenHash, signedIn.id);
      if (!joined) throw gone();
      return c.json({ user: signedIn, cohortId: joined.cohortId, role: joined.role });
    }
    if (!('username' in b)) throw new BadRequest('sign in first, or give a username and password to create your account', 401);
    const problem = validateCredentials(b.username, b.password);
    if (problem) throw new BadRequest(problem, 422);
    if (await review.userByName(b.username)) throw new BadRequest('that username is taken; sign in first if it is yours', 409);
    // The account and the invite's use commit together: a link used meanwhile creates no account.
    const id = newId('u');
    let joined;
    try {
      joined = await review.useInvite(tokenHash, id, { username: b.username, passwordHash: await hashPassword(b.password) });
    } catch (e) {
      if (/UNIQUE|duplicate key/i.test(String((e as Error)?.message))) throw new BadRequest('that username is taken', 409);
      throw e;
    }
    if (!joined) throw gone();
    const user = (await review.users([id]))[0] as User;
    await startSession(c, storage, user);
    return c.json({ user, cohortId: joined.cohortId, role: joined.role });
  });

  doc({ method: 'get', path: '/api/cohorts/{cohort}/overview', summary: "Every learner's completion standard, artifacts and follow-through, the cohort's numbers and its mistake map. Paged by learner", access: 'instructor', query: { limit: 'learners per page (default 50, at most 200)', offset: 'learners to skip' } });
  app.get('/api/cohorts/:cohort/overview', async (c) => {
    const m = await member(c, storage, cohortParam(c.req.param('cohort')), ['instructor']);
    const limit = intQuery(c, 'limit', 200) ?? 50;
    const offset = intQuery(c, 'offset') ?? 0;
    const cohort = (await review.cohort(m.cohortId)) as Cohort;
    const module = moduleOf(cohort.moduleId) ?? (builtinModules[0] as CourseModule);
    const allLearners = (await review.members(m.cohortId)).filter((x) => x.role === 'learner');
    const learners = allLearners.slice(offset, offset + limit);
    const n = await names(allLearners.map((x) => x.userId));
    const threads = await review.cohortThreads(m.cohortId);
    const rows = [];
    for (const l of learners) {
      const list = await storage.as(l.userId).list();
      const p = await portfolioOf(storage, pool, l.userId, list);
      rows.push({
        learner: { id: l.userId, username: n.get(l.userId)?.username ?? '(removed account)' },
        pass: p.progress.pass,
        criteria: p.progress.criteria.map((k) => ({ id: k.id, description: k.description, count: k.count, needed: k.needed, pass: k.pass })),
        artifacts: p.artifacts.map((a) => ({ id: a.id, title: a.title, kind: a.kind, updatedAt: a.updatedAt, errorCount: a.errorCount, warningCount: a.warningCount })),
        followThrough: followThrough(threads.filter((t) => t.learnerId === l.userId)),
      });
    }
    // The mistake map over the whole cohort (every learner's heads), not just this page.
    const heads = await storage.cohort(
      allLearners.map((x) => x.userId),
      { limit: 5000 },
    );
    const byOwner = new Map<string, typeof heads>();
    for (const h of heads) byOwner.set(h.owner, [...(byOwner.get(h.owner) ?? []), h]);
    const mapArtifacts = [];
    for (const [owner, list] of byOwner) {
      for (const r of await storage.as(owner).texts(list.map((h) => ({ artifactId: h.id, revisionId: h.head.id })))) {
        mapArtifacts.push({ artifactId: r.artifactId, kind: list.find((h) => h.id === r.artifactId)?.kind ?? null, text: r.text, diagnostics: findingsOf(r) });
      }
    }
    return c.json({
      cohort,
      learners: rows,
      page: { offset, limit, total: allLearners.length },
      followThrough: followThrough(threads),
      mistakeMap: mistakeMap(module, mapArtifacts, threads),
    });
  });

  return app;
}

function requireAccountsOn(on: boolean): void {
  if (!on) throw new BadRequest('accounts are off on this workbench', 403);
}
