// Accounts: argon2id password hashes (@node-rs/argon2), database sessions whose random token
// lives only in an HttpOnly cookie (the database keeps its SHA-256), and login rate limits. With
// no account in the database the workbench stays what it always was: one learner on loopback, no
// sign-in; the first account turns accounts on for good.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
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
    /** The client's address: the socket's, or from X-Forwarded-For when the socket is a trusted proxy. */
    address: string;
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

/** argon2id at OWASP's recommended cost (19 MiB, 2 passes, 1 lane), pinned so a library update cannot weaken it. */
export const ARGON2: Options = { algorithm: 2 as Algorithm /* Algorithm.Argon2id, a const enum */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
export const hashPassword = (password: string) => hash(password, ARGON2);
export const checkPassword = (stored: string, password: string) => verify(stored, password).catch(() => false);
/** Verified against when the username is unknown, so both answers take as long. */
let dummy: Promise<string> | undefined;
export const burnTime = async (password: string) => void (await checkPassword(await (dummy ??= hashPassword('not a password of anyone')), password));

export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;
export const MIN_PASSWORD = 10;

export function validateCredentials(username: string, password: string): string | undefined {
  if (!USERNAME.test(username)) return 'a username is 2-40 characters: lower-case letters, digits, and . _ - (starting with a letter or digit)';
  return validatePassword(username, password);
}

export function validatePassword(username: string, password: string): string | undefined {
  if (password.length < MIN_PASSWORD) return `a password needs at least ${MIN_PASSWORD} characters`;
  if (password.length > 1024) return 'a password is at most 1024 characters';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'a password must not contain the username';
  if (new Set(password).size < 4) return 'a password needs more than three different characters';
  return undefined;
}

/**
 * Failed sign-ins in a sliding window, in memory per server (behind a load balancer each server
 * counts its own, which still bounds guessing). A try is counted before the password is checked
 * and taken back when it was right, so concurrent guesses cannot all slip past the limit. Locks:
 * one address and username pair after `perPair`, one address after `perAddress`. A username alone
 * is never locked (anyone could lock the admin out); past `slowAfter` failures from anywhere,
 * each further try on it waits twice as long as the one before (at most `maxDelayMs`).
 */
export class LoginLimiter {
  readonly #failures = new Map<string, number[]>();
  constructor(
    readonly perPair = 5,
    readonly perAddress = 30,
    readonly slowAfter = 10,
    readonly windowMs = 15 * 60_000,
    readonly maxDelayMs = 5 * 60_000,
    readonly maxKeys = 100_000,
    readonly clock: () => number = Date.now,
  ) {}

  #recent(key: string): number[] {
    const cutoff = this.clock() - this.windowMs;
    const list = (this.#failures.get(key) ?? []).filter((t) => t > cutoff);
    if (!list.length) this.#failures.delete(key);
    return list;
  }

  /** Seconds until another try is allowed, or 0. */
  blocked(username: string, address: string): number {
    const now = this.clock();
    let wait = 0;
    for (const [key, max] of [
      [`p:${address}:${username}`, this.perPair],
      [`a:${address}`, this.perAddress],
    ] as const) {
      const list = this.#recent(key);
      if (list.length >= max) wait = Math.max(wait, (list[list.length - max] as number) + this.windowMs - now);
    }
    const named = this.#recent(`u:${username}`);
    if (named.length >= this.slowAfter) {
      const delay = Math.min(this.maxDelayMs, 1000 * 2 ** (named.length - this.slowAfter));
      wait = Math.max(wait, (named[named.length - 1] as number) + delay - now);
    }
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  /**
   * Checks and counts one try at once (no await between): 0 and a function that takes the try
   * back (call it when the password was right), or the seconds to wait.
   */
  attempt(username: string, address: string): { wait: number; undo: () => void } {
    const wait = this.blocked(username, address);
    if (wait > 0) return { wait, undo: () => undefined };
    const at = this.clock();
    const keys = [`p:${address}:${username}`, `a:${address}`, `u:${username}`];
    for (const key of keys) {
      const list = this.#recent(key);
      // Re-inserted so the map's order is least recently failed first: eviction drops the oldest.
      this.#failures.delete(key);
      this.#failures.set(key, [...list, at]);
    }
    if (this.#failures.size > this.maxKeys) this.#evict();
    return {
      wait: 0,
      undo: () => {
        for (const key of keys) {
          const list = this.#failures.get(key);
          const i = list?.lastIndexOf(at) ?? -1;
          if (list && i >= 0) list.splice(i, 1);
        }
        this.#failures.delete(`p:${address}:${username}`);
      },
    };
  }

  /**
   * A flood of made-up names must not grow memory without bound, nor wash out a lock: the least
   * recently failed keys that lock nothing go first, then (only if all lock) the oldest.
   */
  #evict(): void {
    const target = Math.floor(this.maxKeys * 0.9);
    const limit = (key: string) => (key.startsWith('p:') ? this.perPair : key.startsWith('a:') ? this.perAddress : this.slowAfter);
    for (const [key, list] of this.#failures) {
      if (this.#failures.size <= target) return;
      if (list.length < limit(key)) this.#failures.delete(key);
    }
    for (const key of this.#failures.keys()) {
      if (this.#failures.size <= target) return;
      this.#failures.delete(key);
    }
  }

  /** Keys held (for tests of the memory bound). */
  get size(): number {
    return this.#failures.size;
  }
}

const plain = (a: string) => a.replace(/^::ffff:(?=\d+\.)/, '');

/**
 * The client's address: the socket's peer, or, when that peer is one of the trusted proxies, the
 * nearest X-Forwarded-For entry that is not itself a trusted proxy (the one the proxy appended;
 * entries further left are whatever the client sent).
 */
export function clientAddress(c: Context, trustedProxies: ReadonlySet<string> = new Set()): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const peer = plain(incoming?.socket?.remoteAddress ?? 'unknown');
  if (!trustedProxies.has(peer)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => plain(h.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trustedProxies.has(hops[i] as string)) return hops[i] as string;
  return peer;
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
  if (method === 'GET' && path === '/api/modules') return true;
  if (/^\/api\/invites\/[^/]+(\/accept)?$/.test(path)) return true;
  return false;
}

/**
 * Who the request is, and the storage view it works on: the local learner while accounts are
 * off, else the signed-in user's own; anonymous requests reach only the public routes.
 */
export function authenticate(storage: Storage, trustedProxies: ReadonlySet<string> = new Set()): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    c.set('sessionId', null);
    c.set('address', clientAddress(c, trustedProxies));
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
