// The review contract on a real PostgreSQL server that this test starts itself (Debian's
// postgresql package: initdb + pg_ctl into a temporary folder, on a free port, as an
// unprivileged user), and row-level security on the review tables as the second line.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { startServer } from '../../src/server/index.ts';
import type { TestServer } from './helpers.ts';
import { client, cohortFixture, ok, STRATEGY, type Cohort } from './review-helpers.ts';

const BIN = '/usr/lib/postgresql/15/bin';
const available = existsSync(join(BIN, 'initdb'));

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

describe('reviews on PostgreSQL', { skip: available ? false : `PostgreSQL 15 is not installed (${BIN}); apt-get install postgresql` }, () => {
  let dir: string;
  let url: string;
  let f: Cohort;
  let app: Awaited<ReturnType<typeof startServer>>;
  // PostgreSQL refuses to run as root: run it as nobody when the tests run as root.
  const as = (cmd: string, args: string[]) => (process.getuid?.() === 0 ? execFileSync('runuser', ['-u', 'nobody', '--', cmd, ...args], { stdio: 'pipe' }) : execFileSync(cmd, args, { stdio: 'pipe' }));

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'staffwork-pg-review-'));
    chmodSync(dir, 0o777);
    const port = await freePort();
    as(join(BIN, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust']);
    as(join(BIN, 'pg_ctl'), ['-D', join(dir, 'data'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-l', join(dir, 'log'), '-w', 'start']);
    url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    app = await startServer({ port: 0, database: url, quiet: true, workers: 0 });
    const base = app.url.replace(/\/$/, '');
    const server = {
      url: base,
      dataDir: dir,
      ...(app.setupCode ? { setupCode: app.setupCode } : {}),
      stop: () => app.close(),
      close: () => app.close(),
    } as unknown as TestServer;
    f = await cohortFixture(server);
  });
  after(async () => {
    await app?.close();
    if (dir) {
      try {
        as(join(BIN, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs a review round with ported threads and access checks', async () => {
    const base = `/api/cohorts/${f.cohortId}`;
    const made = await ok(f.learner.call('POST', '/api/artifacts', { text: STRATEGY }), 201);
    const r = await ok(f.learner.call('POST', `${base}/reviews`, { artifactId: made.artifact.id, reviewer: 'rita' }), 201);
    const start = STRATEGY.indexOf('We will leverage');
    const t = await ok(
      f.reviewer.call('POST', `${base}/reviews/${r.review.id}/threads`, {
        revision: made.revision.id,
        start,
        end: STRATEGY.indexOf('\n', start),
        body: 'Names no choice.',
        ruleId: 'strategy/fluff',
      }),
      201,
    );
    assert.equal(t.thread.ruleState, 'fires');
    assert.equal((await f.outsider.call('GET', `${base}/reviews/${r.review.id}`)).status, 403);
    assert.equal((await f.learner2.call('GET', `${base}/reviews/${r.review.id}`)).status, 403);
    assert.equal((await client(f.server).call('GET', `${base}/reviews/${r.review.id}`)).status, 401);
    await ok(
      f.learner.call('PUT', `/api/artifacts/${made.artifact.id}`, {
        text: STRATEGY.replace('We will leverage synergies to drive world-class outcomes.', 'We will stop new checkout features until the vault holds.'),
        baseRevision: made.revision.id,
      }),
    );
    await ok(f.learner.call('POST', `${base}/reviews/${r.review.id}/submit`, {}));
    const { threads } = await ok(f.reviewer.call('GET', `${base}/reviews/${r.review.id}/threads`));
    assert.equal(threads[0].current.status, 'edited');
    assert.equal(threads[0].ruleState, 'likely-addressed');
    await ok(f.learner.call('POST', `${base}/threads/${t.thread.id}/state`, { state: 'addressed' }));
    await ok(f.reviewer.call('POST', `${base}/threads/${t.thread.id}/state`, { state: 'resolved' }));
    assert.equal((await ok(f.learner.call('GET', `${base}/reviews/${r.review.id}`))).review.turn, 'done');
    const md = await f.learner.call('GET', `${base}/reviews/${r.review.id}/export.md`);
    assert.match(md.body as string, /## Review/);
  });

  it('two first submissions of one artifact at once make one request, and concurrent setups one admin', async () => {
    const base = `/api/cohorts/${f.cohortId}`;
    const made = await ok(f.learner.call('POST', '/api/artifacts', { text: STRATEGY.replace('Payments platform', 'Race') }), 201);
    const rs = await Promise.all(Array.from({ length: 6 }, () => f.learner.call('POST', `${base}/reviews`, { artifactId: made.artifact.id })));
    assert.deepEqual([...new Set(rs.map((r) => r.status))], [201]);
    assert.equal(new Set(rs.map((r) => r.body.review.id)).size, 1);
    // Two servers on a fresh database, each creating the first account at once.
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query('CREATE DATABASE first_run');
    await c.end();
    const fresh = url.replace(/\/postgres$/, '/first_run');
    const { openPostgres } = await import('../../src/server/storage/postgres.ts');
    const [a, b] = [await openPostgres(fresh), await openPostgres(fresh)];
    try {
      const made = await Promise.all([a, b, a, b].map((s, i) => s.review.createUser({ id: `u-first${i}`, username: `first${i}`, passwordHash: 'x', admin: true, first: true })));
      assert.equal(made.filter((u) => typeof u === 'object').length, 1);
      assert.deepEqual(
        made.filter((u) => typeof u !== 'object'),
        ['not-first', 'not-first', 'not-first'],
      );
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("row-level security hides one cohort's review rows from a transaction scoped to another", async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const count = async (readers: string, table: string) => {
        await c.query('BEGIN');
        await c.query(`SET LOCAL ROLE staffwork_app`);
        await c.query(`SELECT set_config('staffwork.readers', $1, true)`, [readers]);
        const n = Number((await c.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
        await c.query('COMMIT');
        return n;
      };
      for (const table of ['threads', 'comments', 'review_requests']) {
        assert.ok((await count(f.cohortId, table)) > 0, `${table}: the cohort sees its rows`);
        assert.equal(await count(f.otherCohortId, table), 0, `${table}: another cohort sees none`);
      }
      // Memberships: each cohort sees exactly its own (both have some).
      const own = async (cohort: string) => {
        await c.query('BEGIN');
        await c.query('SET LOCAL ROLE staffwork_app');
        await c.query(`SELECT set_config('staffwork.readers', $1, true)`, [cohort]);
        const rows = (await c.query('SELECT DISTINCT cohort_id FROM memberships')).rows.map((r) => r.cohort_id);
        await c.query('COMMIT');
        return rows;
      };
      assert.deepEqual(await own(f.cohortId), [f.cohortId]);
      assert.deepEqual(await own(f.otherCohortId), [f.otherCohortId]);
      assert.equal(await count(f.cohortId, 'users'), 0, 'accounts are not readable in a cohort scope');
      await c.query('BEGIN');
      await c.query('SET LOCAL ROLE staffwork_app');
      await c.query(`SELECT set_config('staffwork.owner', $1, true)`, [f.otherCohortId]);
      await assert.rejects(
        c.query(`UPDATE threads SET state = 'open'`).then(async (res) => {
          if (res.rowCount === 0) throw new Error('no row visible to update');
        }),
      );
      await c.query('ROLLBACK');
    } finally {
      await c.end();
    }
  });
});
