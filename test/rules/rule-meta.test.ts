// Every rule carries its docs, its table-driven test, and examples that behave as they say
// (ESLint's check-rule-examples): the bad example fires the rule, the good one does not.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { builtinRules, defaultModule, isSetRule, Project } from '../../src/core/index.ts';

const root = join(import.meta.dirname, '../..');

describe('rule metadata', () => {
  it('ids are unique, <area>/<kebab-case>, and match the file path', () => {
    const ids = builtinRules.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) {
      assert.match(id, /^[a-z]+\/[a-z][a-z0-9-]*$/);
      assert.ok(existsSync(join(root, 'src/core/rules', `${id}.ts`)), `${id}: no src/core/rules/${id}.ts`);
    }
  });

  for (const rule of builtinRules) {
    const { id } = rule.meta;
    describe(id, () => {
      it('has a table-driven test and generated docs', () => {
        assert.ok(existsSync(join(root, 'test/rules', `${id}.test.ts`)), `no test/rules/${id}.test.ts`);
        assert.ok(existsSync(join(root, 'docs/rules', `${id}.md`)), `no docs/rules/${id}.md`);
      });
      it('has complete docs', () => {
        for (const field of ['description', 'why', 'better', 'bad', 'good'] as const) assert.ok(rule.meta.docs[field]?.trim(), `docs.${field} is empty`);
        assert.ok(Object.keys(rule.meta.messages).length > 0);
        for (const k of rule.meta.kinds ?? [])
          assert.ok(
            defaultModule.kinds.some((x) => x.id === k),
            `unknown kind ${k}`,
          );
      });
      const fired = (code: string) => {
        const project = new Project({ module: defaultModule, rules: [rule], membership: 'all' });
        (isSetRule(rule) ? code.split(/\n=====\n/) : [code]).forEach((c, i) => project.upsert(`v${i}.md`, c));
        return project.results().flatMap((r) => r.diagnostics.filter((d) => d.ruleId === id));
      };
      it('fires on its bad example', () => assert.ok(fired(rule.meta.docs.bad).length > 0));
      it('does not fire on its good example', () =>
        assert.deepEqual(
          fired(rule.meta.docs.good).map((d) => d.message),
          [],
        ));
    });
  }
});
