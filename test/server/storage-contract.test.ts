// The storage contract, run against both engines: SQLite in a temp folder and a real
// PostgreSQL server (skipped, with the reason, only where PostgreSQL cannot be installed).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { LiveEvent } from '../../src/server/events.ts';
import { openPostgres } from '../../src/server/storage/postgres.ts';
import { openSqlite } from '../../src/server/storage/sqlite.ts';
import type { ArtifactMeta, Storage } from '../../src/server/storage/types.ts';
import { postgresAvailable, startPostgres, type Postgres } from './pg-harness.ts';

const meta = (title: string, extra: Partial<ArtifactMeta> = {}): ArtifactMeta => ({ kind: 'strategy', title, ...extra });
const pgState = postgresAvailable();

const engines: { name: string; skip?: string; open(): Promise<Storage>; cleanup(): Promise<void> | void }[] = [];
{
  const dirs: string[] = [];
  engines.push({
    name: 'sqlite',
    open: () => {
      const d = mkdtempSync(join(tmpdir(), 'staffwork-contract-'));
      dirs.push(d);
      return openSqlite(d);
    },
    cleanup: () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })),
  });
  let server: Postgres | undefined;
  engines.push({
    name: 'postgres',
    ...('skip' in pgState ? { skip: pgState.skip } : {}),
    open: async () => {
      server ??= await startPostgres();
      return openPostgres(await server.createDatabase());
    },
    cleanup: () => server?.destroy(),
  });
}

for (const engine of engines) {
  describe(`storage contract: ${engine.name}`, { skip: engine.skip ?? false }, () => {
    let storage: Storage;
    before(async () => {
      storage = await engine.open();
    });
    after(async () => {
      await storage?.close();
      await engine.cleanup();
    });

    it('keeps texts exactly, with their metadata', async () => {
      const s = storage.as('alice');
      const texts = ['# Plan\r\n\r\nCafé — “quoted” 🚀 𝔘 \t tab', '', 'x'.repeat(300_000), '---\nset: launch\naudience: peer\n---\n# V\n'];
      for (const text of texts) {
        const { artifact, revision } = await s.create(text, meta('T', { set: 'launch', audience: 'peer' }));
        const got = await s.get(artifact.id);
        assert.equal(got?.revision.text, text);
        assert.deepEqual([got?.revision.id, got?.revision.size, got?.artifact.title, got?.artifact.kind], [revision.id, text.length, 'T', 'strategy']);
      }
      assert.equal(await s.get('nope'), undefined);
    });

    it('appends revisions only on the head: stale bases conflict, the same text is unchanged', async () => {
      const s = storage.as('alice');
      const { artifact, revision: r1 } = await s.create('one', meta('A'));
      const r2 = await s.save(artifact.id, 'two', r1.id, meta('A2'));
      assert.ok(r2?.ok && !r2.unchanged && r2.revision.baseId === r1.id);
      const stale = await s.save(artifact.id, 'other', r1.id, meta('A3'));
      assert.ok(stale && !stale.ok);
      assert.deepEqual([stale.current.id, stale.current.text], [r2.revision.id, 'two']);
      const same = await s.save(artifact.id, 'two', r2.revision.id, meta('A2'));
      assert.ok(same?.ok && same.unchanged && same.revision.id === r2.revision.id);
      assert.equal(await s.save('nope', 'x', 1, meta('x')), undefined);
      assert.equal((await s.get(artifact.id))?.artifact.title, 'A2');
    });

    it('lets exactly one of many concurrent saves on one base land', async () => {
      const s = storage.as('alice');
      const { artifact, revision } = await s.create('base', meta('C'));
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => s.save(artifact.id, `edit ${i}`, revision.id, meta('C'))));
      const landed = results.filter((r) => r?.ok);
      assert.equal(landed.length, 1);
      assert.equal((await s.revisions(artifact.id))?.length, 2);
      const head = await s.get(artifact.id);
      for (const r of results) if (r && !r.ok) assert.equal(r.current.id, head?.revision.id);
    });

    it('archives without deleting, and lists in order', async () => {
      const s = storage.as('archiver');
      const a = await s.create('a', meta('first'));
      const b = await s.create('b', meta('second'));
      assert.deepEqual(
        (await s.list()).map((x) => x.id),
        [b.artifact.id, a.artifact.id],
      );
      const archived = await s.setArchived(a.artifact.id, true);
      assert.ok(archived?.archivedAt);
      assert.equal((await s.setArchived(a.artifact.id, true))?.archivedAt, archived.archivedAt);
      assert.deepEqual(
        (await s.list()).map((x) => x.id),
        [b.artifact.id],
      );
      assert.deepEqual(
        (await s.list({ archived: 'only' })).map((x) => x.id),
        [a.artifact.id],
      );
      assert.equal((await s.list({ archived: 'include' })).length, 2);
      assert.equal((await s.setArchived(a.artifact.id, false))?.archivedAt, null);
      assert.equal(await s.setArchived('nope', true), undefined);
    });

    it('pages a long history and re-reads what came after a cursor', async () => {
      const s = storage.as('historian');
      const { artifact, revision } = await s.create('r0', meta('H'));
      let base = revision.id;
      const ids = [base];
      for (let i = 1; i <= 25; i++) {
        const r = await s.save(artifact.id, `r${i}`, base, meta('H'));
        assert.ok(r?.ok);
        base = r.revision.id;
        ids.push(base);
      }
      const newestFirst = [...ids].reverse();
      assert.deepEqual(
        (await s.revisions(artifact.id))?.map((r) => r.id),
        newestFirst,
      );
      const page1 = (await s.revisions(artifact.id, { limit: 10 })) ?? [];
      const page2 = (await s.revisions(artifact.id, { limit: 10, before: page1.at(-1)?.id as number })) ?? [];
      assert.deepEqual(
        [...page1, ...page2].map((r) => r.id),
        newestFirst.slice(0, 20),
      );
      assert.deepEqual(
        (await s.revisionsAfter(artifact.id, ids[20] as number))?.map((r) => r.id),
        ids.slice(21),
      );
      assert.equal(await s.revisions('nope'), undefined);
      const keyed = await s.texts([
        { artifactId: artifact.id, revisionId: ids[3] as number },
        { artifactId: 'wrong', revisionId: ids[4] as number },
      ]);
      assert.deepEqual(
        keyed.map((r) => r.text),
        ['r3'],
      );
    });

    it("keeps every owner's rows to that owner", async () => {
      const alice = storage.as('alice2');
      const bob = storage.as('bob2');
      const { artifact, revision } = await alice.create('private', meta('Mine', { set: 'shared-name' }));
      await bob.create('bob', meta('Bob', { set: 'shared-name' }));
      assert.equal(await bob.get(artifact.id), undefined);
      assert.equal(await bob.save(artifact.id, 'hijack', revision.id, meta('x')), undefined);
      assert.equal(await bob.setArchived(artifact.id, true), undefined);
      assert.equal(await bob.revisions(artifact.id), undefined);
      assert.equal(await bob.revision(artifact.id, revision.id), undefined);
      assert.deepEqual(await bob.texts([{ artifactId: artifact.id, revisionId: revision.id }]), []);
      assert.deepEqual(
        (await bob.setMembers('shared-name')).map((m) => m.revision.text),
        ['bob'],
      );
      assert.equal((await alice.get(artifact.id))?.revision.text, 'private');
      assert.throws(() => storage.as("x', 'y"), /invalid owner id/);
    });

    it('finds the members of a set and stores per-revision findings', async () => {
      const s = storage.as('setter');
      const exec = await s.create('exec', meta('Exec', { set: 'launch', audience: 'executive' }));
      await s.create('peer', meta('Peer', { set: 'launch', audience: 'peer' }));
      const gone = await s.create('old', meta('Old', { set: 'launch', audience: 'junior' }));
      await s.setArchived(gone.artifact.id, true);
      await s.create('other', meta('Other', { set: 'another' }));
      const members = await s.setMembers('launch');
      assert.deepEqual(members.map((m) => [m.artifact.title, m.audience]).sort(), [
        ['Exec', 'executive'],
        ['Peer', 'peer'],
      ]);
      await s.setFindings(exec.revision.id, { errors: 2, warnings: 1, infos: 0 });
      assert.deepEqual((await s.revision(exec.artifact.id, exec.revision.id))?.findings, { errors: 2, warnings: 1, infos: 0 });
      assert.deepEqual((await s.list()).find((a) => a.id === exec.artifact.id)?.head.findings, { errors: 2, warnings: 1, infos: 0 });
    });

    it('lists many owners for a cohort page, by owner, paged', async () => {
      const owners = ['c1', 'c2', 'c3'];
      for (const o of owners) for (let i = 0; i < 3; i++) await storage.as(o).create(`${o} ${i}`, meta(`${o}-${i}`));
      const all = await storage.cohort(owners, { limit: 100 });
      assert.deepEqual(
        all.map((a) => a.owner),
        ['c1', 'c1', 'c1', 'c2', 'c2', 'c2', 'c3', 'c3', 'c3'],
      );
      const page = await storage.cohort(owners, { limit: 4, offset: 4 });
      assert.deepEqual(
        page.map((a) => a.id),
        all.slice(4, 8).map((a) => a.id),
      );
      assert.deepEqual(await storage.cohort(['nobody-here']), []);
    });

    it('announces each committed revision, and nothing for a conflict', async () => {
      const s = storage.as('live');
      const { artifact, revision } = await s.create('v1', meta('L'));
      // Revisions saved on a base (the create's own event may arrive late on PostgreSQL: left out).
      const heard: Extract<LiveEvent, { type: 'revision' }>[] = [];
      let wake = () => {};
      const off = storage.events.subscribe(
        artifact.id,
        (e) => {
          if (e.type === 'revision' && e.revision.baseId !== null) heard.push(e);
          wake();
        },
        () => {},
      );
      try {
        const saved = await s.save(artifact.id, 'v2', revision.id, meta('L'));
        await s.save(artifact.id, 'stale', revision.id, meta('L'));
        assert.ok(saved?.ok);
        while (heard.length < 1) await new Promise<void>((ok) => (wake = ok));
        // A second committed save, so a stray conflict event would have arrived before it.
        await s.save(artifact.id, 'v3', saved.revision.id, meta('L'));
        while (heard.length < 2) await new Promise<void>((ok) => (wake = ok));
        assert.deepEqual(
          heard.map((e) => [e.owner, e.artifactId, e.revision.baseId]),
          [
            ['live', artifact.id, revision.id],
            ['live', artifact.id, saved.revision.id],
          ],
        );
      } finally {
        off();
      }
    });
  });
}
