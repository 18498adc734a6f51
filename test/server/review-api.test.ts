// Accounts, cohorts and review threads through the HTTP API, on a real SQLite file.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { tempServer } from './helpers.ts';
import { client, cohortFixture, ok, PASSWORD, STRATEGY, type Client, type Cohort } from './review-helpers.ts';

describe('accounts', () => {
  it('keeps the single-user workbench while there is no account, and the first account adopts its artifacts', async () => {
    const server = await tempServer();
    try {
      const local = client(server);
      const made = await ok(local.call('POST', '/api/artifacts', { text: STRATEGY }), 201);
      assert.equal((await local.call('GET', '/api/portfolio')).status, 200);
      const cohorts = await local.call('GET', '/api/cohorts');
      assert.equal(cohorts.status, 403);
      assert.match(cohorts.body.error, /accounts are off/);
      assert.deepEqual((await local.call('GET', '/api/auth/state')).body, { accounts: false, user: null, setupAvailable: true });

      const setup = await local.call('POST', '/api/auth/setup', { username: 'admin', password: PASSWORD });
      assert.equal(setup.status, 201);
      const cookie = String((setup.headers['set-cookie'] as string[]).find((c) => c.startsWith('staffwork_session=')));
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Lax/i);
      assert.doesNotMatch(cookie, /Secure/i, 'plain HTTP: no Secure flag');
      // The admin now owns what the single user wrote; an anonymous request sees nothing.
      assert.equal((await local.call('GET', `/api/artifacts/${made.artifact.id}`)).status, 200);
      const anon = client(server);
      assert.equal((await anon.call('GET', `/api/artifacts/${made.artifact.id}`)).status, 401);
      assert.equal((await anon.call('GET', '/api/portfolio')).status, 401);
      const page = await anon.call('GET', '/');
      assert.equal(page.status, 302);
      assert.equal(page.headers.location, '/login?next=%2F');
      assert.equal((await anon.call('POST', '/api/auth/setup', { username: 'eve', password: PASSWORD })).status, 409);

      // Only the token's hash is stored.
      const token = (local.cookie as string).split('=')[1] as string;
      const db = new Database(join(server.dataDir, 'workbench.sqlite'), { readonly: true });
      const rows = db.prepare('SELECT id FROM sessions').all() as { id: string }[];
      const hashes = db.prepare('SELECT password_hash FROM users').all() as { password_hash: string }[];
      db.close();
      assert.equal(rows.length, 1);
      assert.notEqual(rows[0]?.id, token);
      assert.match(rows[0]?.id ?? '', /^[0-9a-f]{64}$/);
      assert.match(hashes[0]?.password_hash ?? '', /^\$argon2id\$/);
    } finally {
      await server.close();
    }
  });

  it('signs in and out, revokes sessions, marks the cookie Secure behind TLS, and rate-limits failed sign-ins', async () => {
    const server = await tempServer();
    try {
      const admin = client(server);
      await ok(admin.call('POST', '/api/auth/setup', { username: 'admin', password: PASSWORD }), 201);
      await ok(admin.call('POST', '/api/admin/users', { username: 'sam', password: PASSWORD }), 201);
      assert.equal((await admin.call('POST', '/api/admin/users', { username: 'sam', password: PASSWORD })).status, 409);
      assert.equal((await admin.call('POST', '/api/admin/users', { username: 'Bad Name', password: PASSWORD })).status, 422);
      assert.equal((await admin.call('POST', '/api/admin/users', { username: 'short', password: 'abc' })).status, 422);

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
      const kept = sam.cookie;
      await ok(sam.call('POST', '/api/auth/logout'));
      assert.equal((await client(server).call('GET', '/api/auth/me', undefined, { cookie: kept as string })).status, 401, 'the old cookie no longer works');
      assert.equal((await sam.call('GET', '/api/admin/users')).status, 401);

      const guess = client(server);
      for (let i = 0; i < 5; i++) assert.equal((await guess.call('POST', '/api/auth/login', { username: 'sam', password: `wrong password ${i}` })).status, 401);
      const blocked = await guess.call('POST', '/api/auth/login', { username: 'sam', password: PASSWORD });
      assert.equal(blocked.status, 429, 'even the right password waits once the limit is reached');
      assert.ok(Number(blocked.headers['retry-after']) > 0);
      // Unknown users answer like wrong passwords.
      const unknown = await guess.call('POST', '/api/auth/login', { username: 'nobody', password: PASSWORD });
      assert.deepEqual([unknown.status, unknown.body.error], [401, 'wrong username or password']);
    } finally {
      await server.close();
    }
  });

  it('refuses a non-loopback bind without accounts and allows it once one exists', async () => {
    const { startServer } = await import('../../src/server/index.ts');
    const server = await tempServer();
    const dataDir = server.dataDir;
    await server.stop();
    await assert.rejects(startServer({ host: '0.0.0.0', port: 0, dataDir, quiet: true }), /no accounts yet/);
    const again = await tempServer(dataDir);
    await ok(client(again).call('POST', '/api/auth/setup', { username: 'admin', password: PASSWORD }), 201);
    await again.stop();
    const open = await startServer({ host: '0.0.0.0', port: 0, dataDir, quiet: true });
    await open.close();
    await again.close();
  });
});

describe('cohorts, roles and reviews', () => {
  let f: Cohort;
  let artifactId: string;
  let reviewId: number;
  let threadId: number;
  let base: string;
  const all = () => [f.admin, f.instructor, f.reviewer, f.learner, f.learner2, f.outsider, f.anonymous];

  before(async () => {
    f = await cohortFixture();
    const made = await ok(f.learner.call('POST', '/api/artifacts', { text: STRATEGY }), 201);
    artifactId = made.artifact.id;
    const r = await ok(f.learner.call('POST', `/api/cohorts/${f.cohortId}/reviews`, { artifactId, reviewer: 'rita' }), 201);
    reviewId = r.review.id;
    base = `/api/cohorts/${f.cohortId}`;
    const start = STRATEGY.indexOf('We will leverage');
    const t = await ok(f.reviewer.call('POST', `${base}/reviews/${reviewId}/threads`, { revision: made.revision.id, start, end: STRATEGY.indexOf('\n', start), body: 'This names no choice.', ruleId: 'strategy/fluff' }), 201);
    threadId = t.thread.id;
  });
  after(() => f.server.close());

  it('invites are single use and expire', async () => {
    const inv = await ok(f.instructor.call('POST', `${base}/invites`, { role: 'learner' }), 201);
    assert.match(inv.url, /\/invite\/[A-Za-z0-9_-]{43}$/);
    assert.equal((await ok(client(f.server).call('GET', `/api/invites/${inv.token}`))).usable, true);
    await ok(client(f.server).call('POST', `/api/invites/${inv.token}/accept`, { username: 'mia', password: PASSWORD }));
    const again = await client(f.server).call('POST', `/api/invites/${inv.token}/accept`, { username: 'max', password: PASSWORD });
    assert.equal(again.status, 410);
    assert.equal((await f.admin.call('GET', '/api/admin/users')).body.users.some((u: { username: string }) => u.username === 'max'), false, 'a refused invite creates no account');
    assert.equal((await client(f.server).call('GET', '/api/invites/not-a-token')).status, 404);

    const late = await ok(f.instructor.call('POST', `${base}/invites`, { role: 'reviewer', hours: 1 }), 201);
    const db = new Database(join(f.server.dataDir, 'workbench.sqlite'));
    db.prepare("UPDATE invites SET expires_at = '2000-01-01T00:00:00.000Z' WHERE used_at IS NULL").run();
    db.close();
    assert.equal((await client(f.server).call('POST', `/api/invites/${late.token}/accept`, { username: 'max', password: PASSWORD })).status, 410);
    // An existing user joins while signed in.
    const inv2 = await ok(f.instructor.call('POST', `${base}/invites`, { role: 'reviewer' }), 201);
    const joined = await ok(f.outsider.call('POST', `/api/invites/${inv2.token}/accept`, {}));
    assert.equal(joined.role, 'reviewer');
    // (otto is now a reviewer here too: remove that for the role tests below by making him a learner of nothing here)
    const db2 = new Database(join(f.server.dataDir, 'workbench.sqlite'));
    db2.prepare('DELETE FROM memberships WHERE cohort_id = ? AND user_id = (SELECT id FROM users WHERE username = ?)').run(f.cohortId, 'otto');
    db2.close();
  });

  it('checks every route as every role', async () => {
    const learnerArtifact = artifactId;
    type Who = 'admin' | 'instructor' | 'reviewer' | 'learner' | 'learner2' | 'outsider' | 'anonymous';
    const routes: { method: string; path: string; body?: unknown; allowed: Who[] }[] = [
      { method: 'GET', path: '/api/auth/me', allowed: ['admin', 'instructor', 'reviewer', 'learner', 'learner2', 'outsider'] },
      { method: 'GET', path: '/api/auth/sessions', allowed: ['admin', 'instructor', 'reviewer', 'learner', 'learner2', 'outsider'] },
      { method: 'GET', path: '/api/admin/users', allowed: ['admin'] },
      { method: 'POST', path: '/api/admin/users', body: { username: 'x', password: 'y' }, allowed: ['admin'] },
      { method: 'GET', path: '/api/cohorts', allowed: ['admin', 'instructor', 'reviewer', 'learner', 'learner2', 'outsider'] },
      { method: 'POST', path: '/api/cohorts', body: { name: 'N', module: 'nope' }, allowed: ['admin', 'instructor'] },
      { method: 'GET', path: base, allowed: ['admin', 'instructor', 'reviewer', 'learner', 'learner2'] },
      { method: 'POST', path: `${base}/members`, body: { username: 'nobody', role: 'learner' }, allowed: ['admin', 'instructor'] },
      { method: 'POST', path: `${base}/invites`, body: { role: 'bogus' }, allowed: ['admin', 'instructor'] },
      { method: 'GET', path: `${base}/overview`, allowed: ['admin', 'instructor'] },
      { method: 'GET', path: `${base}/export.json`, allowed: ['admin', 'instructor'] },
      { method: 'GET', path: `${base}/reviews`, allowed: ['admin', 'instructor', 'reviewer', 'learner', 'learner2'] },
      { method: 'POST', path: `${base}/reviews`, body: { artifactId: 'nope' }, allowed: ['learner', 'learner2'] },
      { method: 'GET', path: `${base}/reviews/${reviewId}`, allowed: ['admin', 'instructor', 'reviewer', 'learner'] },
      { method: 'POST', path: `${base}/reviews/${reviewId}/submit`, body: { revision: 999999 }, allowed: ['learner'] },
      { method: 'GET', path: `${base}/reviews/${reviewId}/threads`, allowed: ['admin', 'instructor', 'reviewer', 'learner'] },
      { method: 'POST', path: `${base}/reviews/${reviewId}/threads`, body: { revision: 999999, start: 0, end: 1, body: 'x' }, allowed: ['admin', 'instructor', 'reviewer'] },
      { method: 'GET', path: `${base}/reviews/${reviewId}/export.md`, allowed: ['admin', 'instructor', 'reviewer', 'learner'] },
      { method: 'GET', path: `${base}/reviews/${reviewId}/export.json`, allowed: ['admin', 'instructor', 'reviewer', 'learner'] },
      { method: 'GET', path: `${base}/threads/${threadId}/comments`, allowed: ['admin', 'instructor', 'reviewer', 'learner'] },
      { method: 'POST', path: `${base}/threads/${threadId}/comments`, body: { body: '' }, allowed: ['admin', 'instructor', 'reviewer', 'learner'] },
      { method: 'POST', path: `${base}/threads/${threadId}/state`, body: { state: 'addressed', extra: 1 }, allowed: ['admin', 'instructor', 'reviewer', 'learner'] },
      { method: 'GET', path: `/api/artifacts/${learnerArtifact}`, allowed: ['learner'] },
      { method: 'GET', path: `/api/artifacts/${learnerArtifact}/reviews`, allowed: ['learner'] },
      { method: 'GET', path: `/api/artifacts/${learnerArtifact}/revisions`, allowed: ['learner'] },
      { method: 'PUT', path: `/api/artifacts/${learnerArtifact}`, body: { text: 'x', baseRevision: 999999 }, allowed: ['learner'] },
      { method: 'GET', path: '/api/portfolio', allowed: ['admin', 'instructor', 'reviewer', 'learner', 'learner2', 'outsider'] },
    ];
    const who: Record<Who, Client> = { admin: f.admin, instructor: f.instructor, reviewer: f.reviewer, learner: f.learner, learner2: f.learner2, outsider: f.outsider, anonymous: f.anonymous };
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
    // Nothing those calls sent was stored: still one thread, one comment.
    const threads = await ok(f.reviewer.call('GET', `${base}/reviews/${reviewId}/threads`));
    assert.equal(threads.threads.length, 1);
    assert.equal(threads.threads[0].commentCount, 1);
  });

  it('a learner sees only their own reviews, and learners of the cohort are hidden from each other', async () => {
    const mine = await ok(f.learner2.call('GET', `${base}/reviews`));
    assert.deepEqual(mine.reviews, []);
    const members = await ok(f.learner2.call('GET', base));
    assert.deepEqual(members.members.map((m: { username: string }) => m.username).sort(), ['ines', 'lena', 'rita']);
    const all = await ok(f.instructor.call('GET', `${base}/reviews`));
    assert.equal(all.reviews.length, 1);
    assert.equal(all.reviews[0].turnLabel, 'Waiting for the writer (leo)');
  });

  it('runs a review round: threads on a span and a section, replies, addressed, resolved, whose turn, ported threads', async () => {
    const head = await ok(f.learner.call('GET', `/api/artifacts/${artifactId}`));
    const rev1 = head.revision.id;
    const section = await ok(f.reviewer.call('POST', `${base}/reviews/${reviewId}/threads`, { revision: rev1, section: 'Diagnosis', body: 'Where does the 4% come from?', criterion: 'strategy-spine' }), 201);
    assert.equal(section.thread.origin.anchor.section, 'Diagnosis');
    assert.deepEqual(section.thread.origin.selector.type, 'FragmentSelector');
    const actions = STRATEGY.indexOf('- Move the vault');
    const doomed = await ok(f.reviewer.call('POST', `${base}/reviews/${reviewId}/threads`, { revision: rev1, start: actions, end: STRATEGY.indexOf('\n', actions), body: 'Who pays for the cluster?' }), 201);

    // The writer rewrites the policy sentence and deletes the action line.
    const edited = STRATEGY.replace('We will leverage synergies to drive world-class outcomes.', 'We will stop new checkout features until the vault holds at peak load.').replace(/- Move the vault[^\n]*\n/, '');
    const saved = await ok(f.learner.call('PUT', `/api/artifacts/${artifactId}`, { text: edited, baseRevision: rev1 }));
    const { threads } = await ok(f.learner.call('GET', `${base}/reviews/${reviewId}/threads`));
    const byId = new Map(threads.map((t: { id: number }) => [t.id, t]));
    const policy = byId.get(threadId) as any;
    assert.equal(policy.current.revisionId, saved.revision.id);
    assert.equal(policy.current.status, 'edited');
    assert.equal(policy.current.now, 'We will stop new checkout features until the vault holds at peak load.');
    assert.equal(policy.origin.anchor.quote.exact, 'We will leverage synergies to drive world-class outcomes.');
    assert.equal(policy.ruleState, 'likely-addressed');
    assert.equal((byId.get(section.thread.id) as any).current.status, 'kept');
    assert.equal((byId.get(doomed.thread.id) as any).current.status, 'orphaned');
    assert.equal((byId.get(doomed.thread.id) as any).current.anchor.quote.exact, '- Move the vault to a dedicated cluster by June 30 (owner: Priya).');

    // Follow-through: only the writer marks addressed; only a reviewer resolves.
    assert.equal((await f.reviewer.call('POST', `${base}/threads/${threadId}/state`, { state: 'addressed' })).status, 403);
    assert.equal((await f.learner.call('POST', `${base}/threads/${threadId}/state`, { state: 'resolved' })).status, 403);
    assert.equal((await f.learner.call('POST', `${base}/threads/${doomed.thread.id}/state`, { state: 'wont-change' })).status, 422, "won't change needs a reason");
    await ok(f.learner.call('POST', `${base}/threads/${doomed.thread.id}/state`, { state: 'wont-change', body: 'because the second region replaces it' }));
    await ok(f.learner.call('POST', `${base}/threads/${threadId}/state`, { state: 'addressed' }));
    await ok(f.learner.call('POST', `${base}/threads/${section.thread.id}/comments`, { body: 'From the incident log; linked now.' }), 201);
    await ok(f.learner.call('POST', `${base}/reviews/${reviewId}/submit`, {}));
    let view = await ok(f.learner.call('GET', `${base}/reviews/${reviewId}`));
    assert.equal(view.review.turn, 'reviewer');
    assert.equal(view.review.turnLabel, 'Waiting for the reviewer (rita)');
    assert.equal(view.review.revisionId, saved.revision.id);

    for (const id of [threadId, doomed.thread.id]) await ok(f.reviewer.call('POST', `${base}/threads/${id}/state`, { state: 'resolved' }));
    assert.equal((await f.reviewer.call('POST', `${base}/threads/${threadId}/state`, { state: 'resolved' })).status, 409);
    view = await ok(f.reviewer.call('GET', `${base}/reviews/${reviewId}`));
    assert.equal(view.review.turn, 'writer', 'one thread is still open');
    await ok(f.reviewer.call('POST', `${base}/threads/${section.thread.id}/state`, { state: 'resolved' }));
    view = await ok(f.reviewer.call('GET', `${base}/reviews/${reviewId}`));
    assert.equal(view.review.turn, 'done');
    assert.deepEqual(view.review.counts, { open: 0, addressed: 0, 'wont-change': 0, resolved: 3 });

    // The rule fires again on the ported anchor: a regression, shown even on a resolved thread.
    const back = edited.replace('We will stop new checkout features until the vault holds at peak load.', 'We will stop new checkout features until the vault holds world-class load.');
    await ok(f.learner.call('PUT', `/api/artifacts/${artifactId}`, { text: back, baseRevision: saved.revision.id }));
    const again = await ok(f.reviewer.call('GET', `${base}/reviews/${reviewId}/threads`));
    assert.equal(again.threads.find((t: { id: number }) => t.id === threadId).ruleState, 'regression');
    // Reopening counts.
    await ok(f.reviewer.call('POST', `${base}/threads/${threadId}/state`, { state: 'reopened', body: 'It is back.' }));
    const overview = await ok(f.instructor.call('GET', `${base}/overview`));
    const leo = overview.learners.find((l: { learner: { username: string } }) => l.learner.username === 'leo');
    assert.equal(leo.artifacts.length, 1);
    assert.equal(typeof leo.pass, 'boolean');
    assert.ok(leo.criteria.length > 0);
    assert.deepEqual(leo.followThrough.addressedInNext, { count: 2, of: 3 });
    assert.equal(leo.followThrough.reopened, 1);
    assert.equal(leo.followThrough.unanswered, 0);
    assert.equal(overview.followThrough.threads, 3);
    const strategyCase = overview.mistakeMap.find((g: { rules: { ruleId: string }[] }) => g.rules.some((r) => r.ruleId === 'strategy/fluff'));
    const fluff = strategyCase.rules.find((r: { ruleId: string }) => r.ruleId === 'strategy/fluff');
    assert.deepEqual([fluff.findings, fluff.comments], [1, 1], 'the regressed text fires once, and one thread cites it');
    assert.ok(strategyCase.sections.some((s: { section: string; comments: number }) => s.section === 'Diagnosis' && s.comments === 1));
  });

  it('streams a change to the other person as a server-sent event', async () => {
    const events: { event: string; id?: string }[] = [];
    let seen: () => void = () => {};
    const { request } = await import('node:http');
    const req = request(`${f.server.url}${base}/reviews/${reviewId}/events`, { headers: { cookie: f.reviewer.cookie as string, accept: 'text/event-stream' } }, (res) => {
      assert.equal(res.statusCode, 200);
      let buf = '';
      res.on('data', (chunk: Buffer) => {
        buf += chunk.toString('utf8');
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const id = /^id: (.*)$/m.exec(block)?.[1];
          if (event) events.push({ event, ...(id ? { id } : {}) });
          seen();
        }
      });
    });
    req.end();
    const until = (pred: () => boolean) => new Promise<void>((done) => {
      const check = () => (pred() ? done() : (seen = check));
      check();
    });
    try {
      await until(() => events.some((e) => e.event === 'cursor'));
      const cursor = events.find((e) => e.event === 'cursor')?.id as string;
      await ok(f.learner.call('POST', `${base}/threads/${threadId}/comments`, { body: 'Live?' }), 201);
      await until(() => events.some((e) => e.event === 'review'));
      const moved = events.find((e) => e.event === 'review')?.id as string;
      assert.notEqual(moved, cursor);
    } finally {
      req.destroy();
    }
  });

  it('exports Markdown with a review appendix and JSON with selectors', async () => {
    const md = await f.learner.call('GET', `${base}/reviews/${reviewId}/export.md`);
    assert.equal(md.status, 200);
    assert.match(md.headers['content-type'] as string, /text\/markdown/);
    const text = md.body as string;
    assert.ok(text.startsWith('# Strategy: Payments platform'));
    assert.match(text, /\n## Review\n/);
    assert.match(text, /### On deleted text\n/);
    assert.match(text, /Was:\n\n> We will leverage synergies/);
    assert.match(text, /\*\*leo\*\* won't change .*: because the second region replaces it/);
    const json = await ok(f.learner.call('GET', `${base}/reviews/${reviewId}/export.json`));
    assert.equal(json.annotations.length, 3);
    const a = json.annotations.find((x: { 'staffwork:ruleId': string | null }) => x['staffwork:ruleId'] === 'strategy/fluff');
    assert.equal(a.type, 'Annotation');
    const [origin] = a.target;
    assert.equal(origin.selector.refinedBy[0].type, 'TextPositionSelector');
    assert.equal(origin.selector.refinedBy[1].exact, 'We will leverage synergies to drive world-class outcomes.');
    const cohort = await ok(f.instructor.call('GET', `${base}/export.json`));
    assert.equal(cohort.reviews.length, 1);
  });

  it('refuses bad input with a clear 4xx and stores nothing', async () => {
    const rev = (await ok(f.learner.call('GET', `/api/artifacts/${artifactId}`))).revision;
    const post = (b: unknown) => f.reviewer.call('POST', `${base}/reviews/${reviewId}/threads`, b);
    const before = (await ok(f.reviewer.call('GET', `${base}/reviews/${reviewId}`))).review.counts;
    const cases: [unknown, number, RegExp][] = [
      [{ revision: rev.id, start: 0, end: rev.text.length + 1, body: 'x' }, 422, /inside revision/],
      [{ revision: rev.id, start: 5, end: 5, body: 'x' }, 422, /non-empty span/],
      [{ revision: rev.id, start: -1, end: 3, body: 'x' }, 400, /start/],
      [{ revision: 999999, start: 0, end: 3, body: 'x' }, 404, /no revision 999999/],
      [{ revision: rev.id, section: 'Nope', body: 'x' }, 422, /no section "Nope"/],
      [{ revision: rev.id, section: 'Diagnosis', start: 0, end: 2, body: 'x' }, 422, /either/],
      [{ revision: rev.id, start: 0, end: 3, body: '   ' }, 400, /body/],
      [{ revision: rev.id, start: 0, end: 3, body: 'x', ruleId: 'no/such-rule' }, 422, /unknown rule/],
      [{ revision: rev.id, start: 0, end: 3, body: 'x', criterion: 'nope' }, 422, /unknown completion criterion/],
      [{ revision: rev.id, start: 0, end: 3, body: 'x', surprise: true }, 400, /invalid request body/],
      ['not json', 400, /not valid JSON|invalid/],
    ];
    for (const [b, status, message] of cases) {
      const r = await post(b);
      assert.equal(r.status, status, JSON.stringify(b));
      assert.match(r.body.error, message);
    }
    const other = await f.outsider.call('POST', `/api/cohorts/${f.cohortId}/reviews/${reviewId}/threads`, { revision: rev.id, start: 0, end: 3, body: 'x' });
    assert.equal(other.status, 403);
    assert.equal((await f.reviewer.call('GET', `/api/cohorts/${f.otherCohortId}/reviews/${reviewId}`)).status, 403);
    assert.equal((await f.reviewer.call('GET', `${base}/reviews/99999`)).status, 404);
    assert.equal((await f.reviewer.call('GET', '/api/cohorts/not-a-cohort')).status, 404);
    assert.deepEqual((await ok(f.reviewer.call('GET', `${base}/reviews/${reviewId}`))).review.counts, before);
  });

  it('serves an OpenAPI document generated from the schemas the routes validate with', async () => {
    const doc = await ok(client(f.server).call('GET', '/api/openapi.json'));
    assert.equal(doc.openapi, '3.1.0');
    const op = doc.paths['/api/cohorts/{cohort}/reviews/{review}/threads'].post;
    const schema = op.requestBody.content['application/json'].schema;
    assert.deepEqual(schema.required.sort(), ['body', 'revision']);
    assert.equal(schema.additionalProperties, false);
    assert.ok(doc.paths['/api/auth/login'].post && doc.paths['/api/cohorts/{cohort}/overview'].get);
    assert.ok(doc.paths['/api/cohorts/{cohort}/threads/{thread}/state'].post.requestBody.content['application/json'].schema.properties.state.enum.includes('wont-change'));
  });

  it('pages 10,000 threads on one artifact and refuses the 10,001st', async () => {
    const made = await ok(f.learner2.call('POST', '/api/artifacts', { text: STRATEGY }), 201);
    const r = await ok(f.learner2.call('POST', `${base}/reviews`, { artifactId: made.artifact.id }), 201);
    const { openSqlite } = await import('../../src/server/storage/sqlite.ts');
    // Seeded through the storage (the same rows the API writes), while the server is stopped.
    await f.server.stop();
    const storage = await openSqlite(f.server.dataDir);
    const anchor = JSON.stringify({ position: { type: 'TextPositionSelector', start: 2, end: 10 }, quote: { type: 'TextQuoteSelector', exact: STRATEGY.slice(2, 10), prefix: '# ', suffix: STRATEGY.slice(10, 42) }, section: 'Strategy: Payments platform' });
    const at = new Date().toISOString();
    const rows = Array.from({ length: 10_000 }, () => ({
      cohort_id: f.cohortId, request_id: r.review.id, artifact_id: made.artifact.id, owner: r.review.learnerId, author_id: r.review.learnerId, revision_id: made.revision.id, anchor, rule_id: null, criterion: null, state: 'open' as const,
      port_revision_id: made.revision.id, port_anchor: anchor, port_status: 'kept', port_now: null, checked_revision_id: made.revision.id, rule_state: null, reopened: 0, created_at: at, updated_at: at, addressed_at: null, resolved_at: null, writer_answered_at: null, next_submitted_at: null,
    }));
    await storage.review.seedThreads(f.cohortId, rows);
    await storage.close();
    const { startServer } = await import('../../src/server/index.ts');
    const s = await startServer({ port: 0, dataDir: f.server.dataDir, quiet: true });
    try {
      const url = s.url.replace(/\/$/, '');
      (f.server as { url: string }).url = url;
      const first = await ok(f.reviewer.call('GET', `${base}/reviews/${r.review.id}/threads`));
      assert.equal(first.threads.length, 100);
      const next = await ok(f.reviewer.call('GET', `${base}/reviews/${r.review.id}/threads?after=${first.next}&limit=500`));
      assert.equal(next.threads.length, 500);
      assert.equal(next.threads[0].id, first.threads[99].id + 1);
      assert.equal((await f.reviewer.call('GET', `${base}/reviews/${r.review.id}/threads?limit=5000`)).status, 400);
      const refused = await f.reviewer.call('POST', `${base}/reviews/${r.review.id}/threads`, { revision: made.revision.id, start: 2, end: 10, body: 'one more' });
      assert.equal(refused.status, 409);
      assert.match(refused.body.error, /10000 threads/);
      assert.equal((await ok(f.reviewer.call('GET', `${base}/reviews/${r.review.id}`))).review.counts.open, 10_000);
    } finally {
      await s.close();
    }
  });
});
