// The user's examples (shared/examples, copied into test/fixtures/examples) and what the
// checker must say about each, as expected.json states it, with every rule on.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { builtinRules, defaultModule, Project } from '../src/core/index.ts';

const dir = join(import.meta.dirname, 'fixtures/examples');
const shared = join(import.meta.dirname, '../../shared/examples');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, { verdict: 'clean' | 'errors'; must?: string[][] }>;

describe('shared examples', () => {
  const options = { module: defaultModule, rules: builtinRules };
  const files = Object.keys(expected).filter((k) => k !== 'comment');
  const project = new Project({ ...options, membership: 'sameFolder' });
  for (const f of files) project.upsert(f, readFileSync(join(dir, f), 'utf8'));
  const results = project.results();

  it('the fixtures copy matches ../shared/examples when it is there', { skip: !existsSync(shared) }, () => {
    for (const sub of ['good', 'bad']) {
      for (const f of readdirSync(join(shared, sub))) assert.equal(readFileSync(join(dir, sub, f), 'utf8'), readFileSync(join(shared, sub, f), 'utf8'), `${sub}/${f}`);
    }
    assert.equal(readFileSync(join(dir, 'expected.json'), 'utf8'), readFileSync(join(shared, 'expected.json'), 'utf8'));
  });

  files.forEach((file, i) => {
    const want = expected[file]!;
    const result = results[i]!;
    it(`${file}: ${want.verdict}${want.must ? `, fires ${want.must.map((m) => m.join('|')).join(', ')}` : ''}`, () => {
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      const list = result.diagnostics.map((d) => `${d.loc.start.line}:${d.loc.start.column} ${d.severity} ${d.ruleId} ${d.message}`).join('\n');
      if (want.verdict === 'clean') assert.equal(errors.length, 0, list);
      else assert.ok(errors.length > 0, 'expected at least one error');
      const fired = new Set(result.diagnostics.map((d) => d.ruleId));
      for (const anyOf of want.must ?? [])
        assert.ok(
          anyOf.some((id) => fired.has(id)),
          `expected one of ${anyOf.join(', ')} to fire; got:\n${list}`,
        );
    });
  });
});
