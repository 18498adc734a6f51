// Accounts: argon2id password hashes (@node-rs/argon2), database sessions whose random token
// lives only in an HttpOnly cookie (the database keeps its SHA-256), and login rate limits. With
// no account in the database the workbench stays what it always was: one learner on loopback, no
// sign-in; the first account turns accounts on for good.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { LOCAL_OWNER, type OwnerStorage, type Storage } from '../storage/types.ts';
import type { User } from '../storage/review.ts';

export const SESSION_COOKIE = 'staffwork_session';
export const SESSION_DAYS = 14;

export type AuthEnv = {
  Variables: {
    store: OwnerStorage;
    /** The signed-in user; null while accounts are off or for an anonymous request to a public route. */
    user: User | null;
    accounts: boolean;
    sessionId: string | null;
    secureHeadersNonce?: string;
  };
};

/** 32 random bytes, URL-safe: the session cookie and invite links. */
export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Ids that fit the storage's owner alphabet, with a prefix that says what they name. */
export function newId(prefix: 'u' | 'c'): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return `${prefix}-${[...randomBytes(12)].map((b) => alphabet[b % 32]).join('')}`;
}

// argon2id (the library's default algorithm) with its default cost: 19 MiB, 2 passes (OWASP's minimum).
export const hashPassword = (password: string) => hash(password);
export const checkPassword = (stored: string, password: string) => verify(stored, password).catch(() => false);
/** Verified against when the username is unknown, so both answers take as long. */
let dummy: Promise<string> | undefined;
export const burnTime = async (password: string) => void (await checkPassword(await (dummy ??= hashPassword('not a password of anyone')), password));

export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;
export const MIN_PASSWORD = 10;

export function validateCredentials(username: string, password: string): string | undefined {
  if (!USERNAME.test(username)) return 'a username is 2-40 characters: lower-case letters, digits, and . _ - (starting with a letter or digit)';
  if (password.length < MIN_PASSWORD) return `a password needs at least ${MIN_PASSWORD} characters`;
  if (password.length > 1024) return 'a password is at most 1024 characters';
  return undefined;
}

/**
 * Failed sign-ins per username and per client address in a sliding window. In memory, per
 * server: behind a load balancer each server counts its own, which still bounds guessing.
 */
export class LoginLimiter {
  readonly #failures = new Map<string, number[]>();
  constructor(
    readonly perUser = 5,
    readonly perAddress = 30,
    readonly windowMs = 15 * 60_000,
    readonly clock: () => number = Date.now,
  ) {}

  #recent(key: string): number[] {
    const cutoff = this.clock() - this.windowMs;
    const list = (this.#failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.#failures.set(key, list);
    else this.#failures.delete(key);
    return list;
  }

  /** Seconds until another try is allowed, or 0. */
  blocked(username: string, address: string): number {
    const checks: [string, number][] = [
      [`u:${username}`, this.perUser],
      [`a:${address}`, this.perAddress],
    ];
    let wait = 0;
    for (const [key, max] of checks) {
      const list = this.#recent(key);
      if (list.length >= max) wait = Math.max(wait, Math.ceil(((list[list.length - max] as number) + this.windowMs - this.clock()) / 1000));
    }
    return wait;
  }

  fail(username: string, address: string): void {
    for (const key of [`u:${username}`, `a:${address}`]) this.#failures.set(key, [...this.#recent(key), this.clock()]);
    if (this.#failures.size > 100_000) this.#failures.clear(); // a flood of made-up names must not grow memory without bound
  }

  succeed(username: string): void {
    this.#failures.delete(`u:${username}`);
  }
}

export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

const overTls = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

export async function startSession(c: Context, storage: Storage, user: User): Promise<void> {
  const token = newToken();
  const expires = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await storage.review.createSession(hashToken(token), user.id, expires.toISOString());
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: overTls(c), path: '/', expires });
}

export async function endSession(c: Context, storage: Storage, userId: string): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) await storage.review.revokeSessions(userId, hashToken(token));
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: overTls(c) });
}

/** What an anonymous request may reach once accounts are on. */
function isPublic(method: string, path: string): boolean {
  if (path.startsWith('/assets/') || path === '/favicon.ico') return true;
  if (method === 'GET' && (path === '/login' || path === '/setup' || /^\/invite\/[^/]+$/.test(path))) return true;
  if (path === '/api/health' || path === '/api/openapi.json' || path === '/api/auth/state') return true;
  if (method === 'POST' && (path === '/api/auth/login' || path === '/api/auth/setup')) return true;
  if (/^\/api\/invites\/[^/]+(\/accept)?$/.test(path)) return true;
  return false;
}

/**
 * Who the request is, and the storage view it works on: the local learner while accounts are
 * off, else the signed-in user's own; anonymous requests reach only the public routes.
 */
export function authenticate(storage: Storage): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    c.set('sessionId', null);
    if (!(await storage.review.hasUsers())) {
      c.set('accounts', false);
      c.set('user', null);
      c.set('store', storage.as(LOCAL_OWNER));
      return next();
    }
    c.set('accounts', true);
    const token = getCookie(c, SESSION_COOKIE);
    const session = token && token.length < 200 ? await storage.review.sessionUser(hashToken(token)) : undefined;
    c.set('user', session?.user ?? null);
    if (session) {
      c.set('sessionId', session.sessionId);
      c.set('store', storage.as(session.user.id));
      return next();
    }
    if (isPublic(c.req.method, c.req.path)) return next();
    if (c.req.path.startsWith('/api/')) return c.json({ error: 'sign in first (POST /api/auth/login)' }, 401);
    return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 302);
  };
}
