// Archiving and summary sets against a real SQLite file: archive hides an artifact from the
// list, the portfolio, progress, print and export, and brings it back, without deleting a
// word; the CSRF guard covers it; the set endpoint gives the editor the other variants' heads;
// and a data file made by the code before archiving existed is migrated in place.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { tempServer, type TestServer } from './helpers.ts';
import { MIGRATIONS } from '../../src/server/storage/schema.ts';
import { SQLITE_APPLICATION_ID } from '../../src/server/storage/sqlite.ts';

const exec = readFileSync(join(import.meta.dirname, '../fixtures/examples/good/launch-delay-exec.md'), 'utf8');

describe('archive and sets', () => {
  let s: TestServer;
  before(async () => {
    s = await tempServer();
  });
  after(() => s.close());

  it('archives: hidden from the list, portfolio, progress, print and export; kept with its history; unarchive brings it back', async () => {
    const keep = await s.call('POST', '/api/artifacts', { text: exec });
    const junk = await s.call('POST', '/api/artifacts', { text: '---\nkind: strategy\ntitle: Junk draft\n---\n\n# Junk draft\n' });
    const id = junk.body.artifact.id;
    await s.call('PUT', `/api/artifacts/${id}`, { text: '---\nkind: strategy\ntitle: Junk draft\n---\n\n# Junk draft\n\nmore', baseRevision: junk.body.revision.id });

    const archived = await s.call('POST', `/api/artifacts/${id}/archive`, { archived: true });
    assert.equal(archived.status, 200);
    assert.match(archived.body.artifact.archivedAt, /^\d{4}-\d\d-\d\dT/);

    const portfolio = (await s.call('GET', '/api/portfolio')).body;
    assert.deepEqual(
      portfolio.artifacts.map((a: { id: string }) => a.id),
      [keep.body.artifact.id],
    );
    assert.ok(!JSON.stringify(portfolio.progress).includes(id), 'not evidence for any criterion');
    assert.deepEqual(
      (await s.call('GET', '/api/artifacts')).body.artifacts.map((a: { id: string }) => a.id),
      [keep.body.artifact.id],
    );
    assert.deepEqual(
      (await s.call('GET', '/api/artifacts?archived=only')).body.artifacts.map((a: { id: string }) => a.id),
      [id],
    );
    assert.equal((await s.call('GET', '/api/artifacts?archived=include')).body.artifacts.length, 2);
    assert.equal((await s.call('GET', '/api/artifacts?archived=bogus')).status, 400);
    const zip = unzipSync(new Uint8Array(await (await fetch(`${s.url}/api/export.zip`)).arrayBuffer()));
    assert.deepEqual(Object.keys(zip), ['delay-the-payments-launch-two-weeks.md']);
    assert.equal(strFromU8(zip['delay-the-payments-launch-two-weeks.md'] as Uint8Array), exec);
    assert.ok(!(await (await fetch(`${s.url}/print`)).text()).includes('Junk draft'));

    // Still there, text and history, and still openable and editable by its address.
    const got = await s.call('GET', `/api/artifacts/${id}`);
    assert.equal(got.status, 200);
    assert.match(got.body.revision.text, /more$/);
    assert.ok(got.body.artifact.archivedAt);
    assert.equal((await s.call('GET', `/api/artifacts/${id}/revisions`)).body.revisions.length, 2);
    assert.equal((await fetch(`${s.url}/artifacts/${id}`)).status, 200);

    // Archiving twice keeps the first time; unarchiving brings it back.
    const again = await s.call('POST', `/api/artifacts/${id}/archive`, { archived: true });
    assert.equal(again.body.artifact.archivedAt, archived.body.artifact.archivedAt);
    const back = await s.call('POST', `/api/artifacts/${id}/archive`, { archived: false });
    assert.equal(back.body.artifact.archivedAt, null);
    assert.equal((await s.call('GET', '/api/portfolio')).body.artifacts.length, 2);
    assert.equal((await s.call('GET', '/api/artifacts?archived=only')).body.artifacts.length, 0);

    assert.equal((await s.call('POST', '/api/artifacts/nosuchid/archive', { archived: true })).status, 404);
    assert.equal((await s.call('POST', `/api/artifacts/${id}/archive`, { archived: 'yes' })).status, 400);
    assert.equal((await s.call('POST', `/api/artifacts/${id}/archive`, {})).status, 400);
  });

  it('refuses forged cross-site archive requests, and archives nothing', async () => {
    const { body } = await s.call('POST', '/api/artifacts', { kind: 'strategy' });
    const id = body.artifact.id;
    for (const headers of [{ 'x-staffwork': '' }, { origin: 'http://evil.example' }, { 'sec-fetch-site': 'cross-site' }]) {
      const r = await s.call('POST', `/api/artifacts/${id}/archive`, { archived: true }, headers);
      assert.equal(r.status, 403);
    }
    assert.equal((await s.call('GET', `/api/artifacts/${id}`)).body.artifact.archivedAt, null);
  });

  it("gives a set's members' heads with their audience, leaving out archived ones and other sets", async () => {
    const withSet = (audience: string, set: string) => exec.replace('audience: executive', `audience: ${audience}`).replace('set: launch-delay', `set: ${set}`);
    const a = (await s.call('POST', '/api/artifacts', { text: withSet('executive', 'team-set') })).body;
    const b = (await s.call('POST', '/api/artifacts', { text: withSet('junior', 'team-set') })).body;
    const c = (await s.call('POST', '/api/artifacts', { text: withSet('peer', 'team-set') })).body;
    await s.call('POST', '/api/artifacts', { text: withSet('peer', 'other-set') });
    await s.call('POST', `/api/artifacts/${c.artifact.id}/archive`, { archived: true });
    const saved = await s.call('PUT', `/api/artifacts/${b.artifact.id}`, { text: `${withSet('junior', 'team-set')}\nNewest words.\n`, baseRevision: b.revision.id });

    const res = await s.call('GET', '/api/sets/team-set');
    assert.equal(res.status, 200);
    const members = res.body.members as { artifact: { id: string }; audience: string; revision: { id: number; text: string } }[];
    assert.deepEqual(
      members.map((m) => [m.artifact.id, m.audience]).sort(),
      [
        [a.artifact.id, 'executive'],
        [b.artifact.id, 'junior'],
      ].sort(),
    );
    const junior = members.find((m) => m.audience === 'junior')!;
    assert.equal(junior.revision.id, saved.body.revision.id);
    assert.match(junior.revision.text, /Newest words\.\n$/);
    assert.deepEqual((await s.call('GET', '/api/sets/no-such-set')).body.members, []);
    // The portfolio names each variant's set and audience for the home list.
    const entry = (await s.call('GET', '/api/portfolio')).body.artifacts.find((x: { id: string }) => x.id === b.artifact.id);
    assert.deepEqual([entry.set, entry.audience], ['team-set', 'junior']);
  });

  it('migrates a data file made before archiving existed, keeping every artifact and revision', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'staffwork-migrate-'));
    try {
      // The schema as the code before archiving wrote it, with one artifact and two revisions.
      mkdirSync(dataDir, { recursive: true });
      const old = new Database(join(dataDir, 'workbench.sqlite'));
      old.pragma('journal_mode = WAL');
      old.exec(`
CREATE TABLE artifacts (id TEXT PRIMARY KEY, kind TEXT, title TEXT NOT NULL, created_at TEXT NOT NULL, head_id INTEGER NOT NULL);
CREATE TABLE revisions (id INTEGER PRIMARY KEY AUTOINCREMENT, artifact_id TEXT NOT NULL REFERENCES artifacts(id), base_id INTEGER, text TEXT NOT NULL, size INTEGER NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX revisions_by_artifact ON revisions(artifact_id, id);
INSERT INTO artifacts VALUES ('oldartifact1', 'exec-summary', 'Old summary', '2026-01-01T00:00:00.000Z', 2);
INSERT INTO revisions VALUES (1, 'oldartifact1', NULL, 'first', 5, '2026-01-01T00:00:00.000Z');
INSERT INTO revisions (id, artifact_id, base_id, text, size, created_at) VALUES (2, 'oldartifact1', 1, '${exec.replaceAll("'", "''")}', ${exec.length}, '2026-01-02T00:00:00.000Z');
`);
      assert.equal(old.pragma('user_version', { simple: true }), 0);
      old.close();

      const m = await tempServer(dataDir);
      try {
        const list = (await m.call('GET', '/api/portfolio')).body.artifacts;
        assert.deepEqual(
          list.map((a: { id: string; archivedAt: string | null }) => [a.id, a.archivedAt]),
          [['oldartifact1', null]],
        );
        assert.equal((await m.call('GET', '/api/artifacts/oldartifact1/revisions')).body.revisions.length, 2);
        assert.equal((await m.call('POST', '/api/artifacts/oldartifact1/archive', { archived: true })).status, 200);
      } finally {
        await m.stop();
      }
      const file = new Database(join(dataDir, 'workbench.sqlite'), { readonly: true });
      // Every migration ran, and the file is now marked as staffwork's.
      assert.equal(file.pragma('user_version', { simple: true }), MIGRATIONS.length);
      assert.equal(file.pragma('application_id', { simple: true }), SQLITE_APPLICATION_ID);
      assert.ok((file.prepare('PRAGMA table_info(artifacts)').all() as { name: string }[]).some((c) => c.name === 'archived_at'));
      file.close();

      // Opened again (already migrated): the archive stuck, and nothing was lost.
      const again = await tempServer(dataDir);
      try {
        assert.equal((await again.call('GET', '/api/portfolio')).body.artifacts.length, 0);
        const archivedList = (await again.call('GET', '/api/artifacts?archived=only')).body.artifacts;
        assert.deepEqual(
          archivedList.map((a: { id: string }) => a.id),
          ['oldartifact1'],
        );
        assert.equal((await again.call('GET', '/api/artifacts/oldartifact1/revisions/1')).body.revision.text, 'first');
      } finally {
        await again.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
