// Sign-in, sign-out, sessions, the first-run page's account, and the admin's user list.
import { Hono } from 'hono';
import { burnTime, checkPassword, clientAddress, endSession, hashPassword, LoginLimiter, newId, startSession, validateCredentials, type AuthEnv } from '../auth/accounts.ts';
import { onError, requireAdmin, requireUser } from '../auth/access.ts';
import type { Storage } from '../storage/types.ts';
import { BadRequest, body, CreateUserBody, Credentials, doc } from './schemas.ts';

const loopbackAddress = (a: string) => a === '::1' || /^(::ffff:)?127\./.test(a);

export function authRoutes(storage: Storage, limiter = new LoginLimiter()): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.onError(onError);
  const review = storage.review;

  doc({ method: 'get', path: '/api/auth/state', summary: 'Whether accounts are on, who is signed in, and whether the first-run page may create the admin', access: 'public' });
  app.get('/api/auth/state', async (c) => {
    const accounts = await review.hasUsers();
    return c.json({ accounts, user: c.var.user, setupAvailable: !accounts && loopbackAddress(clientAddress(c)) });
  });

  // The first-run page: on loopback, while there is no account, the first one is the admin and
  // takes over the single-user workbench's artifacts.
  doc({ method: 'post', path: '/api/auth/setup', summary: 'Create the first account (the admin) from the machine itself; turns accounts on', access: 'public, loopback only, before any account exists', body: Credentials });
  app.post('/api/auth/setup', async (c) => {
    const { username, password } = await body(c, Credentials);
    if (!loopbackAddress(clientAddress(c))) throw new BadRequest('the first account can only be created from this machine (loopback), or with `staffwork admin create-user --admin`', 403);
    if (await review.hasUsers()) throw new BadRequest('accounts are already on; sign in instead', 409);
    const problem = validateCredentials(username, password);
    if (problem) throw new BadRequest(problem, 422);
    const user = await review.createUser({ id: newId('u'), username, passwordHash: await hashPassword(password), admin: true, adoptLocal: true });
    if (!user) throw new BadRequest('that username is taken', 409);
    await startSession(c, storage, user);
    return c.json({ user }, 201);
  });

  doc({ method: 'post', path: '/api/auth/login', summary: 'Sign in; sets the HttpOnly session cookie. Rate limited per username and per address', access: 'public', body: Credentials });
  app.post('/api/auth/login', async (c) => {
    const { username, password } = await body(c, Credentials);
    const name = username.trim().toLowerCase();
    const address = clientAddress(c);
    const wait = limiter.blocked(name, address);
    if (wait > 0) {
      c.header('retry-after', String(wait));
      throw new BadRequest(`too many failed sign-ins; try again in ${Math.ceil(wait / 60)} minute(s)`, 429);
    }
    const found = await review.userByName(name);
    const ok = found && !found.disabled ? await checkPassword(found.passwordHash, password) : (await burnTime(password), false);
    if (!ok || !found) {
      limiter.fail(name, address);
      throw new BadRequest('wrong username or password', 401);
    }
    limiter.succeed(name);
    const { passwordHash: _, disabled: __, ...user } = found;
    await startSession(c, storage, user);
    return c.json({ user });
  });

  doc({ method: 'post', path: '/api/auth/logout', summary: 'Sign out: revokes this session', access: 'signed-in' });
  app.post('/api/auth/logout', async (c) => {
    const user = requireUser(c);
    await endSession(c, storage, user.id);
    return c.json({ ok: true });
  });

  doc({ method: 'get', path: '/api/auth/me', summary: 'The signed-in user and their cohorts with their role in each', access: 'signed-in' });
  app.get('/api/auth/me', async (c) => {
    const user = requireUser(c);
    const memberships = user.admin ? (await review.allCohorts()).map((cohort) => ({ cohort, role: 'instructor' as const })) : await review.memberships(user.id);
    return c.json({ user, memberships });
  });

  doc({ method: 'get', path: '/api/auth/sessions', summary: "The signed-in user's open sessions", access: 'signed-in' });
  app.get('/api/auth/sessions', async (c) => {
    const user = requireUser(c);
    const current = c.var.sessionId?.slice(0, 16);
    return c.json({ sessions: (await review.sessions(user.id)).map((s) => ({ ...s, current: s.id === current })) });
  });

  doc({ method: 'delete', path: '/api/auth/sessions/{id}', summary: 'Revoke one of your sessions (or all: id "all")', access: 'signed-in' });
  app.delete('/api/auth/sessions/:id', async (c) => {
    const user = requireUser(c);
    const id = c.req.param('id');
    if (id !== 'all' && !/^[0-9a-f]{16}$/.test(id)) throw new BadRequest('a session id is 16 hex digits (from GET /api/auth/sessions), or "all"');
    const revoked = await review.revokeSessions(user.id, id === 'all' ? undefined : id);
    if (revoked === 0) throw new BadRequest('no such session', 404);
    return c.json({ revoked });
  });

  doc({ method: 'get', path: '/api/admin/users', summary: 'Every account', access: 'admin' });
  app.get('/api/admin/users', async (c) => {
    requireAdmin(c);
    return c.json({ users: await review.users() });
  });

  doc({ method: 'post', path: '/api/admin/users', summary: 'Create an account', access: 'admin', body: CreateUserBody });
  app.post('/api/admin/users', async (c) => {
    requireAdmin(c);
    const b = await body(c, CreateUserBody);
    const problem = validateCredentials(b.username, b.password);
    if (problem) throw new BadRequest(problem, 422);
    const user = await review.createUser({ id: newId('u'), username: b.username, passwordHash: await hashPassword(b.password), admin: b.admin ?? false });
    if (!user) throw new BadRequest('that username is taken', 409);
    return c.json({ user }, 201);
  });

  return app;
}

/** `staffwork admin create-user`: the same checks as the API; the first account adopts the local artifacts. */
export async function createUserCommand(storage: Storage, username: string, password: string, admin: boolean) {
  const problem = validateCredentials(username, password);
  if (problem) throw new Error(problem);
  const first = !(await storage.review.hasUsers());
  const user = await storage.review.createUser({ id: newId('u'), username, passwordHash: await hashPassword(password), admin, adoptLocal: first && admin });
  if (!user) throw new Error(`the username "${username}" is taken`);
  return { user, first };
}
