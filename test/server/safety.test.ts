// The server's safety at its edges (issue 11, items 9-11): the Host allow-list on every bind
// and no unauthenticated network bind; a database that is read-only, corrupted or not
// staffwork's is refused at start in one line (and left as it was); text that is not valid
// Unicode is refused; and one huge artifact cannot stall the other requests.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { defaultModule } from '../../src/core/index.ts';
import { CheckPool, CheckTimeoutError } from '../../src/server/checker/pool.ts';
import { startServer } from '../../src/server/index.ts';
import { tempServer } from './helpers.ts';

const root = join(import.meta.dirname, '../..');
const good = readFileSync(join(root, 'test/fixtures/examples/good/platform-strategy.md'), 'utf8');
const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'staffwork-safety-'));
  dirs.push(d);
  return d;
};
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** `staffwork serve` from the source (the same code the bundle runs), as `user` when given (tests run as root). */
function serve(args: string[], user?: string) {
  const argv = [process.execPath, '--import', 'tsx', join(root, 'src/cli/main.ts'), 'serve', '--port', '0', ...args];
  const [cmd, rest] = user && process.getuid?.() === 0 ? ['runuser', ['-u', user, '--', ...argv]] : [argv[0] as string, argv.slice(1)];
  // A server that starts would run until killed: the timeout marks that as a failure (status null).
  const r = spawnSync(cmd, rest, { cwd: root, encoding: 'utf8', timeout: 30_000, env: { ...process.env, DATABASE_URL: '' } });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

function hostStatus(url: string, host: string): Promise<number> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    request({ host: u.hostname, port: u.port, path: '/api/portfolio', headers: { host } }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    })
      .on('error', fail)
      .end();
  });
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('binding (11.9)', () => {
  it('keeps the Host allow-list on any loopback bind, 127.0.0.2 included, and --allowed-host extends it', async () => {
    const server = await startServer({ host: '127.0.0.2', port: 0, dataDir: temp(), quiet: true, workers: 0, allowedHosts: ['workbench.example.org'] });
    try {
      const port = new URL(server.url).port;
      assert.equal(await hostStatus(server.url, 'evil.example'), 421);
      assert.equal(await hostStatus(server.url, `attacker.127.0.0.2.nip.io:${port}`), 421);
      assert.equal(await hostStatus(server.url, `127.0.0.2:${port}`), 200);
      assert.equal(await hostStatus(server.url, `localhost:${port}`), 200);
      assert.equal(await hostStatus(server.url, 'WorkBench.Example.org'), 200);
    } finally {
      await server.close();
    }
  });

  it('refuses a network bind while there are no accounts: one line, exit 2', () => {
    const lan =
      Object.values(networkInterfaces())
        .flat()
        .find((a) => a && a.family === 'IPv4' && !a.internal)?.address ?? '10.255.255.1';
    for (const host of ['0.0.0.0', lan, '::']) {
      const r = serve(['--host', host, '--data', temp()]);
      assert.equal(r.code, 2, `${host}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`^staffwork: serve: refusing to listen on ${host.replace(/[.:]/g, '\\$&')}: the workbench has no accounts yet`));
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    }
  });
});

describe('the database at start (11.11)', () => {
  /** A data folder holding a real workbench file with one artifact, the server stopped. */
  async function workbench(): Promise<{ dir: string; file: string }> {
    const dir = temp();
    const s = await tempServer(dir);
    assert.equal((await s.call('POST', '/api/artifacts', { text: good })).status, 201);
    await s.stop();
    return { dir, file: join(dir, 'workbench.sqlite') };
  }

  it('refuses a read-only database file in one line before serving, leaving it as it was', async (t) => {
    const { dir, file } = await workbench();
    const isRoot = process.getuid?.() === 0;
    if (isRoot) {
      // root writes through file modes: run the server as an unprivileged user who owns nothing here.
      if (spawnSync('id', ['nobody']).status !== 0) return t.skip('no "nobody" user to run the server as');
      chmodSync(dir, 0o755);
    }
    chmodSync(file, 0o444);
    const before = sha(file);
    const r = serve(['--data', dir], 'nobody');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^staffwork: serve: cannot open the workbench data in .+: .+workbench\.sqlite is read-only; make it \(and its folder\) writable/);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.equal(sha(file), before);
  });

  it('refuses a corrupted database file in one line, leaving it as it was', async () => {
    const { dir, file } = await workbench();
    // Overwrite the second page (the first table's b-tree) with noise; the header stays valid.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(2048, 0x5a), 0, 2048, 4096);
    closeSync(fd);
    const before = sha(file);
    const r = serve(['--data', dir]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /workbench\.sqlite is corrupted \(.+\); restore it from a backup/);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.equal(sha(file), before);
    // Not SQLite at all.
    const other = join(temp(), 'workbench.sqlite');
    const fd2 = openSync(other, 'w');
    writeSync(fd2, Buffer.from('just some text, not a database\n'.repeat(20)));
    closeSync(fd2);
    await assert.rejects(startServer({ port: 0, dataDir: join(other, '..'), quiet: true, workers: 0 }), /workbench\.sqlite is not a SQLite database/);
  });

  it("refuses another application's SQLite file, even with an artifacts table, without altering it", async () => {
    const cases: [string, (db: Database.Database) => void, RegExp][] = [
      [
        'foreign tables',
        (db) => db.exec("CREATE TABLE artifacts (id INTEGER PRIMARY KEY, sku TEXT, price REAL); CREATE TABLE orders (id INTEGER); INSERT INTO artifacts VALUES (1, 'a', 2.5)"),
        /is not a staffwork database \(it has the tables artifacts, orders\)/,
      ],
      ['same names, other columns', (db) => db.exec('CREATE TABLE artifacts (id TEXT, body BLOB); CREATE TABLE revisions (n INTEGER)'), /is not a staffwork database/],
      [
        'another application id',
        (db) => db.exec('PRAGMA application_id = 1234; CREATE TABLE artifacts (id TEXT PRIMARY KEY, kind TEXT, title TEXT NOT NULL, created_at TEXT NOT NULL, head_id INTEGER NOT NULL)'),
        /belongs to another application \(application_id 1234\)/,
      ],
    ];
    for (const [name, make, message] of cases) {
      const dir = temp();
      const file = join(dir, 'workbench.sqlite');
      const db = new Database(file);
      make(db);
      db.close();
      const before = sha(file);
      await assert.rejects(startServer({ port: 0, dataDir: dir, quiet: true, workers: 0 }), (e: Error) => message.test(e.message) && !e.message.includes('\n'), name);
      assert.equal(sha(file), before, `${name}: the file was altered`);
      assert.ok(!existsSync(`${file}-wal`) || statSync(`${file}-wal`).size === 0, `${name}: a WAL was written`);
    }
    const r = serve(['--data', dirs.at(-1) as string]);
    assert.equal(r.code, 2);
  });
});

describe('text that is not Unicode (11.11)', () => {
  it('refuses a lone surrogate with a 400 and stores a real astral character faithfully', async () => {
    const s = await tempServer();
    try {
      const before = (await s.call('GET', '/api/artifacts?archived=include')).body.artifacts.length;
      const lone = await s.call('POST', '/api/artifacts', '{"text":"# Plan\\n\\nbroken \\ud800 here"}');
      assert.equal(lone.status, 400);
      assert.match(lone.body.error, /lone surrogate/);
      assert.equal((await s.call('GET', '/api/artifacts?archived=include')).body.artifacts.length, before);

      const ok = await s.call('POST', '/api/artifacts', { text: '# Plan\n\nrocket 🚀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢' });
      assert.equal(ok.status, 201);
      const id = ok.body.artifact.id;
      const save = await s.call('PUT', `/api/artifacts/${id}`, `{"text":"# Plan\\n\\n\\udc00 trailing half","baseRevision":${ok.body.revision.id}}`);
      assert.equal(save.status, 400);
      const head = (await s.call('GET', `/api/artifacts/${id}`)).body.revision;
      assert.deepEqual([head.id, head.text], [ok.body.revision.id, '# Plan\n\nrocket 🚀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢']);
    } finally {
      await s.close();
    }
  });
});

describe('one huge artifact (11.10)', () => {
  // ~1.9 MB of real strategy text: every section many times over.
  const huge = `${good}\n${good.replace(/^---[^]*?---\n/, '').repeat(Math.ceil(1_900_000 / good.length))}`.slice(0, 1_900_000);

  it('checks off the request thread: while its print is being checked, other requests are answered', async () => {
    const s = await tempServer();
    try {
      const big = await s.call('POST', '/api/artifacts', { text: huge });
      assert.equal(big.status, 201);
      const small = await s.call('POST', '/api/artifacts', { text: good });
      const done: string[] = [];
      const heavy = fetch(`${s.url}/artifacts/${big.body.artifact.id}/print`).then(async (r) => {
        done.push('heavy');
        return { status: r.status, html: await r.text() };
      });
      const light = (async () => {
        const got = await s.call('GET', `/api/artifacts/${small.body.artifact.id}`);
        const saved = await s.call('PUT', `/api/artifacts/${small.body.artifact.id}`, { text: `${good}\nOne more line.\n`, baseRevision: got.body.revision.id });
        const health = await s.call('GET', '/api/health');
        done.push('light');
        return [got.status, saved.status, health.status];
      })();
      assert.deepEqual(await light, [200, 200, 200]);
      const printed = await heavy;
      assert.deepEqual(done, ['light', 'heavy'], 'the small requests waited for the huge check');
      assert.equal(printed.status, 200);
      // Print work is capped: a text this long prints as plain preformatted text, not laid-out Markdown.
      assert.match(printed.html, /Printed as plain text/);
      assert.match(printed.html, /<pre>---\nkind: strategy/);
    } finally {
      await s.close();
    }
  });

  it('checks each revision once: the next view of the portfolio reuses it, and the counts are stored with the revision', async () => {
    const s = await tempServer();
    try {
      const a = await s.call('POST', '/api/artifacts', { text: good });
      assert.equal(a.body.revision.findings, null);
      const first = (await s.call('GET', '/api/portfolio')).body.artifacts[0];
      // Stored off the response path: poll the history until it shows (no timing assumed).
      let stored: { errors: number; warnings: number } | null = null;
      for (let i = 0; i < 200 && !stored; i++) {
        stored = (await s.call('GET', `/api/artifacts/${a.body.artifact.id}/revisions`)).body.revisions[0].findings;
        if (!stored) await new Promise((r) => setTimeout(r, 20));
      }
      assert.deepEqual(stored && [stored.errors, stored.warnings], [first.errorCount, first.warningCount]);
    } finally {
      await s.close();
    }

    // The lane keeps checked revisions: a second task over the same revisions needs no text.
    const pool = new CheckPool({ workers: 2 });
    try {
      const artifact = { id: 'a1', kind: 'strategy', title: 't', createdAt: '', updatedAt: '', archivedAt: null, head: { id: 7, baseId: null, createdAt: '', size: good.length } };
      const items = [{ key: 'a1@7', artifact }];
      assert.deepEqual(await pool.heavy('learner', { type: 'portfolio', module: defaultModule.id, items, texts: {} }), { type: 'missing', keys: ['a1@7'] });
      const checked = await pool.heavy('learner', { type: 'portfolio', module: defaultModule.id, items, texts: { 'a1@7': good } });
      assert.equal(checked.type, 'portfolio');
      assert.deepEqual(Object.keys((checked as { checked: object }).checked), ['a1@7']);
      const again = await pool.heavy('learner', { type: 'portfolio', module: defaultModule.id, items, texts: {} });
      assert.equal(again.type, 'portfolio');
      assert.deepEqual((again as { checked: object }).checked, {}, 'the revision was checked a second time');
      assert.deepEqual((again as { artifacts: unknown }).artifacts, (checked as { artifacts: unknown }).artifacts);
    } finally {
      await pool.close();
    }
  });

  it('stops a check that runs past its limit and replaces the worker', async () => {
    const pool = new CheckPool({ workers: 2 });
    const artifact = (id: string, size: number) => ({ id, kind: null, title: 't', createdAt: '', updatedAt: '', archivedAt: null, head: { id: 1, baseId: null, createdAt: '', size } });
    const small = [{ key: 'small@1', artifact: artifact('small', good.length) }];
    try {
      assert.equal((await pool.heavy('learner', { type: 'portfolio', module: defaultModule.id, items: small, texts: { 'small@1': good } })).type, 'portfolio');
      await assert.rejects(pool.heavy('learner', { type: 'portfolio', module: defaultModule.id, items: [{ key: 'big@1', artifact: artifact('big', huge.length) }], texts: { 'big@1': huge } }, { timeoutMs: 1 }), CheckTimeoutError);
      // A fresh worker took the lane: it answers, and it has not seen the small revision.
      assert.deepEqual(await pool.heavy('learner', { type: 'portfolio', module: defaultModule.id, items: small, texts: {} }), { type: 'missing', keys: ['small@1'] });
    } finally {
      await pool.close();
    }
  });
});
