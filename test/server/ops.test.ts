// Operations: backup and restore on both engines, and export-db from a single-user SQLite
// workbench into PostgreSQL, each proven by a round trip that compares every artifact,
// revision and text; and the one-line refusals around them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { backup, exportDb, restore } from '../../src/server/ops.ts';
import { openPostgres } from '../../src/server/storage/postgres.ts';
import { openSqlite } from '../../src/server/storage/sqlite.ts';
import { LOCAL_OWNER, type Storage } from '../../src/server/storage/types.ts';
import { postgresAvailable, startPostgres, type Postgres } from './pg-harness.ts';

const root = join(import.meta.dirname, '../..');
const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'staffwork-ops-'));
  dirs.push(d);
  return d;
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A workbench with what a learner makes: kinds, sets, an archived draft, a long history, awkward text. */
async function fill(storage: Storage): Promise<void> {
  const s = storage.as(LOCAL_OWNER);
  const texts = ['---\nkind: strategy\ntitle: Ünïcode “plan” 🚀\n---\n\n# Plan\r\n\r\nCRLF body\r\n', '# Exec\n\nset variant', 'x'.repeat(200_000)];
  const ids: string[] = [];
  for (const [i, text] of texts.entries()) ids.push((await s.create(text, { kind: i === 0 ? 'strategy' : null, title: `T${i}`, set: i === 1 ? 'launch' : null, audience: i === 1 ? 'executive' : null })).artifact.id);
  let head = (await s.get(ids[0] as string))?.revision.id as number;
  for (let k = 0; k < 30; k++) {
    const r = await s.save(ids[0] as string, `# Plan\n\nedit ${k} — ${'é'.repeat(k)}`, head, { kind: 'strategy', title: 'Plan' });
    assert.ok(r?.ok);
    head = r.revision.id;
  }
  await s.setFindings(head, { errors: 1, warnings: 2, infos: 3 });
  await s.setArchived(ids[2] as string, true);
}

/** Everything the owner's view holds, in a comparable form. */
async function dump(storage: Storage) {
  const s = storage.as(LOCAL_OWNER);
  const out = [];
  for (const a of await s.list({ archived: 'include' })) {
    const revisions = (await s.revisions(a.id)) ?? [];
    const texts = await s.texts(revisions.map((r) => ({ artifactId: a.id, revisionId: r.id })));
    out.push({ artifact: a, revisions, texts: texts.sort((x, y) => x.id - y.id).map((t) => t.text) });
  }
  return { artifacts: out, sets: await s.setMembers('launch') };
}

describe('SQLite backup and restore', () => {
  it('backs up a live workbench consistently and restores it whole', async () => {
    const dir = temp();
    const live = await openSqlite(dir);
    await fill(live);
    const expected = await dump(live);
    const file = join(temp(), 'copy.sqlite');
    // While the "server" still has the file open, as with a running serve.
    assert.match(await backup({ dataDir: dir }, file), /-> .*copy\.sqlite$/);
    await live.close();
    await assert.rejects(backup({ dataDir: dir }, file), /exists; staffwork backup does not overwrite/);

    const target = temp();
    await restore({ dataDir: target }, file, false);
    const restored = await openSqlite(target);
    assert.deepEqual(await dump(restored), expected);
    await restored.close();
    await assert.rejects(restore({ dataDir: target }, file, false), /exists; stop the server and pass --force/);
    await restore({ dataDir: target }, file, true);

    const foreign = join(temp(), 'not-ours.sqlite');
    writeFileSync(foreign, 'plain text');
    await assert.rejects(restore({ dataDir: temp() }, foreign, false), /not a readable SQLite backup|not a SQLite database/);
  });
});

describe('PostgreSQL: export-db, backup and restore', { skip: 'skip' in postgresAvailable() ? (postgresAvailable() as { skip: string }).skip : false }, () => {
  let server: Postgres;
  before(async () => {
    server = await startPostgres();
  });
  after(() => server?.destroy());

  it('moves a SQLite workbench into PostgreSQL with nothing lost, and the copy keeps working', async () => {
    const dir = temp();
    const source = await openSqlite(dir);
    await fill(source);
    const expected = await dump(source);
    await source.close();
    const url = await server.createDatabase();
    // Through the command line, as a user would: one line, exit 0.
    const cli = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'export-db', '--data', dir, '--to', url], { cwd: root, encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stdout, /^staffwork export-db: 3 artifacts and 33 revisions copied from .+ to postgres:\/\/.+\n$/);

    const shared = await openPostgres(url);
    try {
      assert.deepEqual(await dump(shared), expected);
      // New revisions continue after the copied ids.
      const s = shared.as(LOCAL_OWNER);
      const plan = expected.artifacts.find((a) => a.artifact.title === 'Plan');
      const saved = await s.save(plan?.artifact.id as string, 'after the move', plan?.artifact.head.id as number, { kind: 'strategy', title: 'Plan' });
      assert.ok(saved?.ok && saved.revision.id > Math.max(...expected.artifacts.flatMap((a) => a.revisions.map((r) => r.id))));
    } finally {
      await shared.close();
    }
    // A database that already holds artifacts is never merged into.
    await assert.rejects(exportDb(dir, url), /already holds 3 artifacts; export-db copies into an empty database only/);
  });

  it('backs up with pg_dump and restores into a fresh database', async () => {
    const url = await server.createDatabase();
    const live = await openPostgres(url);
    await fill(live);
    const expected = await dump(live);
    const file = join(temp(), 'staffwork.dump');
    await backup({ database: url, dataDir: '' }, file);
    await live.close();
    const target = await server.createDatabase();
    await restore({ database: target, dataDir: '' }, file, false);
    const restored = await openPostgres(target);
    try {
      assert.deepEqual(await dump(restored), expected);
    } finally {
      await restored.close();
    }
    await assert.rejects(restore({ database: target, dataDir: '' }, file, false), /already holds artifacts; pass --force/);
  });
});
