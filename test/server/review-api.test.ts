// Accounts, cohorts and review threads through the HTTP API, on a real SQLite file.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { LoginLimiter } from '../../src/server/auth/accounts.ts';
import { SETUP_TRIES } from '../../src/server/auth/setup.ts';
import { startServer } from '../../src/server/index.ts';
import { tempServer, type TestServer } from './helpers.ts';
import { client, cohortFixture, invited, ok, PASSWORD, STRATEGY, type Client, type Cohort } from './review-helpers.ts';

const sqlite = (s: TestServer, readonly = true) => new Database(join(s.dataDir, 'workbench.sqlite'), { readonly });

/** A server-sent event stream as a list that fills, with a wait for the next event matching. */
function listen(server: TestServer, path: string, cookie: string) {
  const events: { event: string; id?: string }[] = [];
  let seen: () => void = () => {};
  let ended = false;
  const req = httpRequest(`${server.url}${path}`, { headers: { cookie, accept: 'text/event-stream' } }, (res) => {
    let buf = '';
    res.on('data', (chunk: Buffer) => {
      buf += chunk.toString('utf8');
      for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const id = /^id: (.*)$/m.exec(block)?.[1];
        if (event) events.push({ event, ...(id ? { id } : {}) });
        seen();
      }
    });
    res.on('end', () => {
      ended = true;
      seen();
    });
  });
  req.end();
  const until = (pred: () => boolean) =>
    new Promise<void>((done) => {
      const check = () => {
        if (pred()) done();
        else seen = check;
      };
      check();
    });
  return { events, until, ended: () => ended, close: () => req.destroy() };
}

describe('accounts', () => {
  it('keeps the single-user workbench while there is no account; the first account needs the setup code and adopts the artifacts', async () => {
    const server = await tempServer();
    try {
      const local = client(server);
      const made = await ok(local.call('POST', '/api/artifacts', { text: STRATEGY }), 201);
      assert.equal((await local.call('GET', '/api/portfolio')).status, 200);
      const cohorts = await local.call('GET', '/api/cohorts');
      assert.equal(cohorts.status, 403);
      assert.match(cohorts.body.error, /accounts are off/);
      assert.deepEqual((await local.call('GET', '/api/auth/state')).body, { accounts: false, user: null, setupAvailable: true });
      assert.match(server.setupCode ?? '', /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);

      // Behind a reverse proxy every request comes from loopback: only the code proves who runs the server.
      const proxied = { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' };
      assert.equal((await local.call('POST', '/api/auth/setup', { username: 'eve', password: PASSWORD }, proxied)).status, 400, 'no code');
      const wrong = await local.call('POST', '/api/auth/setup', { username: 'eve', password: PASSWORD, code: 'AAAA-AAAA-AAAA-AAAA' }, proxied);
      assert.equal(wrong.status, 403);
      assert.match(wrong.body.error, /wrong setup code/);
      assert.equal((await local.call('GET', '/api/auth/state')).body.accounts, false);

      const setup = await local.call('POST', '/api/auth/setup', { username: 'admin', password: PASSWORD, code: (server.setupCode as string).toLowerCase() });
      assert.equal(setup.status, 201);
      const cookie = String((setup.headers['set-cookie'] as string[]).find((c) => c.startsWith('staffwork_session=')));
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Lax/i);
      assert.doesNotMatch(cookie, /Secure/i, 'plain HTTP: no Secure flag');
      assert.equal((await local.call('GET', `/api/artifacts/${made.artifact.id}`)).status, 200);
      const anon = client(server);
      assert.equal((await anon.call('GET', `/api/artifacts/${made.artifact.id}`)).status, 401);
      assert.equal((await anon.call('GET', '/api/portfolio')).status, 401);
      const page = await anon.call('GET', '/');
      assert.equal(page.status, 302);
      assert.equal(page.headers.location, '/login?next=%2F');
      assert.equal((await anon.call('POST', '/api/auth/setup', { username: 'eve', password: PASSWORD, code: server.setupCode })).status, 409);

      const token = (local.cookie as string).split('=')[1] as string;
      const db = sqlite(server);
      const rows = db.prepare('SELECT id FROM sessions').all() as { id: string }[];
      const hashes = db.prepare('SELECT password_hash FROM users').all() as { password_hash: string }[];
      db.close();
      assert.equal(rows.length, 1);
      assert.notEqual(rows[0]?.id, token);
      assert.match(rows[0]?.id ?? '', /^[0-9a-f]{64}$/);
      assert.match(hashes[0]?.password_hash ?? '', /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/, 'the pinned cost');
    } finally {
      await server.close();
    }
  });

  it('closes the setup code after too many wrong tries', async () => {
    const server = await tempServer();
    try {
      const c = client(server);
      for (let i = 0; i < SETUP_TRIES; i++) assert.equal((await c.call('POST', '/api/auth/setup', { username: 'admin', password: PASSWORD, code: `WRONG-${i}` })).status, 403);
      const late = await c.call('POST', '/api/auth/setup', { username: 'admin', password: PASSWORD, code: server.setupCode });
      assert.equal(late.status, 403);
      assert.match(late.body.error, /restart the server/);
      assert.equal((await c.call('GET', '/api/auth/state')).body.setupAvailable, false);
    } finally {
      await server.close();
    }
  });

  it('two first-run setups at once make one admin', async () => {
    const server = await tempServer();
    try {
      const names = ['alice', 'bob', 'carol', 'dave'];
      const rs = await Promise.all(names.map((username) => client(server).call('POST', '/api/auth/setup', { username, password: PASSWORD, code: server.setupCode })));
      assert.deepEqual(rs.map((r) => r.status).sort(), [201, 409, 409, 409]);
      const db = sqlite(server);
      const users = db.prepare('SELECT username, is_admin FROM users').all();
      db.close();
      assert.equal(users.length, 1);
    } finally {
      await server.close();
    }
  });

  it('signs in and out, revokes sessions, marks the cookie Secure behind TLS, and counts a sign-in before checking it', async () => {
    const server = await tempServer();
    try {
      const admin = client(server);
      await ok(admin.call('POST', '/api/auth/setup', { username: 'admin', password: PASSWORD, code: server.setupCode }), 201);
      await ok(admin.call('POST', '/api/admin/users', { username: 'sam', password: PASSWORD }), 201);
      assert.equal((await admin.call('POST', '/api/admin/users', { username: 'sam', password: PASSWORD })).status, 409);
      assert.equal((await admin.call('POST', '/api/admin/users', { username: 'Bad Name', password: PASSWORD })).status, 422);
      assert.equal((await admin.call('POST', '/api/admin/users', { username: 'short', password: 'abc' })).status, 422);
      const named = await admin.call('POST', '/api/admin/users', { username: 'priya', password: 'priya-2026-spring' });
      assert.deepEqual([named.status, named.body.error], [422, 'a password must not contain the username']);

      const sam = client(server);
      const tls = await sam.call('POST', '/api/auth/login', { username: 'sam', password: PASSWORD }, { 'x-forwarded-proto': 'https' });
      assert.equal(tls.status, 200);
      assert.match(String(tls.headers['set-cookie']), /Secure/);
      const second = client(server);
      await ok(second.call('POST', '/api/auth/login', { username: 'SAM', password: PASSWORD }));
      const sessions = await ok(sam.call('GET', '/api/auth/sessions'));
      assert.equal(sessions.sessions.length, 2);
      const other = sessions.sessions.find((s: { current: boolean }) => !s.current);
      await ok(sam.call('DELETE', `/api/auth/sessions/${other.id}`));
      assert.equal((await second.call('GET', '/api/auth/me')).status, 401, 'a revoked session is signed out');
      assert.equal((await sam.call('DELETE', `/api/auth/sessions/${other.id}`)).status, 404);
      const kept = sam.cookie;
      await ok(sam.call('POST', '/api/auth/logout'));
      assert.equal((await client(server).call('GET', '/api/auth/me', undefined, { cookie: kept as string })).status, 401, 'the old cookie no longer works');
      assert.equal((await sam.call('GET', '/api/admin/users')).status, 401);

      // 40 wrong passwords at once: each is counted before its (slow) check, so only 5 are checked.
      const guess = client(server);
      const rs = await Promise.all(Array.from({ length: 40 }, (_, i) => guess.call('POST', '/api/auth/login', { username: 'sam', password: `wrong password ${i}` })));
      assert.deepEqual([rs.filter((r) => r.status === 401).length, rs.filter((r) => r.status === 429).length], [5, 35]);
      const blocked = await guess.call('POST', '/api/auth/login', { username: 'sam', password: PASSWORD });
      assert.equal(blocked.status, 429, 'even the right password waits once the limit is reached');
      assert.ok(Number(blocked.headers['retry-after']) > 0);
      const unknown = await client(server).call('POST', '/api/auth/login', { username: 'nobody', password: PASSWORD });
      assert.deepEqual([unknown.status, unknown.body.error], [401, 'wrong username or password']);
    } finally {
      await server.close();
    }
  });

  it('behind a trusted proxy, limits each client address: a guesser does not lock the account for everyone', async () => {
    const seed = await tempServer();
    await ok(client(seed).call('POST', '/api/auth/setup', { username: 'admin', password: PASSWORD, code: seed.setupCode }), 201);
    await seed.stop();
    const s = await startServer({ port: 0, dataDir: seed.dataDir, quiet: true, trustedProxies: ['127.0.0.1'] });
    try {
      const server = { ...seed, url: s.url.replace(/\/$/, '') };
      const from = (ip: string) => ({ 'x-forwarded-for': `198.18.0.1, ${ip}` });
      const attacker = client(server);
      for (let i = 0; i < 5; i++) assert.equal((await attacker.call('POST', '/api/auth/login', { username: 'admin', password: `guess number ${i}` }, from('203.0.113.9'))).status, 401);
      assert.equal((await attacker.call('POST', '/api/auth/login', { username: 'admin', password: PASSWORD }, from('203.0.113.9'))).status, 429);
      // The leftmost entry is whatever the client sent; the proxy's own entry (rightmost) is the address.
      assert.equal((await attacker.call('POST', '/api/auth/login', { username: 'admin', password: 'another guess' }, { 'x-forwarded-for': '198.51.100.7, 203.0.113.9' })).status, 429);
      assert.equal((await client(server).call('POST', '/api/auth/login', { username: 'admin', password: PASSWORD }, from('198.51.100.7'))).status, 200, 'the admin, from elsewhere, still signs in');
    } finally {
      await s.close();
      await seed.close();
    }
  });

  it('the sign-in limiter slows a username guessed from many addresses, and a flood of names neither grows memory nor washes out a lock', () => {
    let now = 1_000_000;
    const limiter = new LoginLimiter(5, 30, 10, 15 * 60_000, 5 * 60_000, 1000, () => now);
    for (let i = 0; i < 10; i++) assert.equal(limiter.attempt('admin', `10.0.0.${i}`).wait, 0);
    assert.equal(limiter.attempt('admin', '10.0.1.1').wait, 1, 'the 11th try from anywhere waits a second');
    now += 1000;
    assert.equal(limiter.attempt('admin', '10.0.1.1').wait, 0);
    assert.equal(limiter.attempt('admin', '10.0.1.2').wait, 2, 'then two');
    for (let i = 0; i < 5; i++) limiter.attempt('leo', '10.9.9.9');
    const locked = limiter.blocked('leo', '10.9.9.9');
    assert.ok(locked > 0);
    for (let i = 0; i < 5000; i++) limiter.attempt(`made-up-${i}`, `172.16.${i % 250}.${i % 200}`);
    assert.ok(limiter.size <= 1000, `${limiter.size} keys`);
    assert.ok(limiter.blocked('leo', '10.9.9.9') > 0, 'the lock survived the flood');
    // A right password takes its own try back.
    const fresh = new LoginLimiter(5, 30, 10, 15 * 60_000, 5 * 60_000, 1000, () => now);
    for (let i = 0; i < 20; i++) fresh.attempt('ok', '10.1.1.1').undo();
    assert.equal(fresh.blocked('ok', '10.1.1.1'), 0);
  });

  it('changes a password (signing out other sessions), and the admin disables and enables an account', async () => {
    const server = await tempServer();
    try {
      const admin = client(server);
      await ok(admin.call('POST', '/api/auth/setup', { username: 'admin', password: PASSWORD, code: server.setupCode }), 201);
      const { user: sam } = await ok(admin.call('POST', '/api/admin/users', { username: 'sam', password: PASSWORD }), 201);
      const here = client(server);
      const there = client(server);
      await ok(here.call('POST', '/api/auth/login', { username: 'sam', password: PASSWORD }));
      await ok(there.call('POST', '/api/auth/login', { username: 'sam', password: PASSWORD }));
      assert.equal((await here.call('POST', '/api/auth/password', { current: 'not it at all', password: 'a new long secret' })).status, 403);
      assert.equal((await here.call('POST', '/api/auth/password', { current: PASSWORD, password: 'short' })).status, 422);
      await ok(here.call('POST', '/api/auth/password', { current: PASSWORD, password: 'a new long secret' }));
      assert.equal((await here.call('GET', '/api/auth/me')).status, 200, 'this session stays');
      assert.equal((await there.call('GET', '/api/auth/me')).status, 401, 'the other is signed out');
      assert.equal((await client(server).call('POST', '/api/auth/login', { username: 'sam', password: PASSWORD })).status, 401);
      await ok(client(server).call('POST', '/api/auth/login', { username: 'sam', password: 'a new long secret' }));

      assert.equal((await here.call('POST', `/api/admin/users/${sam.id}/disable`, { disabled: true })).status, 403);
      const off = await ok(admin.call('POST', `/api/admin/users/${sam.id}/disable`, { disabled: true }));
      assert.equal(off.user.disabled, true);
      assert.equal((await here.call('GET', '/api/auth/me')).status, 401, 'disabling signs out');
      assert.equal((await client(server).call('POST', '/api/auth/login', { username: 'sam', password: 'a new long secret' })).status, 401);
      await ok(admin.call('POST', `/api/admin/users/${sam.id}/disable`, { disabled: false }));
      await ok(client(server).call('POST', '/api/auth/login', { username: 'sam', password: 'a new long secret' }));
      const me = (await ok(admin.call('GET', '/api/auth/me'))).user;
      assert.equal((await admin.call('POST', `/api/admin/users/${me.id}/disable`, { disabled: true })).status, 409);
      assert.equal((await admin.call('POST', '/api/admin/users/u-nosuchuser/disable', { disabled: true })).status, 404);
    } finally {
      await server.close();
    }
  });

  it('refuses a non-loopback bind without accounts and allows it once one exists', async () => {
    const server = await tempServer();
    const dataDir = server.dataDir;
    await server.stop();
    await assert.rejects(startServer({ host: '0.0.0.0', port: 0, dataDir, quiet: true }), /no accounts yet/);
    const again = await tempServer(dataDir);
    await ok(client(again).call('POST', '/api/auth/setup', { username: 'admin', password: PASSWORD, code: again.setupCode }), 201);
    await again.stop();
    const open = await startServer({ host: '0.0.0.0', port: 0, dataDir, quiet: true });
    assert.equal(open.setupCode, undefined, 'no setup code once accounts exist');
    await open.close();
    await again.close();
  });
});

describe('cohort membership', () => {
  let f: Cohort;
  let base: string;
  before(async () => {
    f = await cohortFixture();
    base = `/api/cohorts/${f.cohortId}`;
  });
  after(() => f.server.close());

  it('invites are single use and expire', async () => {
    const inv = await ok(f.instructor.call('POST', `${base}/invites`, { role: 'learner' }), 201);
    assert.match(inv.url, /\/invite\/[A-Za-z0-9_-]{43}$/);
    assert.equal((await ok(client(f.server).call('GET', `/api/invites/${inv.token}`))).usable, true);
    await ok(client(f.server).call('POST', `/api/invites/${inv.token}/accept`, { username: 'mia', password: PASSWORD }));
    const again = await client(f.server).call('POST', `/api/invites/${inv.token}/accept`, { username: 'max', password: PASSWORD });
    assert.equal(again.status, 410);
    assert.equal(
      (await f.admin.call('GET', '/api/admin/users')).body.users.some((u: { username: string }) => u.username === 'max'),
      false,
      'a refused invite creates no account',
    );
    assert.equal((await client(f.server).call('GET', '/api/invites/not-a-token')).status, 404);
    const late = await ok(f.instructor.call('POST', `${base}/invites`, { role: 'reviewer', hours: 1 }), 201);
    const db = sqlite(f.server, false);
    db.prepare("UPDATE invites SET expires_at = '2000-01-01T00:00:00.000Z' WHERE used_at IS NULL").run();
    db.close();
    assert.equal((await client(f.server).call('POST', `/api/invites/${late.token}/accept`, { username: 'max', password: PASSWORD })).status, 410);
  });

  it('an invite never changes an existing membership', async () => {
    const inv = await ok(f.instructor.call('POST', `${base}/invites`, { role: 'learner' }), 201);
    const r = await f.instructor.call('POST', `/api/invites/${inv.token}/accept`, {});
    assert.equal(r.status, 409);
    assert.match(r.body.error, /already in this cohort as an instructor/);
    assert.equal((await ok(f.instructor.call('GET', base))).role, 'instructor');
    assert.equal((await ok(client(f.server).call('GET', `/api/invites/${inv.token}`))).usable, true, 'the link is still unused');
  });

  it("an instructor cannot add someone's account (nor learn it exists), and sees only what was submitted to the cohort", async () => {
    await ok(f.outsider.call('POST', '/api/artifacts', { text: STRATEGY.replace('Payments platform', 'Otto private plan') }), 201);
    const otto = await f.instructor.call('POST', `${base}/members`, { username: 'otto', role: 'learner' });
    const nobody = await f.instructor.call('POST', `${base}/members`, { username: 'nobody', role: 'learner' });
    assert.deepEqual([otto.status, nobody.status], [404, 404]);
    assert.equal(otto.body.error.replace('otto', 'X'), nobody.body.error.replace('nobody', 'X'), 'the same answer whether the account exists');
    // Leo has two artifacts and submits one: the overview lists that one only.
    await ok(f.learner.call('POST', '/api/artifacts', { text: '# Private notes\n\nNot for the cohort.\n' }), 201);
    const made = await ok(f.learner.call('POST', '/api/artifacts', { text: STRATEGY }), 201);
    await ok(f.learner.call('POST', `${base}/reviews`, { artifactId: made.artifact.id }), 201);
    const o = await ok(f.instructor.call('GET', `${base}/overview`));
    const leo = o.learners.find((l: { learner: { username: string } }) => l.learner.username === 'leo');
    assert.deepEqual(
      leo.artifacts.map((a: { title: string }) => a.title),
      ['Strategy: Payments platform'],
    );
    assert.equal(
      o.learners.some((l: { learner: { username: string } }) => l.learner.username === 'otto'),
      false,
    );
    assert.deepEqual(o.truncated, { requests: false, threads: false });
  });

  it('changes roles and removes members, but never the last instructor, and another instructor only by the admin', async () => {
    assert.equal((await f.instructor.call('POST', `${base}/members`, { username: 'ines', role: 'reviewer' })).status, 409, 'the only instructor');
    assert.equal((await f.instructor.call('DELETE', `${base}/members/ines`)).status, 409);
    const { user: ivy } = await ok(f.admin.call('POST', '/api/admin/users', { username: 'ivy', password: PASSWORD }), 201);
    assert.equal((await ok(f.admin.call('POST', `${base}/members`, { username: 'ivy', role: 'instructor' }), 201)).member.id, ivy.id);
    assert.equal((await f.instructor.call('POST', `${base}/members`, { username: 'ivy', role: 'learner' })).status, 403);
    assert.equal((await f.instructor.call('DELETE', `${base}/members/ivy`)).status, 403);
    assert.equal((await f.reviewer.call('DELETE', `${base}/members/lena`)).status, 403);
    await ok(f.instructor.call('POST', `${base}/members`, { username: 'rita', role: 'instructor' }));
    await ok(f.reviewer.call('POST', `${base}/members`, { username: 'rita', role: 'reviewer' }), 200);
    await ok(f.instructor.call('DELETE', `${base}/members/lena`));
    assert.equal((await f.learner2.call('GET', base)).status, 403, 'a removed member is out');
    assert.equal((await f.instructor.call('DELETE', `${base}/members/lena`)).status, 404);
    await ok(f.admin.call('DELETE', `${base}/members/ivy`));
  });

  it('pages the member list', async () => {
    const first = await ok(f.instructor.call('GET', `${base}?limit=2`));
    assert.equal(first.members.length, 2);
    const rest = await ok(f.instructor.call('GET', `${base}?limit=200&offset=2`));
    assert.equal(first.page.total, 2 + rest.members.length);
    assert.equal(new Set([...first.members, ...rest.members].map((m: { id: string }) => m.id)).size, first.page.total);
    assert.equal((await f.instructor.call('GET', `${base}?limit=201`)).status, 400);
  });
});

describe('reviews', () => {
  let f: Cohort;
  let base: string;
  let artifactId: string;
  let reviewId: number;
  let threadId: number;
  before(async () => {
    f = await cohortFixture();
    base = `/api/cohorts/${f.cohortId}`;
    const made = await ok(f.learner.call('POST', '/api/artifacts', { text: STRATEGY }), 201);
    artifactId = made.artifact.id;
    const r = await ok(f.learner.call('POST', `${base}/reviews`, { artifactId, reviewer: 'rita' }), 201);
    reviewId = r.review.id;
    const start = STRATEGY.indexOf('We will leverage');
    const t = await ok(
      f.reviewer.call('POST', `${base}/reviews/${reviewId}/threads`, {
        revision: made.revision.id,
        start,
        end: STRATEGY.indexOf('\n', start),
        body: 'This names no choice.',
        ruleId: 'strategy/fluff',
      }),
      201,
    );
    threadId = t.thread.id;
  });
  after(() => f.server.close());

  it('checks every route as every role', async () => {
    type Who = 'admin' | 'instructor' | 'reviewer' | 'learner' | 'learner2' | 'outsider' | 'anonymous';
    const routes: { method: string; path: string; body?: unknown; allowed: Who[] }[] = [
      { method: 'GET', path: '/api/auth/me', allowed: ['admin', 'instructor', 'reviewer', 'learner', 'learner2', 'outsider'] },
      { method: 'GET', path: '/api/auth/sessions', allowed: ['admin', 'instructor', 'reviewer', 'learner', 'learner2', 'outsider'] },
      { method: 'DELETE', path: '/api/auth/sessions/0000000000000000', allowed: ['admin', 'instructor', 'reviewer', 'learner', 'learner2', 'outsider'] },
      { method: 'POST', path: '/api/auth/password', body: { current: 'x' }, allowed: ['admin', 'instructor', 'reviewer', 'learner', 'learner2', 'outsider'] },
      { method: 'GET', path: '/api/admin/users', allowed: ['admin'] },
      { method: 'POST', path: '/api/admin/users', body: { username: 'x', password: 'y' }, allowed: ['admin'] },
      { method: 'POST', path: '/api/admin/users/u-nosuchuser/disable', body: { disabled: true }, allowed: ['admin'] },
      { method: 'GET', path: '/api/cohorts', allowed: ['admin', 'instructor', 'reviewer', 'learner', 'learner2', 'outsider'] },
      { method: 'POST', path: '/api/cohorts', body: { name: 'N', module: 'nope' }, allowed: ['admin', 'instructor'] },
      { method: 'GET', path: base, allowed: ['admin', 'instructor', 'reviewer', 'learner', 'learner2'] },
      { method: 'POST', path: `${base}/members`, body: { username: 'nobody', role: 'learner' }, allowed: ['admin', 'instructor'] },
      { method: 'DELETE', path: `${base}/members/nobody`, allowed: ['admin', 'instructor'] },
      { method: 'POST', path: `${base}/invites`, body: { role: 'bogus' }, allowed: ['admin', 'instructor'] },
      { method: 'GET', path: `${base}/overview`, allowed: ['admin', 'instructor'] },
      { method: 'GET', path: `${base}/export.json`, allowed: ['admin', 'instructor'] },
      { method: 'GET', path: `${base}/reviews`, allowed: ['admin', 'instructor', 'reviewer', 'learner', 'learner2'] },
      { method: 'POST', path: `${base}/reviews`, body: { artifactId: 'nope' }, allowed: ['learner', 'learner2'] },
      { method: 'GET', path: `${base}/reviews/${reviewId}`, allowed: ['admin', 'instructor', 'reviewer', 'learner'] },
      { method: 'POST', path: `${base}/reviews/${reviewId}/submit`, body: { revision: 999999 }, allowed: ['learner'] },
      { method: 'GET', path: `${base}/reviews/${reviewId}/threads`, allowed: ['admin', 'instructor', 'reviewer', 'learner'] },
      {
        method: 'POST',
        path: `${base}/reviews/${reviewId}/threads`,
        body: { revision: 999999, start: 0, end: 1, body: 'x' },
        allowed: ['admin', 'instructor', 'reviewer'],
      },
      { method: 'GET', path: `${base}/reviews/${reviewId}/export.md`, allowed: ['admin', 'instructor', 'reviewer', 'learner'] },
      { method: 'GET', path: `${base}/reviews/${reviewId}/export.json`, allowed: ['admin', 'instructor', 'reviewer', 'learner'] },
      { method: 'GET', path: `${base}/threads/${threadId}/comments`, allowed: ['admin', 'instructor', 'reviewer', 'learner'] },
      { method: 'POST', path: `${base}/threads/${threadId}/comments`, body: { body: '' }, allowed: ['admin', 'instructor', 'reviewer', 'learner'] },
      {
        method: 'POST',
        path: `${base}/threads/${threadId}/state`,
        body: { state: 'addressed', extra: 1 },
        allowed: ['admin', 'instructor', 'reviewer', 'learner'],
      },
      {
        method: 'POST',
        path: '/api/invites/not-a-token/accept',
        body: {},
        allowed: ['admin', 'instructor', 'reviewer', 'learner', 'learner2', 'outsider', 'anonymous'],
      },
      { method: 'GET', path: `/api/artifacts/${artifactId}`, allowed: ['learner'] },
      { method: 'GET', path: `/api/artifacts/${artifactId}/reviews`, allowed: ['learner'] },
      { method: 'GET', path: `/api/artifacts/${artifactId}/reviews/threads`, allowed: ['learner'] },
      { method: 'GET', path: `/api/artifacts/${artifactId}/revisions`, allowed: ['learner'] },
      { method: 'PUT', path: `/api/artifacts/${artifactId}`, body: { text: 'x', baseRevision: 999999 }, allowed: ['learner'] },
      { method: 'GET', path: '/api/portfolio', allowed: ['admin', 'instructor', 'reviewer', 'learner', 'learner2', 'outsider'] },
    ];
    const who: Record<Who, Client> = {
      admin: f.admin,
      instructor: f.instructor,
      reviewer: f.reviewer,
      learner: f.learner,
      learner2: f.learner2,
      outsider: f.outsider,
      anonymous: f.anonymous,
    };
    const failures: string[] = [];
    for (const r of routes) {
      for (const [name, c] of Object.entries(who) as [Who, Client][]) {
        const res = await c.call(r.method, r.path, r.body);
        const allowed = r.allowed.includes(name);
        // Someone else's artifact is simply not there for them (404), which is how the owner scoping answers.
        const denied = name === 'anonymous' ? res.status === 401 : res.status === 403 || (r.path.startsWith('/api/artifacts/') && res.status === 404);
        if (allowed === denied || (!allowed && res.status < 400)) failures.push(`${r.method} ${r.path} as ${name}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
      }
    }
    assert.deepEqual(failures, []);
    const threads = await ok(f.reviewer.call('GET', `${base}/reviews/${reviewId}/threads`));
    assert.equal(threads.threads.length, 1);
    assert.equal(threads.threads[0].commentCount, 1);
  });

  it('applies the action rules to valid requests: who replies, addresses, resolves and reopens', async () => {
    const rev = (await ok(f.learner.call('GET', `${base}/reviews/${reviewId}`))).revision;
    const t = (await ok(f.reviewer.call('POST', `${base}/reviews/${reviewId}/threads`, { revision: rev.id, section: 'Diagnosis', body: 'Which incidents?' }), 201)).thread;
    const state = (c: Client, s: string, body?: string) => c.call('POST', `${base}/threads/${t.id}/state`, { state: s, ...(body ? { body } : {}) });
    const steps: [Client, () => Promise<{ status: number }>, number, string][] = [
      [f.learner, () => f.learner.call('POST', `${base}/reviews/${reviewId}/threads`, { revision: rev.id, section: 'Diagnosis', body: 'x' }), 403, 'the writer opens no threads'],
      [f.learner2, () => f.learner2.call('POST', `${base}/threads/${t.id}/comments`, { body: 'me too' }), 403, 'another learner cannot reply'],
      [f.outsider, () => f.outsider.call('POST', `${base}/threads/${t.id}/comments`, { body: 'hi' }), 403, 'an outsider cannot reply'],
      [f.learner, () => f.learner.call('POST', `${base}/threads/${t.id}/comments`, { body: 'The March log.' }), 201, 'the writer replies'],
      [f.reviewer, () => state(f.reviewer, 'addressed'), 403, 'a reviewer does not mark addressed'],
      [f.instructor, () => state(f.instructor, 'wont-change', 'no'), 403, 'nor does an instructor'],
      [f.learner, () => state(f.learner, 'resolved'), 403, 'the writer does not resolve'],
      [f.learner, () => state(f.learner, 'addressed'), 200, 'the writer marks addressed'],
      [f.instructor, () => state(f.instructor, 'reopened', 'Not yet.'), 200, 'an instructor reopens'],
      [f.learner, () => state(f.learner, 'reopened'), 403, 'the writer does not reopen'],
      [f.reviewer, () => state(f.reviewer, 'reopened'), 409, 'open already'],
      [f.reviewer, () => state(f.reviewer, 'resolved'), 200, 'a reviewer resolves'],
      [f.learner, () => state(f.learner, 'addressed'), 409, 'resolved already'],
    ];
    for (const [, run, status, what] of steps) assert.equal((await run()).status, status, what);
  });

  it('a learner sees only their own reviews, and learners of the cohort are hidden from each other', async () => {
    assert.deepEqual((await ok(f.learner2.call('GET', `${base}/reviews`))).reviews, []);
    const members = await ok(f.learner2.call('GET', base));
    assert.deepEqual(members.members.map((m: { username: string }) => m.username).sort(), ['ines', 'lena', 'rita']);
    const all = await ok(f.instructor.call('GET', `${base}/reviews`));
    assert.equal(all.reviews.length, 1);
    assert.equal(all.page.more, false);
  });

  it('shows reviewers the submitted revision, never the draft, and carries threads forward only on submit', async () => {
    const made = await ok(f.learner2.call('POST', '/api/artifacts', { text: STRATEGY }), 201);
    const r = (await ok(f.learner2.call('POST', `${base}/reviews`, { artifactId: made.artifact.id }), 201)).review;
    const path = `${base}/reviews/${r.id}`;
    const at = STRATEGY.indexOf('Move the vault');
    const t = (await ok(f.reviewer.call('POST', `${path}/threads`, { revision: made.revision.id, start: at, end: at + 14, body: 'Who pays?' }), 201)).thread;
    const draft = STRATEGY.replace('## Diagnosis\n', '## Diagnosis\n\nSECRET DRAFT NOTE, not submitted.\n');
    const saved = await ok(f.learner2.call('PUT', `/api/artifacts/${made.artifact.id}`, { text: draft, baseRevision: made.revision.id }));
    const seen = await ok(f.reviewer.call('GET', path));
    assert.equal(seen.revision.id, made.revision.id);
    assert.doesNotMatch(seen.revision.text, /SECRET/);
    assert.equal(seen.review.artifact.headRevisionId, undefined, 'the reviewer does not learn a draft exists');
    assert.equal((await ok(f.learner2.call('GET', path))).review.artifact.headRevisionId, saved.revision.id);
    assert.doesNotMatch((await f.reviewer.call('GET', `${path}/export.md`)).body, /SECRET/);
    const refused = await f.reviewer.call('POST', `${path}/threads`, { revision: saved.revision.id, start: 0, end: 5, body: 'peek' });
    assert.equal(refused.status, 422);
    assert.match(refused.body.error, /not submitted/);
    assert.equal((await ok(f.reviewer.call('GET', `${path}/threads`))).threads[0].current.revisionId, made.revision.id);
    // The writer previews the thread on the draft (not stored).
    const preview = await ok(f.learner2.call('GET', `/api/artifacts/${made.artifact.id}/reviews/threads`));
    const pt = preview.reviews[0].threads[0];
    assert.deepEqual([preview.revisionId, pt.current.revisionId, pt.current.status], [saved.revision.id, saved.revision.id, 'kept']);
    assert.equal(draft.slice(pt.current.anchor.position.start, pt.current.anchor.position.end), 'Move the vault');
    assert.equal((await ok(f.reviewer.call('GET', `${path}/threads`))).threads[0].current.revisionId, made.revision.id, 'the preview stored nothing');
    // Submitting carries it.
    await ok(f.learner2.call('POST', `${path}/submit`, {}));
    const after = (await ok(f.reviewer.call('GET', `${path}/threads`))).threads.find((x: { id: number }) => x.id === t.id);
    assert.equal(after.current.revisionId, saved.revision.id);
    assert.equal(draft.slice(after.current.anchor.position.start, after.current.anchor.position.end), 'Move the vault');
    assert.equal((await f.learner2.call('POST', `${path}/submit`, { revision: made.revision.id })).status, 409, 'threads only move forward');
  });

  it('exports read only: an export changes nothing in the database', async () => {
    const db = () => {
      const d = sqlite(f.server);
      const rows = d.prepare('SELECT id, checked_revision_id, port_anchor, rule_state FROM threads ORDER BY id').all();
      const versions = d.prepare('SELECT id, version FROM review_requests ORDER BY id').all();
      d.close();
      return { rows, versions };
    };
    const head = await ok(f.learner.call('GET', `/api/artifacts/${artifactId}`));
    await ok(f.learner.call('PUT', `/api/artifacts/${artifactId}`, { text: `${head.revision.text}\nA draft line.\n`, baseRevision: head.revision.id }));
    const before = db();
    await ok(f.reviewer.call('GET', `${base}/reviews/${reviewId}/export.json`));
    await f.reviewer.call('GET', `${base}/reviews/${reviewId}/export.md`);
    await ok(f.instructor.call('GET', `${base}/export.json`));
    await ok(f.reviewer.call('GET', `${base}/reviews/${reviewId}`));
    await ok(f.reviewer.call('GET', `${base}/reviews/${reviewId}/threads`));
    assert.deepEqual(db(), before);
  });

  it('runs a review round: edited and orphaned threads, whose turn from the threads, rule states', async () => {
    const made = await ok(f.learner.call('POST', '/api/artifacts', { text: STRATEGY.replace('Payments platform', 'Payments round') }), 201);
    const text = made.text as string;
    const r = (await ok(f.learner.call('POST', `${base}/reviews`, { artifactId: made.artifact.id, reviewer: 'rita' }), 201)).review;
    const path = `${base}/reviews/${r.id}`;
    const post = async (b: object) => (await ok(f.reviewer.call('POST', `${path}/threads`, { revision: made.revision.id, ...b }), 201)).thread;
    const p = text.indexOf('We will leverage');
    const policy = await post({ start: p, end: text.indexOf('\n', p), body: 'Names no choice.', ruleId: 'strategy/fluff' });
    assert.equal(policy.ruleState, 'fires');
    const section = await post({ section: 'Diagnosis', body: 'Where does the 4% come from?', criterion: 'strategy-spine' });
    assert.equal(section.origin.anchor.section, 'Diagnosis');
    const a = text.indexOf('- Move the vault');
    const doomed = await post({ start: a, end: text.indexOf('\n', a), body: 'Who pays?', ruleId: 'strategy/fluff' });
    assert.equal(doomed.ruleState, 'not-firing');

    const edited = text.replace('We will leverage synergies to drive world-class outcomes.', 'We will stop new checkout features until the vault holds at peak load.').replace(/- Move the vault[^\n]*\n/, '');
    const saved = await ok(f.learner.call('PUT', `/api/artifacts/${made.artifact.id}`, { text: edited, baseRevision: made.revision.id }));
    await ok(f.learner.call('POST', `${path}/submit`, {}));
    const byId = new Map((await ok(f.learner.call('GET', `${path}/threads`))).threads.map((t: { id: number }) => [t.id, t]));
    const pt = byId.get(policy.id) as any;
    assert.deepEqual([pt.current.revisionId, pt.current.status, pt.current.now, pt.ruleState], [saved.revision.id, 'edited', 'We will stop new checkout features until the vault holds at peak load.', 'likely-addressed']);
    assert.equal((byId.get(section.id) as any).current.status, 'kept');
    const gone = byId.get(doomed.id) as any;
    assert.deepEqual([gone.current.status, gone.ruleState], ['orphaned', 'unknown'], 'nothing to check on deleted text');

    // Two answered, one open: the writer's turn; once none is open: the reviewer's; all resolved: done.
    await ok(f.learner.call('POST', `${base}/threads/${policy.id}/state`, { state: 'addressed' }));
    await ok(f.learner.call('POST', `${base}/threads/${doomed.id}/state`, { state: 'wont-change', body: 'because the second region replaces it' }));
    assert.equal((await ok(f.learner.call('GET', path))).review.turn, 'writer');
    await ok(f.learner.call('POST', `${base}/threads/${section.id}/state`, { state: 'addressed' }));
    assert.equal((await ok(f.learner.call('GET', path))).review.turn, 'reviewer');
    await ok(f.reviewer.call('POST', `${base}/threads/${policy.id}/state`, { state: 'resolved' }));
    assert.equal((await ok(f.reviewer.call('GET', path))).review.turn, 'reviewer', 'two still answered, waiting on the reviewer');
    await ok(f.reviewer.call('POST', `${base}/threads/${doomed.id}/state`, { state: 'resolved' }));
    await ok(f.reviewer.call('POST', `${base}/threads/${section.id}/state`, { state: 'resolved' }));
    const view = await ok(f.reviewer.call('GET', path));
    assert.equal(view.review.turn, 'done');
    assert.deepEqual(view.review.counts, { open: 0, addressed: 0, 'wont-change': 0, resolved: 3 });

    // The rule fires again once the regressed text is submitted.
    const back = edited.replace('We will stop new checkout features until the vault holds at peak load.', 'We will stop new checkout features until the vault holds world-class load.');
    await ok(f.learner.call('PUT', `/api/artifacts/${made.artifact.id}`, { text: back, baseRevision: saved.revision.id }));
    await ok(f.learner.call('POST', `${path}/submit`, {}));
    assert.equal((await ok(f.reviewer.call('GET', `${path}/threads`))).threads.find((t: { id: number }) => t.id === policy.id).ruleState, 'regression');
    await ok(f.reviewer.call('POST', `${base}/threads/${policy.id}/state`, { state: 'reopened', body: 'It is back.' }));
    assert.equal((await ok(f.reviewer.call('GET', path))).review.turn, 'writer');
    const overview = await ok(f.instructor.call('GET', `${base}/overview`));
    const fluff = overview.mistakeMap.flatMap((g: { rules: { ruleId: string; findings: number; comments: number }[] }) => g.rules).find((x: { ruleId: string }) => x.ruleId === 'strategy/fluff');
    assert.ok(fluff.comments >= 2 && fluff.findings >= 1, JSON.stringify(fluff));
  });

  it('defines "addressed in the next revision": marked addressed (not won\'t change) before the next submission', async () => {
    const made = await ok(f.learner.call('POST', '/api/artifacts', { text: STRATEGY.replace('Payments platform', 'Metrics') }), 201);
    const text = made.text as string;
    const path = `${base}/reviews/${(await ok(f.learner.call('POST', `${base}/reviews`, { artifactId: made.artifact.id }), 201)).review.id}`;
    const on = async (q: string) => (await ok(f.reviewer.call('POST', `${path}/threads`, { revision: made.revision.id, start: text.indexOf(q), end: text.indexOf(q) + q.length, body: q }), 201)).thread.id as number;
    const [fixed, refused, late, untouched] = [await on('Our checkout fails'), await on('We will leverage'), await on('Move the vault'), await on('March incident')];
    await ok(f.learner.call('POST', `${base}/threads/${refused}/state`, { state: 'wont-change', body: 'because it is true' }));
    await ok(f.learner.call('POST', `${base}/threads/${refused}/state`, { state: 'addressed' }), 200);
    await ok(f.learner.call('POST', `${base}/threads/${fixed}/state`, { state: 'addressed' }));
    const saved = await ok(f.learner.call('PUT', `/api/artifacts/${made.artifact.id}`, { text: `${text}\nMore.\n`, baseRevision: made.revision.id }));
    await ok(f.learner.call('POST', `${path}/submit`, { revision: saved.revision.id }));
    await ok(f.learner.call('POST', `${base}/threads/${late}/state`, { state: 'addressed' }));
    void untouched;
    const overview = await ok(f.instructor.call('GET', `${base}/overview`));
    const leo = overview.learners.find((l: { learner: { username: string } }) => l.learner.username === 'leo');
    const mine = (await ok(f.instructor.call('GET', `${base}/export.json`))).reviews.length;
    assert.ok(mine >= 1);
    // fixed: addressed before the submission; refused: its "addressed" came after a "won't change", still before: counts;
    // late: after; untouched: never. Of the four followed by a submission, two.
    const db = sqlite(f.server);
    const rows = db.prepare('SELECT id, addressed_at, next_submitted_at FROM threads WHERE id IN (?, ?, ?, ?) ORDER BY id').all(fixed, refused, late, untouched) as { addressed_at: string | null; next_submitted_at: string | null }[];
    db.close();
    assert.equal(rows.filter((r) => r.next_submitted_at !== null).length, 4);
    assert.equal(rows.filter((r) => r.addressed_at !== null && r.addressed_at <= (r.next_submitted_at as string)).length, 2);
    assert.ok(leo.followThrough.addressedInNext.of >= 4);
  });

  it('a comment on one of two sections with the same title names which one', async () => {
    const twice = '# Plan\n\n## Notes\n\nFirst notes.\n\n## Notes\n\nSecond notes.\n';
    const made = await ok(f.learner.call('POST', '/api/artifacts', { text: twice }), 201);
    const path = `${base}/reviews/${(await ok(f.learner.call('POST', `${base}/reviews`, { artifactId: made.artifact.id }), 201)).review.id}`;
    const page = await ok(f.reviewer.call('GET', path));
    assert.deepEqual(page.sections, [
      { title: 'Plan', index: 0 },
      { title: 'Notes', index: 0 },
      { title: 'Notes', index: 1 },
    ]);
    const vague = await f.reviewer.call('POST', `${path}/threads`, { revision: made.revision.id, section: 'Notes', body: 'x' });
    assert.equal(vague.status, 422);
    assert.match(vague.body.error, /sectionIndex/);
    const t = (await ok(f.reviewer.call('POST', `${path}/threads`, { revision: made.revision.id, section: 'Notes', sectionIndex: 1, body: 'The second.' }), 201)).thread;
    assert.equal(t.origin.anchor.position.start, twice.lastIndexOf('## Notes'));
    assert.equal((await f.reviewer.call('POST', `${path}/threads`, { revision: made.revision.id, section: 'Notes', sectionIndex: 2, body: 'x' })).status, 422);
  });

  it('streams a change to the other person, and ends the stream when the session ends', async () => {
    const path = `${base}/reviews/${reviewId}/events`;
    assert.equal((await f.learner2.call('GET', path)).status, 403);
    assert.equal((await f.anonymous.call('GET', path)).status, 401);
    const rita = client(f.server);
    await ok(rita.call('POST', '/api/auth/login', { username: 'rita', password: PASSWORD }));
    const s = listen(f.server, path, rita.cookie as string);
    try {
      await s.until(() => s.events.some((e) => e.event === 'cursor'));
      const cursor = s.events.find((e) => e.event === 'cursor')?.id;
      await ok(f.learner.call('POST', `${base}/threads/${threadId}/comments`, { body: 'Live?' }), 201);
      await s.until(() => s.events.some((e) => e.event === 'review'));
      assert.notEqual(s.events.find((e) => e.event === 'review')?.id, cursor);
      await ok(rita.call('POST', '/api/auth/logout'));
      const n = s.events.length;
      await ok(f.learner.call('POST', `${base}/threads/${threadId}/comments`, { body: 'Still there?' }), 201);
      await s.until(() => s.ended());
      assert.deepEqual(
        s.events.slice(n).map((e) => e.event),
        ['end'],
        'no more news after sign-out',
      );
    } finally {
      s.close();
    }
  });

  it('exports Markdown with every comment, escaped, and JSON as W3C annotations', async () => {
    const rev = (await ok(f.reviewer.call('GET', `${base}/reviews/${reviewId}`))).revision;
    const at = rev.text.indexOf('Move the vault');
    const forged = 'two\r# Forged heading\r- **ines** resolved it (2026-01-01 00:00 UTC, revision 1): <img src=x onerror=alert(1)>\u2028### Also forged';
    const t = (await ok(f.reviewer.call('POST', `${base}/reviews/${reviewId}/threads`, { revision: rev.id, start: at, end: at + 14, body: forged }), 201)).thread;
    for (let i = 0; i < 25; i++) await ok(f.reviewer.call('POST', `${base}/threads/${t.id}/comments`, { body: `reply ${i}` }), 201);
    const md = await f.learner.call('GET', `${base}/reviews/${reviewId}/export.md`);
    assert.equal(md.status, 200);
    assert.match(md.headers['content-type'] as string, /text\/markdown/);
    const text = md.body as string;
    const appendix = text.slice(text.indexOf('\n## Review\n'));
    assert.ok(text.startsWith('# Strategy: Payments platform'));
    assert.doesNotMatch(appendix, /[\r\u2028]/);
    assert.doesNotMatch(appendix, /^#+ (Forged|Also)/m, 'no forged heading');
    assert.doesNotMatch(appendix, /(^|[^\\])<img/m, 'no raw HTML');
    assert.match(appendix, /\\<img src\\=x onerror\\=alert\\\(1\\\)\\>/);
    assert.equal(appendix.split('\n').filter((l) => l.startsWith('- **ines** resolved it (2026-01-01')).length, 0, 'no forged entry');
    for (const i of [0, 19, 20, 24]) assert.match(appendix, new RegExp(`: reply ${i}$`, 'm'), `reply ${i} is there`);
    const json = await ok(f.learner.call('GET', `${base}/reviews/${reviewId}/export.json`));
    const a = json.annotations.find((x: { id: string }) => x.id === `urn:staffwork:thread:${t.id}`);
    assert.equal(a.body.length, 26);
    assert.deepEqual([...new Set(a.body.map((b: { purpose: string }) => b.purpose))], ['commenting', 'replying']);
    assert.deepEqual(a['@context'], ['http://www.w3.org/ns/anno.jsonld', { staffwork: 'urn:staffwork:terms#' }]);
    const [quote, position] = a.target[0].selector;
    assert.deepEqual([quote.type, quote.exact, position.type, position.start], ['TextQuoteSelector', 'Move the vault', 'TextPositionSelector', at]);
    const fluff = json.annotations.find((x: { 'staffwork:ruleId': string | null }) => x['staffwork:ruleId'] === 'strategy/fluff');
    assert.equal(fluff.target[0].selector[0].exact, 'We will leverage synergies to drive world-class outcomes.');
    assert.equal((await ok(f.instructor.call('GET', `${base}/export.json`))).reviews.length, (await ok(f.instructor.call('GET', `${base}/reviews?limit=200`))).reviews.length);
  });

  it('refuses bad input with a clear 4xx and stores nothing', async () => {
    const rev = (await ok(f.reviewer.call('GET', `${base}/reviews/${reviewId}`))).revision;
    const post = (b: unknown) => f.reviewer.call('POST', `${base}/reviews/${reviewId}/threads`, b);
    const before = (await ok(f.reviewer.call('GET', `${base}/reviews/${reviewId}`))).review.counts;
    const cases: [unknown, number, RegExp][] = [
      [{ revision: rev.id, start: 0, end: rev.text.length + 1, body: 'x' }, 422, /inside revision/],
      [{ revision: rev.id, start: 5, end: 5, body: 'x' }, 422, /non-empty span/],
      [{ revision: rev.id, start: -1, end: 3, body: 'x' }, 400, /start/],
      [{ revision: 999999, start: 0, end: 3, body: 'x' }, 422, /not submitted/],
      [{ revision: rev.id, section: 'Nope', body: 'x' }, 422, /no section "Nope"/],
      [{ revision: rev.id, section: 'Diagnosis', start: 0, end: 2, body: 'x' }, 422, /either/],
      [{ revision: rev.id, start: 0, end: 3, body: '   ' }, 400, /body/],
      [{ revision: rev.id, start: 0, end: 3, body: 'x', ruleId: 'no/such-rule' }, 422, /unknown rule/],
      [{ revision: rev.id, start: 0, end: 3, body: 'x', criterion: 'nope' }, 422, /unknown completion criterion/],
      [{ revision: rev.id, start: 0, end: 3, body: 'x', surprise: true }, 400, /invalid request body/],
      [{ revision: rev.id, start: 0, end: 3, body: 'half \ud800 a pair' }, 400, /lone surrogate/],
      ['not json', 400, /not valid JSON|invalid/],
    ];
    for (const [b, status, message] of cases) {
      const r = await post(b);
      assert.equal(r.status, status, JSON.stringify(b));
      assert.match(r.body.error, message);
    }
    assert.equal((await f.outsider.call('POST', `${base}/reviews/${reviewId}/threads`, { revision: rev.id, start: 0, end: 3, body: 'x' })).status, 403);
    assert.equal((await f.reviewer.call('GET', `/api/cohorts/${f.otherCohortId}/reviews/${reviewId}`)).status, 403);
    assert.equal((await f.reviewer.call('GET', `${base}/reviews/99999`)).status, 404);
    assert.equal((await f.reviewer.call('GET', '/api/cohorts/not-a-cohort')).status, 404);
    assert.deepEqual((await ok(f.reviewer.call('GET', `${base}/reviews/${reviewId}`))).review.counts, before);
  });

  it('serves an OpenAPI document generated from the schemas the routes validate with', async () => {
    const doc = await ok(client(f.server).call('GET', '/api/openapi.json'));
    assert.equal(doc.openapi, '3.1.0');
    const schema = doc.paths['/api/cohorts/{cohort}/reviews/{review}/threads'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(schema.required.sort(), ['body', 'revision']);
    assert.equal(schema.additionalProperties, false);
    assert.ok(doc.paths['/api/auth/password'].post && doc.paths['/api/cohorts/{cohort}/members/{username}'].delete);
    assert.deepEqual(doc.paths['/api/auth/setup'].post.requestBody.content['application/json'].schema.required.sort(), ['code', 'password', 'username']);
  });

  it('pages 10,000 threads on one artifact and refuses the 10,001st', async () => {
    const made = await ok(f.learner2.call('POST', '/api/artifacts', { text: STRATEGY }), 201);
    const r = await ok(f.learner2.call('POST', `${base}/reviews`, { artifactId: made.artifact.id }), 201);
    // Seeded straight into the file (the rows the API writes) while the server is stopped.
    await f.server.stop();
    const anchor = JSON.stringify({
      position: { type: 'TextPositionSelector', start: 2, end: 10 },
      quote: { type: 'TextQuoteSelector', exact: STRATEGY.slice(2, 10), prefix: '# ', suffix: STRATEGY.slice(10, 42) },
      section: 'Strategy: Payments platform',
    });
    const at = new Date().toISOString();
    const db = sqlite(f.server, false);
    const insert = db.prepare(`INSERT INTO threads (cohort_id, request_id, artifact_id, owner, author_id, revision_id, anchor, state, port_revision_id, port_anchor, port_status, checked_revision_id, reopened, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, 'kept', ?, 0, ?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < 10_000; i++) insert.run(f.cohortId, r.review.id, made.artifact.id, r.review.learnerId, r.review.learnerId, made.revision.id, anchor, made.revision.id, anchor, made.revision.id, at, at);
    })();
    db.close();
    const s = await startServer({ port: 0, dataDir: f.server.dataDir, quiet: true });
    try {
      (f.server as { url: string }).url = s.url.replace(/\/$/, '');
      const path = `${base}/reviews/${r.review.id}`;
      const first = await ok(f.reviewer.call('GET', `${path}/threads`));
      assert.equal(first.threads.length, 100);
      const next = await ok(f.reviewer.call('GET', `${path}/threads?after=${first.next}&limit=500`));
      assert.equal(next.threads.length, 500);
      assert.equal(next.threads[0].id, first.threads[99].id + 1);
      assert.equal((await f.reviewer.call('GET', `${path}/threads?limit=5000`)).status, 400);
      const refused = await f.reviewer.call('POST', `${path}/threads`, { revision: made.revision.id, start: 2, end: 10, body: 'one more' });
      assert.equal(refused.status, 409);
      assert.match(refused.body.error, /10000 threads/);
      assert.equal((await ok(f.reviewer.call('GET', path))).review.counts.open, 10_000);
    } finally {
      await s.close();
    }
  });
});

describe('modules', () => {
  it('serves the built-in modules and those given with --module; a cohort can be for any of them', async () => {
    const { builtinModules } = await import('../../src/core/index.ts');
    const extra = { ...builtinModules[0], id: 'second-module', title: 'Module 6: Another module' } as (typeof builtinModules)[number];
    const seed = await tempServer();
    const code = seed.setupCode;
    await seed.stop();
    const s = await startServer({ port: 0, dataDir: seed.dataDir, quiet: true, modules: [extra] });
    try {
      const server = { ...seed, url: s.url.replace(/\/$/, '') };
      const admin = client(server);
      await ok(admin.call('POST', '/api/auth/setup', { username: 'admin', password: PASSWORD, code: s.setupCode ?? code }), 201);
      const { modules } = await ok(client(server).call('GET', '/api/modules'));
      assert.deepEqual(
        modules.map((m: { id: string }) => m.id),
        [...builtinModules.map((m) => m.id), 'second-module'],
      );
      const { cohort } = await ok(admin.call('POST', '/api/cohorts', { name: 'Second', module: 'second-module' }), 201);
      assert.equal((await ok(admin.call('GET', `/api/cohorts/${cohort.id}`))).module.title, 'Module 6: Another module');
      const unknown = await admin.call('POST', '/api/cohorts', { name: 'Third', module: 'no-such-module' });
      assert.equal(unknown.status, 422);
      assert.match(unknown.body.error, /second-module/);
      await invited(server, admin, cohort.id, 'learner', 'leo');
    } finally {
      await s.close();
      await seed.close();
    }
  });
});
