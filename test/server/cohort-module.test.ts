// A cohort is checked against its own module: the instructor's overview shows that module's
// completion standard, and the check workers keep what they checked per module.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadModuleFile } from '../../src/cli/settings.ts';
import { defaultModule, loadModule, type CourseModule } from '../../src/core/index.ts';
import { CheckPool } from '../../src/server/checker/pool.ts';
import { startServer } from '../../src/server/index.ts';
import type { TestServer } from './helpers.ts';
import { client, invited, ok, PASSWORD } from './review-helpers.ts';

const STRATEGY = `# Strategy: Search reliability

## Diagnosis

Search times out for 3% of queries at peak because one shard holds half the index, per the May latency report.

## Guiding policy

We will split the hot shard before adding any new search feature, and we accept slower feature work this quarter.

## Coherent actions

- Split the hot shard into four by July 15 (owner: Amir).
- Add per-shard latency alerts by June 30 (owner: Bea).

## Anti-scope

We will not change the ranking model this quarter.

## Success metrics

- Peak timeouts below 0.5% of queries by August 31.
`;

type Criterion = { id: string; description: string; count: number; needed: number; pass: boolean };

describe('a cohort for a module given with serve --module', () => {
  it("scores the cohort's learners with that module's completion standard, and the default module's cohort with its own", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staffwork-module-'));
    // The built-in module under another id, with its first criterion changed (one artifact is enough).
    const yaml = readFileSync(new URL('../../modules/leadership-case-studies/module.yaml', import.meta.url), 'utf8');
    const changed = yaml
      .replace(/^id: leadership-case-studies$/m, 'id: short-course')
      .replace(/^title: .*$/m, 'title: "Short course"')
      .replace(/- id: three-artifacts\n(\s+)description: .*\n\s+min: 3/, '- id: one-artifact\n$1description: At least one leadership artifact is completed.\n$1min: 1');
    assert.notEqual(changed, yaml);
    writeFileSync(join(dir, 'short.yaml'), changed);
    const extra = loadModuleFile(join(dir, 'short.yaml'));
    assert.deepEqual(
      extra.completion.map((k) => k.id),
      ['one-artifact', ...defaultModule.completion.slice(1).map((k) => k.id)],
    );
    const s = await startServer({ port: 0, dataDir: join(dir, 'data'), quiet: true, modules: [extra] });
    try {
      const server = { url: s.url.replace(/\/$/, '') } as TestServer;
      const admin = client(server, 'admin');
      await ok(admin.call('POST', '/api/auth/setup', { username: 'admin', password: PASSWORD, code: s.setupCode ?? '' }), 201);
      const { cohort: short } = await ok(admin.call('POST', '/api/cohorts', { name: 'Short', module: 'short-course' }), 201);
      const { cohort: main } = await ok(admin.call('POST', '/api/cohorts', { name: 'Main', module: defaultModule.id }), 201);
      const learner = await invited(server, admin, short.id, 'learner', 'leo');
      await ok(admin.call('POST', `/api/cohorts/${main.id}/members`, { username: 'leo', role: 'learner' }), 201);
      const made = await ok(learner.call('POST', '/api/artifacts', { text: STRATEGY }), 201);
      // The same revision to both cohorts: one learner, so one check lane and its cache.
      await ok(learner.call('POST', `/api/cohorts/${short.id}/reviews`, { artifactId: made.artifact.id }), 201);
      await ok(learner.call('POST', `/api/cohorts/${main.id}/reviews`, { artifactId: made.artifact.id }), 201);

      const criteriaOf = async (cohortId: string): Promise<Criterion[]> => {
        const o = await ok(admin.call('GET', `/api/cohorts/${cohortId}/overview`));
        assert.equal(o.learners.length, 1);
        assert.deepEqual(
          o.learners[0].artifacts.map((a: { id: string }) => a.id),
          [made.artifact.id],
        );
        return o.learners[0].criteria;
      };
      const onShort = await criteriaOf(short.id);
      const onMain = await criteriaOf(main.id);
      const expected = (m: CourseModule) => m.completion.map((k) => ({ id: k.id, description: k.description, needed: k.min }));
      assert.deepEqual(
        onShort.map(({ id, description, needed }) => ({ id, description, needed })),
        expected(extra),
      );
      assert.deepEqual(
        onMain.map(({ id, description, needed }) => ({ id, description, needed })),
        expected(defaultModule),
      );
      // Both count the same completed artifacts; only the standard differs.
      const [one, three] = [onShort[0] as Criterion, onMain[0] as Criterion];
      assert.equal(one.count, three.count);
      assert.equal(one.pass, one.count >= 1);
      assert.equal(three.pass, false, 'one artifact never makes three');
      // The cohort page names the same criteria the overview scored.
      const page = await ok(admin.call('GET', `/api/cohorts/${short.id}`));
      assert.deepEqual(
        page.module.criteria.map((k: { id: string }) => k.id),
        onShort.map((k) => k.id),
      );

      // Started again without that --module: the cohort's checked views say what is missing.
      await s.close();
      const again = await startServer({ port: 0, dataDir: join(dir, 'data'), quiet: true });
      try {
        server.url = again.url.replace(/\/$/, '');
        const refused = await admin.call('GET', `/api/cohorts/${short.id}/overview`);
        assert.equal(refused.status, 409);
        assert.match(refused.body.error, /"short-course".*--module/);
        assert.equal((await ok(admin.call('GET', `/api/cohorts/${main.id}/overview`))).learners.length, 1);
      } finally {
        await again.close();
      }
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the check pool with several modules', () => {
  // The built-in module with the strategy kind under another id: the same text reads as another kind.
  const data = JSON.parse(JSON.stringify(defaultModule));
  data.id = 'renamed-kinds';
  for (const k of data.kinds) if (k.id === 'strategy') k.id = 'plan';
  for (const list of [data.caseStudies, data.completion]) for (const x of list) if (x.kind === 'strategy') x.kind = 'plan';
  const renamed = loadModule(data);
  const artifact = { id: 'a1', kind: 'strategy', title: 't', createdAt: '', updatedAt: '', archivedAt: null, head: { id: 3, baseId: null, createdAt: '', size: STRATEGY.length } };
  const items = [{ key: 'a1@3', artifact }];

  for (const workers of [2, 0]) {
    it(`checks each task against the module it names and caches per module (${workers ? 'worker threads' : 'in this thread'})`, async () => {
      const pool = new CheckPool({ workers, modules: [defaultModule, renamed] });
      try {
        const first = await pool.heavy('learner', { type: 'findings', module: defaultModule.id, items, texts: { 'a1@3': STRATEGY } });
        assert.equal(first.type, 'findings');
        assert.deepEqual((first as { kinds: object }).kinds, { 'a1@3': 'strategy' });
        // Checked under the default module only: under the other the lane still needs the text.
        assert.deepEqual(await pool.heavy('learner', { type: 'findings', module: renamed.id, items, texts: {} }), { type: 'missing', keys: ['a1@3'] });
        const other = await pool.heavy('learner', { type: 'portfolio', module: renamed.id, items, texts: { 'a1@3': STRATEGY } });
        assert.equal(other.type, 'portfolio');
        const p = other as Extract<typeof other, { type: 'portfolio' }>;
        assert.equal(p.progress.module, renamed.id);
        assert.equal(p.artifacts[0]?.kind, 'plan');
        // And each module's result stays cached beside the other's.
        assert.deepEqual(((await pool.heavy('learner', { type: 'findings', module: defaultModule.id, items, texts: {} })) as { checked: object }).checked, {});
        await assert.rejects(pool.heavy('learner', { type: 'findings', module: 'not-served', items, texts: {} }), /not-served/);
      } finally {
        await pool.close();
      }
    });
  }
});
