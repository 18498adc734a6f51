// Several app servers on one real PostgreSQL server (started by the test, see pg-harness.ts):
// the same 409 from either server, live updates across servers with re-sync by cursor, kill -9
// of one server under load, the database restarted under load, servers migrating at once, and
// row-level security as a second line behind the app's own owner checks.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { MIGRATIONS } from '../../src/server/storage/schema.ts';
import { postgresAvailable, startPostgres, type Postgres } from './pg-harness.ts';

const root = join(import.meta.dirname, '../..');
const child = join(import.meta.dirname, 'fixtures/serve-child.ts');
const headers = { 'content-type': 'application/json', 'x-staffwork': '1' };
const available = postgresAvailable();
const scratch = mkdtempSync(join(tmpdir(), 'staffwork-pgtest-'));

interface App {
  proc: ChildProcess;
  url: string;
}

const running = new Set<ChildProcess>();
function launch(database: string): Promise<App> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, scratch, database], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(proc);
  proc.once('exit', () => running.delete(proc));
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    process.stderr.write(d); // the server's own one-line reports, next to the failing assertion
  });
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('app server did not start within 60 s')), 60_000);
    proc.once('exit', (code) => fail(new Error(`app server exited early (${code}): ${stderr.trim()}`)));
    createInterface({ input: proc.stdout as NodeJS.ReadableStream }).once('line', (line) => {
      clearTimeout(timer);
      ok({ proc, url: (JSON.parse(line) as { url: string }).url.replace(/\/$/, '') });
    });
  });
}

async function call(app: App, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(app.url + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

/** A server-sent-events reader: each event as { event, id, data }. */
async function events(app: App, path: string, lastEventId?: string) {
  const controller = new AbortController();
  const res = await fetch(app.url + path, { headers: lastEventId ? { 'last-event-id': lastEventId } : {}, signal: controller.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const queue: { event: string; id?: string; data: any }[] = [];
  return {
    async next(): Promise<{ event: string; id?: string; data: any }> {
      for (;;) {
        const cut = buffer.indexOf('\n\n');
        if (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((l) => !l.startsWith(':') && l.includes(':'))
              .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trimStart()]),
          );
          if (!fields['event'] && !fields['data']) continue; // a keep-alive comment
          queue.push({ event: fields['event'] ?? 'message', ...(fields['id'] ? { id: fields['id'] } : {}), data: fields['data'] ? JSON.parse(fields['data']) : undefined });
        }
        const first = queue.shift();
        if (first) return first;
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => controller.abort(),
  };
}

describe('PostgreSQL: several app servers on one database', { skip: 'skip' in available ? available.skip : false }, () => {
  let server: Postgres;
  before(async () => {
    server = await startPostgres();
  });
  after(() => {
    for (const p of running) p.kill('SIGKILL');
    server?.destroy();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('gives a stale save the same 409 on either server, and exactly one of racing saves lands', async () => {
    const db = await server.createDatabase();
    const [a, b] = await Promise.all([launch(db), launch(db)]);
    const created = await call(a, 'POST', '/api/artifacts', { text: '# Shared\n\nfirst' });
    assert.equal(created.status, 201);
    const id = created.body.artifact.id;
    const r1 = created.body.revision.id;
    assert.equal((await call(b, 'GET', `/api/artifacts/${id}`)).body.revision.text, '# Shared\n\nfirst');
    const onB = await call(b, 'PUT', `/api/artifacts/${id}`, { text: '# Shared\n\nfrom B', baseRevision: r1 });
    assert.equal(onB.status, 200);
    const staleOnA = await call(a, 'PUT', `/api/artifacts/${id}`, { text: '# Shared\n\nfrom A', baseRevision: r1 });
    assert.equal(staleOnA.status, 409);
    assert.deepEqual([staleOnA.body.current.id, staleOnA.body.current.text], [onB.body.revision.id, '# Shared\n\nfrom B']);

    const base = onB.body.revision.id;
    const racing = await Promise.all(Array.from({ length: 16 }, (_, i) => call(i % 2 ? a : b, 'PUT', `/api/artifacts/${id}`, { text: `# Shared\n\nrace ${i}`, baseRevision: base })));
    assert.equal(racing.filter((r) => r.status === 200).length, 1, racing.map((r) => r.status).join(' '));
    assert.equal(racing.filter((r) => r.status === 409).length, 15);
    const history = (await call(a, 'GET', `/api/artifacts/${id}/revisions`)).body.revisions;
    assert.equal(history.length, 3);
    a.proc.kill('SIGKILL');
    b.proc.kill('SIGKILL');
  });

  it('streams a revision saved on one server to a page connected to the other, and re-syncs by cursor after a reconnect', async () => {
    const db = await server.createDatabase();
    const [a, b] = await Promise.all([launch(db), launch(db)]);
    const created = await call(a, 'POST', '/api/artifacts', { text: 'v1' });
    const id = created.body.artifact.id;
    const stream = await events(b, `/api/artifacts/${id}/events`);
    assert.equal((await stream.next()).event, 'ready');
    const v2 = await call(a, 'PUT', `/api/artifacts/${id}`, { text: 'v2', baseRevision: created.body.revision.id });
    const heard = await stream.next();
    assert.deepEqual([heard.event, heard.id, heard.data.revision.id], ['revision', String(v2.body.revision.id), v2.body.revision.id]);
    stream.close();

    // Saved while the page was away: the reconnect (Last-Event-ID) gets both, in order, once.
    const v3 = await call(a, 'PUT', `/api/artifacts/${id}`, { text: 'v3', baseRevision: v2.body.revision.id });
    const v4 = await call(b, 'PUT', `/api/artifacts/${id}`, { text: 'v4', baseRevision: v3.body.revision.id });
    const again = await events(b, `/api/artifacts/${id}/events`, heard.id);
    assert.equal((await again.next()).event, 'ready');
    assert.deepEqual([(await again.next()).id, (await again.next()).id], [String(v3.body.revision.id), String(v4.body.revision.id)]);
    const v5 = await call(a, 'PUT', `/api/artifacts/${id}`, { text: 'v5', baseRevision: v4.body.revision.id });
    assert.equal((await again.next()).id, String(v5.body.revision.id));
    again.close();
    a.proc.kill('SIGKILL');
    b.proc.kill('SIGKILL');
  });

  it('signs in on one server and keeps the session on the other', async () => {
    const db = await server.createDatabase();
    const made = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'admin', 'create-user', 'ines', '--admin', '--password-stdin', '--database', db], {
      cwd: root,
      input: 'correct horse battery\n',
      encoding: 'utf8',
    });
    assert.equal(made.status, 0, made.stderr);
    const [a, b] = await Promise.all([launch(db), launch(db)]);
    const login = await fetch(`${a.url}/api/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username: 'ines', password: 'correct horse battery' }) });
    assert.equal(login.status, 200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    assert.ok(cookie.includes('='));
    // Anonymous on B: refused. With A's cookie on B: the same user, writing on either.
    assert.equal((await fetch(`${b.url}/api/portfolio`)).status, 401);
    const created = await fetch(`${b.url}/api/artifacts`, { method: 'POST', headers: { ...headers, cookie }, body: JSON.stringify({ text: '# Signed in\n' }) });
    assert.equal(created.status, 201);
    const id = ((await created.json()) as { artifact: { id: string } }).artifact.id;
    const onA = await fetch(`${a.url}/api/artifacts/${id}`, { headers: { cookie } });
    assert.equal(onA.status, 200);
    a.proc.kill('SIGKILL');
    b.proc.kill('SIGKILL');
  });

  it('keeps every acknowledged save when one app server is killed -9 during a burst of saves to both', async () => {
    const db = await server.createDatabase();
    const [a, b] = await Promise.all([launch(db), launch(db)]);
    const acked: { artifact: string; revision: number; text: string }[] = [];
    const chains: { app: App; id: string; rev: number }[] = [];
    for (let i = 0; i < 8; i++) {
      const app = i % 2 ? a : b;
      const c = await call(app, 'POST', '/api/artifacts', { text: `# Chain ${i}\n` });
      chains.push({ app, id: c.body.artifact.id, rev: c.body.revision.id });
    }
    let aAcks = 0;
    let bAfterKill = 0;
    let killed = false;
    const aExited = new Promise((ok) => a.proc.once('exit', ok));
    await Promise.all(
      chains.map(async (chain, n) => {
        for (let k = 0; k < 5000; k++) {
          if (chain.app === b && killed && bAfterKill >= 60) return;
          const text = `# Chain ${n}\n\nsave ${k} ${'word '.repeat(k % 40)}\n`;
          let res: { status: number; body: any };
          try {
            res = await call(chain.app, 'PUT', `/api/artifacts/${chain.id}`, { text, baseRevision: chain.rev });
          } catch {
            assert.equal(chain.app, a, 'a save to the surviving server failed');
            return; // the killed server: this save was never acknowledged
          }
          assert.equal(res.status, 200);
          chain.rev = res.body.revision.id;
          acked.push({ artifact: chain.id, revision: chain.rev, text });
          if (chain.app === a && ++aAcks === 80) {
            killed = true;
            a.proc.kill('SIGKILL');
          }
          if (chain.app === b && killed) bAfterKill++;
        }
      }),
    );
    await aExited;
    assert.ok(aAcks >= 80 && bAfterKill >= 60);
    // A fresh server on the same database finds every acknowledged revision, word for word.
    const c = await launch(db);
    for (const s of acked) {
      const res = await call(c, 'GET', `/api/artifacts/${s.artifact}/revisions/${s.revision}`);
      assert.equal(res.status, 200, `revision ${s.revision} of ${s.artifact} is missing`);
      assert.equal(res.body.revision.text, s.text);
    }
    b.proc.kill('SIGKILL');
    c.proc.kill('SIGKILL');
  });

  it('answers a clear 503 while the database restarts under load, recovers by itself, and loses nothing acknowledged', async () => {
    const db = await server.createDatabase();
    const a = await launch(db);
    const chains: { id: string; rev: number }[] = [];
    for (let i = 0; i < 4; i++) {
      const c = await call(a, 'POST', '/api/artifacts', { text: `# Load ${i}\n` });
      chains.push({ id: c.body.artifact.id, rev: c.body.revision.id });
    }
    const acked: { artifact: string; revision: number; text: string }[] = [];
    const unavailable: string[] = [];
    let phase: 'before' | 'down' | 'after' = 'before';
    let afterAcks = 0;
    let done = false;
    const load = Promise.all(
      chains.map(async (chain, n) => {
        for (let k = 0; !done; k++) {
          const text = `# Load ${n}\n\nsave ${k}\n`;
          // Retried until it is acknowledged, as the editor does.
          for (;;) {
            const res = await call(a, 'PUT', `/api/artifacts/${chain.id}`, { text, baseRevision: chain.rev });
            if (res.status === 200) {
              chain.rev = res.body.revision.id;
              acked.push({ artifact: chain.id, revision: chain.rev, text });
              if (phase === 'after') afterAcks++;
              break;
            }
            if (res.status === 409 && res.body.current.text === text) {
              // Committed just before the connection was cut: the answer was lost, not the save.
              chain.rev = res.body.current.id;
              break;
            }
            assert.equal(res.status, 503, JSON.stringify(res.body));
            unavailable.push(res.body.error);
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      }),
    );
    while (acked.length < 40) await new Promise((r) => setTimeout(r, 20));
    server.stop('fast');
    phase = 'down';
    while (unavailable.length === 0) await new Promise((r) => setTimeout(r, 20));
    const health = await call(a, 'GET', '/api/health');
    assert.deepEqual([health.status, health.body.database], [503, 'unavailable']);
    server.start();
    phase = 'after';
    while (afterAcks < 40) await new Promise((r) => setTimeout(r, 20));
    done = true;
    await load;
    assert.ok(
      unavailable.every((e) => /the database is unavailable right now; nothing was applied/.test(e)),
      unavailable[0],
    );
    const healthy = await call(a, 'GET', '/api/health');
    assert.deepEqual([healthy.status, healthy.body.database, healthy.body.schema], [200, 'ok', MIGRATIONS.length]);
    for (const s of acked) {
      const res = await call(a, 'GET', `/api/artifacts/${s.artifact}/revisions/${s.revision}`);
      assert.equal(res.body?.revision?.text, s.text, `acknowledged revision ${s.revision} lost`);
    }
    a.proc.kill('SIGKILL');
  });

  it('migrates once when two servers (and two `staffwork migrate`) start on a fresh database at once', async () => {
    const db = await server.createDatabase();
    const migrate = () =>
      new Promise<{ code: number | null; out: string }>((ok) => {
        const p = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'migrate', '--database', db], { cwd: root });
        let out = '';
        p.stdout.on('data', (d: Buffer) => (out += d));
        p.stderr.on('data', (d: Buffer) => (out += d));
        p.on('exit', (code) => ok({ code, out }));
      });
    const [m1, m2, s1, s2] = await Promise.all([migrate(), migrate(), launch(db), launch(db)]);
    assert.deepEqual([m1.code, m2.code], [0, 0], m1.out + m2.out);
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    try {
      const versions = (await client.query<{ version: number }>('SELECT version FROM staffwork_schema ORDER BY version')).rows.map((r) => r.version);
      assert.deepEqual(
        versions,
        MIGRATIONS.map((_, i) => i + 1),
      );
    } finally {
      await client.end();
    }
    const created = await call(s1, 'POST', '/api/artifacts', { text: 'after migrating' });
    assert.equal((await call(s2, 'GET', `/api/artifacts/${created.body.artifact.id}`)).status, 200);
    s1.proc.kill('SIGKILL');
    s2.proc.kill('SIGKILL');
  });

  it('runs an app server logging in as a role that owns nothing and may only become the app role', async () => {
    const db = await server.createDatabase();
    const migrated = await launch(db); // migrates as the database's owner
    migrated.proc.kill('SIGKILL');
    const admin = new pg.Client({ connectionString: db });
    await admin.connect();
    try {
      await admin.query('DO $$ BEGIN CREATE ROLE staffwork_web LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$');
      await admin.query('GRANT staffwork_app TO staffwork_web');
    } finally {
      await admin.end();
    }
    const web = await launch(db.replace('postgres://postgres@', 'postgres://staffwork_web@'));
    const created = await call(web, 'POST', '/api/artifacts', { text: 'least privilege' });
    assert.equal(created.status, 201);
    const saved = await call(web, 'PUT', `/api/artifacts/${created.body.artifact.id}`, { text: 'still fine', baseRevision: created.body.revision.id });
    assert.equal(saved.status, 200);
    assert.equal((await call(web, 'GET', '/api/health')).body.database, 'ok');
    web.proc.kill('SIGKILL');
  });

  it("enforces owners with row-level security too: the app's role owns no table and sees only the owners set for its transaction", async () => {
    const db = await server.createDatabase();
    const a = await launch(db);
    const created = await call(a, 'POST', '/api/artifacts', { text: 'the local learner' });
    assert.equal(created.status, 201);
    a.proc.kill('SIGKILL');
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    try {
      const owners = (await client.query<{ tableowner: string }>("SELECT tableowner FROM pg_tables WHERE tablename IN ('artifacts', 'revisions')")).rows;
      assert.ok(owners.length === 2 && owners.every((o) => o.tableowner !== 'staffwork_app'));
      const asApp = async (readers: string, owner: string, query: string, params: unknown[] = []) => {
        await client.query('BEGIN');
        try {
          await client.query("SELECT set_config('role', 'staffwork_app', true), set_config('staffwork.readers', $1, true), set_config('staffwork.owner', $2, true)", [readers, owner]);
          return await client.query(query, params);
        } finally {
          await client.query('ROLLBACK');
        }
      };
      assert.equal((await asApp('local', 'local', 'SELECT count(*)::int AS n FROM artifacts')).rows[0].n, 1);
      // No owner filter in the query at all: the policy alone hides the rows.
      assert.equal((await asApp('someone-else', 'someone-else', 'SELECT count(*)::int AS n FROM revisions')).rows[0].n, 0);
      assert.equal((await asApp('', '', 'SELECT count(*)::int AS n FROM artifacts')).rows[0].n, 0);
      const updated = await asApp('local', 'intruder', "UPDATE artifacts SET title = 'taken' WHERE id = $1", [created.body.artifact.id]);
      assert.equal(updated.rowCount, 0);
      await assert.rejects(asApp('intruder', 'intruder', "INSERT INTO artifacts (id, owner, title, created_at, head_id) VALUES ('x', 'local', 'forged', 'now', 0)"), (e: { code?: string }) => e.code === '42501');
    } finally {
      await client.end();
    }
  });
});
