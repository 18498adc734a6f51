// Cohorts: created for a module by an instructor (or the admin), joined through single-use
// invite links (only the token's hash is stored, and it expires), and the instructor's view of
// what each learner submitted to the cohort: the completion standard over it, follow-through and
// the mistake map. An instructor sees only what was submitted to their cohort, never a learner's
// other artifacts; accounts join only by accepting an invite (the admin may add one directly).
import { Hono } from 'hono';
import { builtinModules, type CourseModule } from '../../core/index.ts';
import type { Role } from '../../core/review/api-types.ts';
import { hashPassword, hashToken, newId, newToken, startSession, validateCredentials, type AuthEnv } from '../auth/accounts.ts';
import { cohortsOf, member, requireUser, type Membership } from '../auth/access.ts';
import type { CheckPool } from '../checker/pool.ts';
import { followThrough, mistakeMap, type MapArtifact } from '../review/metrics.ts';
import { checked, findingsOf, itemsFor, namesOf, userView } from '../review/service.ts';
import type { Cohort, ReviewRequest, Thread, User } from '../storage/review.ts';
import type { Storage } from '../storage/types.ts';
import { AcceptInviteBody, BadRequest, body, CreateCohortBody, doc, InviteBody, MemberBody, pageQuery } from './schemas.ts';

export const COHORT_ID = /^c-[a-z2-9]{12}$/;
export const INVITE_HOURS = 72;
/** The overview's mistake map reads at most this many submitted artifacts, and this many threads: beyond, it says so. */
export const OVERVIEW_REQUESTS = 2000;
export const OVERVIEW_THREADS = 20_000;

/** The modules a cohort may be for: the built-in ones (every folder in modules/) and those given with serve --module. */
export type Modules = ReadonlyMap<string, CourseModule>;

export function moduleList(extra: CourseModule[]): Modules {
  const out = new Map(builtinModules.map((m) => [m.id, m]));
  for (const m of extra) {
    if (out.has(m.id)) throw new Error(`module "${m.id}" is served twice (built in, or two --module files with that id)`);
    out.set(m.id, m);
  }
  return out;
}

/** The module a cohort is for, to check against; one this server does not serve (started without its --module) cannot be. */
export function moduleOf(modules: Modules, cohort: Cohort): CourseModule {
  const module = modules.get(cohort.moduleId);
  if (!module) throw new BadRequest(`this cohort is for the module "${cohort.moduleId}", which this workbench does not serve now; restart it with --module FILE for that module`, 409);
  return module;
}

export function cohortParam(id: string): string {
  if (!COHORT_ID.test(id)) throw new BadRequest('no such cohort', 404);
  return id;
}

/** Every review request of a cohort (or one learner's), up to `cap`, and whether there were more. */
export async function allRequests(storage: Storage, cohortId: string, cap: number, learnerId?: string): Promise<{ list: ReviewRequest[]; truncated: boolean }> {
  const list: ReviewRequest[] = [];
  for (let offset = 0; list.length < cap; offset += 200) {
    const got = await storage.review.requests(cohortId, { ...(learnerId ? { learnerId } : {}), limit: 200, offset });
    list.push(...got);
    if (got.length < 200) return { list: list.slice(0, cap), truncated: list.length > cap };
  }
  return { list: list.slice(0, cap), truncated: true };
}

export function cohortRoutes(storage: Storage, pool: CheckPool, modules: Modules): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const review = storage.review;
  /** A member of the cohort by username; the same 404 whether or not such an account exists elsewhere. */
  const memberNamed = async (m: Membership, username: string): Promise<{ user: User; role: Role }> => {
    const u = await review.userByName(username.trim().toLowerCase());
    const role = u ? await review.roleIn(m.cohortId, u.id) : undefined;
    if (!u || !role) throw new BadRequest(`no member named "${username}" in this cohort; people join with an invite link`, 404);
    return { user: { id: u.id, username: u.username, admin: u.admin, createdAt: u.createdAt }, role };
  };
  /** Who may change a member: instructors change learners and reviewers, and themselves; another instructor only the admin. */
  const mayChange = (m: Membership, target: { user: User; role: Role }) => {
    if (target.role === 'instructor' && target.user.id !== m.user.id && !m.user.admin) throw new BadRequest("only the admin changes another instructor's membership", 403);
  };
  const changed = (result: 'ok' | 'not-member' | 'last-instructor') => {
    if (result === 'last-instructor') throw new BadRequest('a cohort keeps at least one instructor: make someone else an instructor first', 409);
    if (result === 'not-member') throw new BadRequest('no such member in this cohort', 404);
  };

  doc({ method: 'get', path: '/api/modules', summary: 'The course modules this workbench serves (a cohort is for one of them)', access: 'public' });
  app.get('/api/modules', (c) => c.json({ modules: [...modules.values()].map((m) => ({ id: m.id, title: m.title })) }));

  doc({ method: 'get', path: '/api/cohorts', summary: 'Your cohorts and your role in each (the admin: every cohort)', access: 'signed-in' });
  app.get('/api/cohorts', async (c) => {
    const user = requireUser(c);
    return c.json({ cohorts: (await cohortsOf(storage, user)).map(({ cohort, role }) => ({ ...cohort, role })) });
  });

  doc({
    method: 'post',
    path: '/api/cohorts',
    summary: 'Create a cohort for a module; you (or the instructor named) become its instructor',
    access: 'admin, or an instructor of any cohort',
    body: CreateCohortBody,
  });
  app.post('/api/cohorts', async (c) => {
    const user = requireUser(c);
    const b = await body(c, CreateCohortBody);
    if (!user.admin && !(await review.memberships(user.id)).some((m) => m.role === 'instructor')) throw new BadRequest('only the admin or an instructor may create a cohort', 403);
    if (!modules.has(b.module)) throw new BadRequest(`unknown module "${b.module}"; this workbench serves ${[...modules.keys()].join(', ')}`, 422);
    if (b.instructor && !user.admin) throw new BadRequest('only the admin may name another instructor', 403);
    let instructor: { id: string } = user;
    if (b.instructor) {
      const u = await review.userByName(b.instructor.trim().toLowerCase());
      if (!u) throw new BadRequest(`no account named "${b.instructor}"`, 422);
      instructor = u;
    }
    const cohort = await review.createCohort({ id: newId('c'), name: b.name, moduleId: b.module, createdBy: user.id, instructorId: instructor.id });
    return c.json({ cohort }, 201);
  });

  doc({
    method: 'get',
    path: '/api/cohorts/{cohort}',
    summary: 'The cohort, your role, and its members, paged (a learner sees the reviewers and instructors, and themself)',
    access: 'learner, reviewer, instructor',
    query: { limit: 'members per page (default 50, at most 200)', offset: 'members to skip' },
  });
  app.get('/api/cohorts/:cohort', async (c) => {
    const m = await member(c, storage, cohortParam(c.req.param('cohort')));
    const { limit, offset } = pageQuery(c);
    const cohort = (await review.cohort(m.cohortId)) as Cohort;
    const counts = await review.memberCounts(m.cohortId);
    // A learner's list: the staff, then themself (other learners are not theirs to see).
    let members;
    let total;
    if (m.role === 'learner') {
      const staff = [...(await review.members(m.cohortId, { role: 'instructor', limit: 200 })), ...(await review.members(m.cohortId, { role: 'reviewer', limit: 200 }))];
      const all = [...staff, { userId: m.user.id, role: 'learner' as const, createdAt: '' }];
      members = all.slice(offset, offset + limit);
      total = all.length;
    } else {
      members = await review.members(m.cohortId, { limit, offset });
      total = counts.learner + counts.reviewer + counts.instructor;
    }
    const n = await namesOf(
      storage,
      members.map((x) => x.userId),
    );
    const module = modules.get(cohort.moduleId);
    return c.json({
      cohort,
      module: module ? { id: module.id, title: module.title, criteria: module.completion.map((k) => ({ id: k.id, description: k.description })) } : null,
      role: m.role,
      members: members.map((x) => ({ ...userView(n.get(x.userId), x.userId), role: x.role })),
      page: { offset, limit, total },
    });
  });

  doc({
    method: 'post',
    path: '/api/cohorts/{cohort}/members',
    summary: "Change a member's role; the admin may also add an existing account. Everyone else joins by accepting an invite",
    access: 'instructor (another instructor: the admin)',
    body: MemberBody,
  });
  app.post('/api/cohorts/:cohort/members', async (c) => {
    const m = await member(c, storage, cohortParam(c.req.param('cohort')), ['instructor']);
    const b = await body(c, MemberBody);
    const u = await review.userByName(b.username.trim().toLowerCase());
    if (m.user.admin && u && !(await review.roleIn(m.cohortId, u.id))) {
      await review.addMember(m.cohortId, u.id, b.role);
      return c.json({ member: { id: u.id, username: u.username, role: b.role } }, 201);
    }
    const target = await memberNamed(m, b.username);
    mayChange(m, target);
    changed(await review.changeMember(m.cohortId, target.user.id, b.role));
    return c.json({ member: { id: target.user.id, username: target.user.username, role: b.role } });
  });

  doc({
    method: 'delete',
    path: '/api/cohorts/{cohort}/members/{username}',
    summary: 'Remove a member from the cohort (their artifacts stay theirs; their threads and reviews stay in the cohort)',
    access: 'instructor (another instructor: the admin)',
  });
  app.delete('/api/cohorts/:cohort/members/:username', async (c) => {
    const m = await member(c, storage, cohortParam(c.req.param('cohort')), ['instructor']);
    const target = await memberNamed(m, c.req.param('username'));
    mayChange(m, target);
    changed(await review.changeMember(m.cohortId, target.user.id, null));
    return c.json({ removed: { id: target.user.id, username: target.user.username } });
  });

  doc({
    method: 'post',
    path: '/api/cohorts/{cohort}/invites',
    summary: 'A single-use invite link for a role; it expires (default 72 h). The link is shown once',
    access: 'instructor',
    body: InviteBody,
  });
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
    return c.json({
      cohort: { id: inv.cohort.id, name: inv.cohort.name, moduleId: inv.cohort.moduleId },
      role: inv.role,
      usable: inv.usable,
      expiresAt: inv.expiresAt,
      signedIn: c.var.user ? c.var.user.username : null,
    });
  });

  doc({
    method: 'post',
    path: '/api/invites/{token}/accept',
    summary: 'Use an invite: join as the signed-in user, or create an account with the username and password given. Never changes an existing membership',
    access: 'public',
    body: AcceptInviteBody,
  });
  app.post('/api/invites/:token/accept', async (c) => {
    if (!c.var.accounts) throw new BadRequest('accounts are off on this workbench', 403);
    const b = await body(c, AcceptInviteBody);
    const tokenHash = hashToken(c.req.param('token'));
    const inv = await review.invite(tokenHash);
    if (!inv) throw new BadRequest('no such invite; ask your instructor for a new link', 404);
    const refused = (r: Awaited<ReturnType<typeof review.useInvite>>) => {
      if (r === 'gone') return new BadRequest('this invite link was already used or has expired; ask your instructor for a new one', 410);
      if ('member' in r) return new BadRequest(`you are already in this cohort as ${r.member === 'instructor' ? 'an' : 'a'} ${r.member}; an invite never changes a role (the link is still unused)`, 409);
      return undefined;
    };
    if (!inv.usable) throw refused('gone');
    const signedIn = c.var.user;
    if (signedIn) {
      const joined = await review.useInvite(tokenHash, signedIn.id);
      const no = refused(joined);
      if (no || typeof joined !== 'object' || !('cohortId' in joined)) throw no;
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
    const no = refused(joined);
    if (no || typeof joined !== 'object' || !('cohortId' in joined)) throw no;
    const user = (await review.users([id]))[0] as User;
    await startSession(c, storage, user);
    return c.json({ user, cohortId: joined.cohortId, role: joined.role });
  });

  doc({
    method: 'get',
    path: '/api/cohorts/{cohort}/overview',
    summary: "Per learner, what they submitted to this cohort: the completion standard over it, finding counts and follow-through; the cohort's numbers and its mistake map (over every submitted revision). Paged by learner",
    access: 'instructor',
    query: { limit: 'learners per page (default 50, at most 200)', offset: 'learners to skip' },
  });
  app.get('/api/cohorts/:cohort/overview', async (c) => {
    const m = await member(c, storage, cohortParam(c.req.param('cohort')), ['instructor']);
    const { limit, offset } = pageQuery(c);
    const cohort = (await review.cohort(m.cohortId)) as Cohort;
    const module = moduleOf(modules, cohort);
    const learners = await review.members(m.cohortId, { role: 'learner', limit, offset });
    const total = (await review.memberCounts(m.cohortId)).learner;
    const n = await namesOf(
      storage,
      learners.map((x) => x.userId),
    );
    const threads: Thread[] = [];
    let threadsTruncated = false;
    for (let after: number | undefined; ; ) {
      const got = await review.cohortThreads(m.cohortId, { ...(after !== undefined ? { after } : {}), limit: 1000 });
      threads.push(...got);
      if (got.length < 1000) break;
      if (threads.length >= OVERVIEW_THREADS) {
        threadsTruncated = true;
        break;
      }
      after = (got[got.length - 1] as Thread).id;
    }
    const rows = [];
    for (const l of learners) {
      const { list } = await allRequests(storage, m.cohortId, 200, l.userId);
      const items = await itemsFor(
        storage,
        l.userId,
        list.map((r) => ({ artifactId: r.artifactId, id: r.revisionId })),
      );
      const p = items.length ? await checked(storage, pool, l.userId, 'portfolio', module.id, items) : undefined;
      rows.push({
        learner: userView(n.get(l.userId), l.userId),
        pass: p?.progress.pass ?? false,
        criteria: (p?.progress.criteria ?? []).map((k) => ({ id: k.id, description: k.description, count: k.count, needed: k.needed, pass: k.pass })),
        artifacts: (p?.artifacts ?? []).map((a) => ({
          id: a.id,
          title: a.title,
          kind: a.kind,
          revisionId: list.find((r) => r.artifactId === a.id)?.revisionId ?? null,
          errorCount: a.errorCount,
          warningCount: a.warningCount,
        })),
        followThrough: followThrough(threads.filter((t) => t.learnerId === l.userId)),
      });
    }
    // The mistake map over the whole cohort's submitted revisions, not just this page's learners.
    const { list: submitted, truncated: requestsTruncated } = await allRequests(storage, m.cohortId, OVERVIEW_REQUESTS);
    const byOwner = new Map<string, ReviewRequest[]>();
    for (const r of submitted) byOwner.set(r.learnerId, [...(byOwner.get(r.learnerId) ?? []), r]);
    const mapArtifacts: MapArtifact[] = [];
    for (const [owner, list] of byOwner) {
      const revisions = list.map((r) => ({ artifactId: r.artifactId, id: r.revisionId }));
      const { findings, kinds } = await findingsOf(storage, pool, owner, module.id, revisions);
      for (const r of await storage.as(owner).texts(revisions.map((x) => ({ artifactId: x.artifactId, revisionId: x.id })))) {
        const key = `${r.artifactId}@${r.id}`;
        // The kind the cohort's module reads in the submitted revision (the stored kind is the workbench's, of the head).
        mapArtifacts.push({ artifactId: r.artifactId, kind: kinds.get(key) ?? null, text: r.text, diagnostics: findings.get(key) ?? [] });
      }
    }
    return c.json({
      cohort,
      learners: rows,
      page: { offset, limit, total },
      followThrough: followThrough(threads),
      mistakeMap: mistakeMap(module, mapArtifacts, threads),
      truncated: { requests: requestsTruncated, threads: threadsTruncated },
    });
  });

  return app;
}
