import { defineRule } from '../define.ts';
import { filled, shared, terms, unitText, units } from '../units.ts';
import { clip } from '../util.ts';

export default defineRule({
  meta: {
    id: 'strategy/metric-untraced',
    severity: 'warning',
    kinds: ['strategy'],
    docs: {
      description: 'A success metric that measures nothing the diagnosis names.',
      why:
        'Case study 1: the diagnosis names the problem ("deploy lead time and test flakiness block product teams"); success is that problem shrinking. A metric about something else (adoption of a new feature, headcount) can go green while the diagnosed problem stays, so the strategy cannot tell whether it worked.',
      better: 'Measure what the diagnosis names: "median merge-to-production lead time below 1 day by the end of Q2", "flaky CI failure rate below 3% of runs".',
      caseStudy: 1,
      concept: 'diagnosis',
      bad: '---\nkind: strategy\n---\n\n## Diagnosis\n\nDeploy lead time is 3.5 days and 18% of CI runs fail on flaky tests.\n\n## Success metrics\n\n- Flaky CI failure rate below 3% of runs by June.\n- Ten teams attend the platform roadshow by June.\n',
      good: '---\nkind: strategy\n---\n\n## Diagnosis\n\nDeploy lead time is 3.5 days and 18% of CI runs fail on flaky tests.\n\n## Success metrics\n\n- Flaky CI failure rate below 3% of runs by June.\n- Median deploy lead time below 1 day by June.\n',
    },
    messages: {
      untraced: 'The metric `{{metric}}` measures nothing the diagnosis names, so it can improve while the diagnosed problem stays. Measure the problem the diagnosis describes, or add this one to the diagnosis.',
    },
  },
  check(context) {
    const { doc } = context;
    const metrics = context.section('metrics');
    const diagnosis = context.section('diagnosis');
    if (!metrics || !filled(doc, diagnosis)) return;
    const problem = terms(unitText(doc, diagnosis));
    for (const m of units(doc, metrics)) {
      if (/:$/.test(m.text)) continue;
      const own = terms(m.text);
      if (own.size === 0 || shared(own, problem).length > 0) continue;
      context.report({
        messageId: 'untraced',
        data: { metric: clip(m.text) },
        span: m,
        words: [m.text],
        related: [{ message: 'the diagnosis it should measure', span: diagnosis.titleSpan }],
      });
    }
  },
});
