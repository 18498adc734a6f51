// Sign-in, sign-out, sessions, password change, the first-run page's account, and the admin's
// user list.
import { Hono } from 'hono';
import { burnTime, checkPassword, endSession, hashPassword, LoginLimiter, newId, startSession, validateCredentials, validatePassword, type AuthEnv } from '../auth/accounts.ts';
import { cohortsOf, requireAdmin, requireUser } from '../auth/access.ts';
import type { SetupGate } from '../auth/setup.ts';
import type { User } from '../storage/review.ts';
import type { Storage } from '../storage/types.ts';
import { BadRequest, body, CreateUserBody, Credentials, DisableBody, doc, PasswordBody, SetupBody } from './schemas.ts';

const taken = () => new BadRequest('that username is taken', 409);

export function authRoutes(storage: Storage, gate: SetupGate, limiter = new LoginLimiter()): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const review = storage.review;
  /** Counts the try before the (slow) password check; a 429 when the limit is reached. */
  const attempt = (username: string, address: string) => {
    const a = limiter.attempt(username, address);
    if (a.wait > 0) throw new BadRequest(`too many failed sign-ins; try again in ${Math.ceil(a.wait / 60)} minute(s)`, 429, { 'retry-after': String(a.wait) });
    return a.undo;
  };

  doc({
    method: 'get',
    path: '/api/auth/state',
    summary: 'Whether accounts are on, who is signed in, and whether the first-run page may create the admin',
    access: 'public',
  });
  app.get('/api/auth/state', async (c) => {
    const accounts = await review.hasUsers();
    return c.json({ accounts, user: c.var.user, setupAvailable: !accounts && gate.open });
  });

  // The first-run page: while there is no account, the first one is the admin and takes over the
  // single-user workbench's artifacts. It takes the code the server printed on its console.
  doc({
    method: 'post',
    path: '/api/auth/setup',
    summary: "Create the first account (the admin) with the one-time code from the server's console; turns accounts on",
    access: 'public, with the setup code, before any account exists',
    body: SetupBody,
  });
  app.post('/api/auth/setup', async (c) => {
    const { username, password, code } = await body(c, SetupBody);
    if (await review.hasUsers()) throw new BadRequest('accounts are already on; sign in instead', 409);
    const problem = validateCredentials(username, password);
    if (problem) throw new BadRequest(problem, 422);
    if (!gate.open) throw new BadRequest('no setup code is active: restart the server and use the code it prints, or run `staffwork admin create-user --admin`', 403);
    if (!gate.check(code)) throw new BadRequest('wrong setup code: use the one the server printed on its console when it started', 403);
    const user = await review.createUser({ id: newId('u'), username, passwordHash: await hashPassword(password), admin: true, first: true });
    if (user === 'not-first') throw new BadRequest('accounts are already on; sign in instead', 409);
    if (user === 'taken') throw taken();
    gate.close();
    await startSession(c, storage, user);
    return c.json({ user }, 201);
  });

  doc({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in; sets the HttpOnly session cookie. Rate limited per address and username',
    access: 'public',
    body: Credentials,
  });
  app.post('/api/auth/login', async (c) => {
    const { username, password } = await body(c, Credentials);
    const name = username.trim().toLowerCase();
    const undo = attempt(name, c.var.address);
    const found = await review.userByName(name);
    const ok = found && !found.disabled ? await checkPassword(found.passwordHash, password) : await burnTime(password).then(() => false);
    if (!ok || !found) throw new BadRequest('wrong username or password', 401);
    undo();
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

  doc({
    method: 'post',
    path: '/api/auth/password',
    summary: 'Change your password (the current one is asked again); signs out every other session',
    access: 'signed-in',
    body: PasswordBody,
  });
  app.post('/api/auth/password', async (c) => {
    const user = requireUser(c);
    const b = await body(c, PasswordBody);
    const undo = attempt(user.username, c.var.address);
    const found = await review.userByName(user.username);
    if (!found || !(await checkPassword(found.passwordHash, b.current))) throw new BadRequest('the current password is wrong', 403);
    undo();
    const problem = validatePassword(user.username, b.password);
    if (problem) throw new BadRequest(problem, 422);
    await review.setPassword(user.id, await hashPassword(b.password), c.var.sessionId);
    return c.json({ ok: true });
  });

  doc({ method: 'get', path: '/api/auth/me', summary: 'The signed-in user and their cohorts with their role in each', access: 'signed-in' });
  app.get('/api/auth/me', async (c) => {
    const user = requireUser(c);
    return c.json({ user, memberships: await cohortsOf(storage, user) });
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
    if (user === 'taken' || user === 'not-first') throw taken();
    return c.json({ user }, 201);
  });

  doc({
    method: 'post',
    path: '/api/admin/users/{id}/disable',
    summary: 'Disable an account (signs it out everywhere; it cannot sign in) or enable it again',
    access: 'admin',
    body: DisableBody,
  });
  app.post('/api/admin/users/:id/disable', async (c) => {
    const admin = requireAdmin(c);
    const { disabled } = await body(c, DisableBody);
    const id = c.req.param('id');
    if (id === admin.id) throw new BadRequest('you cannot disable your own account', 409);
    if (!(await review.setDisabled(id, disabled))) throw new BadRequest('no such account', 404);
    return c.json({ user: await review.userById(id) });
  });

  return app;
}

/** `staffwork admin create-user`: the same checks as the API; the very first account (an admin) adopts the local artifacts. */
export async function createUserCommand(storage: Storage, username: string, password: string, admin: boolean): Promise<{ user: User; first: boolean }> {
  const problem = validateCredentials(username, password);
  if (problem) throw new Error(problem);
  const passwordHash = await hashPassword(password);
  const made = (first: boolean) => storage.review.createUser({ id: newId('u'), username, passwordHash, admin, first });
  let user = admin && !(await storage.review.hasUsers()) ? await made(true) : 'not-first';
  const first = typeof user === 'object';
  if (user === 'not-first') user = await made(false);
  if (user === 'taken' || user === 'not-first') throw new Error(`the username "${username}" is taken`);
  return { user, first };
}
