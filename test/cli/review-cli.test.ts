// `staffwork admin create-user` and `staffwork review export`, run from the source (tsx) on a
// real data folder that a real server also used.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempServer } from '../server/helpers.ts';
import { client, ok, PASSWORD, STRATEGY } from '../server/review-helpers.ts';

const root = join(import.meta.dirname, '../..');
const cli = (args: string[], input = '') => spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, STAFFWORK_PASSWORD: '' } });

describe('staffwork admin and review export', () => {
  it('creates the admin (turning accounts on), refuses bad input in one line, and exports a cohort', async () => {
    const data = mkdtempSync(join(tmpdir(), 'staffwork-review-cli-'));
    try {
      let r = cli(['admin', 'create-user', 'leo', '--password-stdin', '--data', data], `${PASSWORD}\n`);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /must be the admin: add --admin/);
      r = cli(['admin', 'create-user', 'admin', '--data', data]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /--password-stdin/);
      r = cli(['admin', 'create-user', 'admin', '--admin', '--password-stdin', '--data', data], `${PASSWORD}\n`);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /accounts are now on/);
      r = cli(['admin', 'create-user', 'admin', '--password-stdin', '--data', data], `${PASSWORD}\n`);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /taken/);
      assert.equal(r.stderr.trim().split('\n').length, 1);

      const server = await tempServer(data);
      const admin = client(server);
      await ok(admin.call('POST', '/api/auth/login', { username: 'admin', password: PASSWORD }));
      const { cohort } = await ok(admin.call('POST', '/api/cohorts', { name: 'CLI cohort', module: 'leadership-case-studies' }), 201);
      const inv = await ok(admin.call('POST', `/api/cohorts/${cohort.id}/invites`, { role: 'learner' }), 201);
      const leo = client(server);
      await ok(leo.call('POST', `/api/invites/${inv.token}/accept`, { username: 'leo', password: PASSWORD }));
      const made = await ok(leo.call('POST', '/api/artifacts', { text: STRATEGY }), 201);
      const req = await ok(leo.call('POST', `/api/cohorts/${cohort.id}/reviews`, { artifactId: made.artifact.id }), 201);
      await ok(admin.call('POST', `/api/cohorts/${cohort.id}/reviews/${req.review.id}/threads`, { revision: made.revision.id, section: 'Diagnosis', body: 'Cite the log.' }), 201);
      await server.stop();

      r = cli(['review', 'export', cohort.id, '--data', data]);
      assert.equal(r.status, 0, r.stderr);
      const json = JSON.parse(r.stdout);
      assert.equal(json.cohort.name, 'CLI cohort');
      assert.equal(json.reviews[0].annotations[0].target[0].selector[0].exact, '## Diagnosis');
      const out = join(data, 'md');
      r = cli(['review', 'export', cohort.id, '-f', 'md', '-o', out, '--data', data]);
      assert.equal(r.status, 0, r.stderr);
      const files = readdirSync(out);
      assert.equal(files.length, 1);
      assert.match(readFileSync(join(out, files[0] as string), 'utf8'), /## Review[\s\S]*Cite the log\\./);
      r = cli(['review', 'export', 'c-nope', '--data', data]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /no cohort "c-nope"/);
      assert.ok(existsSync(join(data, 'workbench.sqlite')));
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
