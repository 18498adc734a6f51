// Every finding carries its structured data and a stable identity (issue 12.2): the id names the
// finding by what it says and the text it points at, so it survives edits elsewhere.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinRules, checkText, defaultModule } from '../../src/core/index.ts';

const check = (text: string) => checkText(text, { module: defaultModule, rules: builtinRules }).diagnostics;
const strategy = '---\nkind: strategy\n---\n\n# Platform strategy\n\n## Diagnosis\n\nBuilds take 40 minutes and fail one run in five.\n\n## Success metrics\n\n- Faster builds\n';

describe('diagnostic identity', () => {
  it('gives each finding an id that survives an unrelated edit and changes with the finding', () => {
    const before = check(strategy);
    const after = check(strategy.replace('# Platform strategy\n', '# Platform strategy\n\nA new paragraph at the top that moves everything down.\n'));
    const metric = (ds: typeof before) => ds.find((d) => d.ruleId === 'strategy/unmeasurable-metric');
    assert.ok(metric(before) && metric(after));
    assert.notDeepEqual(metric(before)!.range, metric(after)!.range);
    assert.equal(metric(after)!.id, metric(before)!.id);
    const other = check(strategy.replace('Faster builds', 'Better reliability'));
    assert.notEqual(metric(other)!.id, metric(before)!.id);
    const ids = before.map((d) => d.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique within a file');
  });

  it('carries the data exactly and a fix with its own message', () => {
    const missing = check(strategy).filter((d) => d.ruleId === 'structure/required-section' && d.messageId === 'missing');
    assert.ok(missing.length >= 2);
    for (const d of missing) {
      assert.equal(typeof d.data?.['section'], 'string');
      assert.ok(d.message.includes(`\`${d.data!['section']}\``));
      assert.equal(d.fix?.messageId, 'insertSection');
      assert.equal(d.fix?.title, `Insert the "${d.data!['section']}" section skeleton`);
    }
    // Two missing sections point at the same title and are still two findings with two ids.
    assert.equal(new Set(missing.map((d) => d.id)).size, missing.length);
  });
});
