// The report order every surface shows: severity, then the case study's lesson before the
// structure findings, then position.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinRules, checkText, defaultModule, type Rule } from '../../src/core/index.ts';

function rule(id: string, severity: 'error' | 'warning', caseStudy: number | undefined, at: number): Rule {
  return {
    meta: { id, severity, docs: { description: id, why: '', better: '', bad: '', good: '', ...(caseStudy ? { caseStudy } : {}) }, messages: { m: id } },
    check: (context) => context.report({ messageId: 'm', span: { start: at, end: at + 1 } }),
  };
}

describe('engine: finding order', () => {
  it('sorts by severity, then lesson before other rules before structure, then position', () => {
    const rules = [rule('structure/early', 'error', undefined, 0), rule('area/plain', 'error', undefined, 1), rule('area/lesson', 'error', 1, 5), rule('area/warn-lesson', 'warning', 2, 0), rule('area/lesson-early', 'error', 3, 2)];
    const ids = checkText('# T\n\nSome text here.\n', { module: defaultModule, rules }).diagnostics.map((d) => d.ruleId);
    assert.deepEqual(ids, ['area/lesson-early', 'area/lesson', 'area/plain', 'structure/early', 'area/warn-lesson']);
  });

  it("puts the case study's lesson before a missing section on the case study's own wrong approach", () => {
    const roadmap = '---\nkind: strategy\n---\n\n# Platform strategy\n\n- Migrate CI\n- Improve observability\n- Reduce build times\n- Upgrade Kubernetes\n';
    const found = checkText(roadmap, { module: defaultModule, rules: builtinRules }).diagnostics.filter((d) => d.severity === 'error');
    const lesson = found.findIndex((d) => d.ruleId === 'strategy/roadmap-not-strategy');
    const structure = found.findIndex((d) => d.ruleId.startsWith('structure/'));
    assert.ok(lesson !== -1 && structure !== -1, found.map((d) => d.ruleId).join(', '));
    assert.ok(lesson < structure, found.map((d) => d.ruleId).join(', '));
  });
});
