// Who may do what, in one place: every account, cohort and review route asks here. Roles are
// per cohort (learner, reviewer, instructor); the admin manages accounts and acts as an
// instructor in every cohort. A user outside a cohort gets a 403 for everything in it.
import type { Context } from 'hono';
import type { Storage } from '../storage/types.ts';
import { LimitError, type Cohort, type ReviewRequest, type Role, type User } from '../storage/review.ts';
import { BadRequest } from '../routes/schemas.ts';
import type { AuthEnv } from './accounts.ts';

export type Ctx = Context<AuthEnv>;

/** The signed-in user; a 403 while accounts are off (the single-user workbench has no cohorts). */
export function requireUser(c: Ctx): User {
  if (!c.var.accounts) throw new BadRequest('accounts are off: this is the single-user workbench; create the first account with `staffwork admin create-user --admin` or at /setup', 403);
  const user = c.var.user;
  if (!user) throw new BadRequest('sign in first (POST /api/auth/login)', 401);
  return user;
}

export function requireAdmin(c: Ctx): User {
  const user = requireUser(c);
  if (!user.admin) throw new BadRequest('only the admin may do this', 403);
  return user;
}

export interface Membership {
  user: User;
  cohortId: string;
  /** The admin counts as an instructor. */
  role: Role;
}

export async function member(c: Ctx, storage: Storage, cohortId: string, allowed?: Role[]): Promise<Membership> {
  const user = requireUser(c);
  const role = user.admin ? 'instructor' : await storage.review.roleIn(cohortId, user.id);
  if (!role || (user.admin && !(await storage.review.cohort(cohortId)))) throw new BadRequest(user.admin ? 'no such cohort' : 'you are not a member of this cohort', user.admin ? 404 : 403);
  if (allowed && !allowed.includes(role)) throw new BadRequest(`only ${allowed.map((r) => `${r}s`).join(' and ')} of the cohort may do this (you are a ${role})`, 403);
  return { user, cohortId, role };
}

/** Who sees a review request: its writer, the reviewer asked (any reviewer when none was), instructors. */
export function canSee(m: Membership, r: ReviewRequest): boolean {
  if (m.role === 'instructor') return true;
  if (m.role === 'learner') return r.learnerId === m.user.id;
  return r.reviewerId === null || r.reviewerId === m.user.id;
}

/** Who opens threads and resolves them: the reviewer(s) who see it, and instructors. */
export function canReview(m: Membership, r: ReviewRequest): boolean {
  return m.role !== 'learner' && canSee(m, r) && r.learnerId !== m.user.id;
}

/** The cohorts a user is in, with their role in each (the admin: every cohort, as an instructor). */
export async function cohortsOf(storage: Storage, user: User): Promise<{ cohort: Cohort; role: Role }[]> {
  return user.admin ? (await storage.review.allCohorts()).map((cohort) => ({ cohort, role: 'instructor' as const })) : storage.review.memberships(user.id);
}

/** A storage limit (too many threads or comments) as the 409 it is. */
export async function withinLimits<T>(run: Promise<T>): Promise<T> {
  try {
    return await run;
  } catch (e) {
    if (e instanceof LimitError) throw new BadRequest(e.message, 409);
    throw e;
  }
}
