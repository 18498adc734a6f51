// Front matter that is not valid YAML: the error is still reported, and the lines that can be
// read one by one (`kind:` beside an unquoted ": " in the title) still count, so the body is
// checked as the writer meant it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinRules, checkText, defaultModule, parse } from '../../src/core/index.ts';

const check = (text: string) => checkText(text, { module: defaultModule, rules: builtinRules });

describe('invalid front matter', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['an unquoted ": " in the title', '---\ntitle: ADR010: Use the Luxon Date Library\nkind: adr\n---\n', { title: 'ADR010: Use the Luxon Date Library', kind: 'adr' }],
    ['an unclosed flow sequence', '---\nkind: strategy\ntags: [a, b\naudience: executive\n---\n', { kind: 'strategy', tags: '[a, b', audience: 'executive' }],
    ['a repeated key is left out', '---\nkind: adr\nkind: strategy\ntitle: "Queue: choice"\nx: : y\n---\n', { title: 'Queue: choice', x: ': y' }],
  ];
  for (const [name, text, data] of cases)
    it(name, () => {
      const fm = parse(`${text}\nBody.\n`).frontMatter;
      assert.ok(fm?.error, 'the YAML error is kept');
      assert.deepEqual(fm.data, data);
    });

  it('reports the error and checks the body with the kind it names', () => {
    const text = '---\ntitle: Search: who owns the index\nkind: escalation\n---\n\n## Decision needed\n\nWho owns the search index?\n\n## Options\n\n- Search team\n- Platform team\n';
    const r = check(text);
    assert.equal(r.kind?.id, 'escalation');
    const ids = r.diagnostics.map((d) => d.ruleId);
    assert.ok(ids.includes('structure/front-matter'), 'the YAML error is an error');
    assert.equal(r.diagnostics.find((d) => d.ruleId === 'structure/front-matter')?.severity, 'error');
    assert.ok(ids.includes('structure/required-section'), 'the body was checked as an escalation');
  });
});
