import { clip } from '../../text/format.ts';
import { termsOf } from '../../text/words.ts';
import { defineRule } from '../define.ts';

export default defineRule({
  meta: {
    id: 'strategy/metric-untraced',
    severity: 'warning',
    kinds: ['strategy'],
    docs: {
      description: 'A success metric that measures nothing the diagnosis names.',
      why: 'Case study 1: the diagnosis names the problem ("deploy lead time and test flakiness block product teams"); success is that problem shrinking. A metric about something else (adoption of a new feature, headcount) can go green while the diagnosed problem stays, so the strategy cannot tell whether it worked.',
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
    const metrics = context.view('metrics');
    const diagnosis = context.view('diagnosis');
    if (!metrics || !diagnosis?.section || diagnosis.isEmpty()) return;
    const problem = diagnosis.terms();
    for (const m of metrics.entries()) {
      if (/:$/.test(m.text)) continue;
      const own = termsOf(m.text);
      if (own.size === 0 || [...own].some((t) => problem.has(t))) continue;
      context.report({
        messageId: 'untraced',
        data: { metric: clip(m.text) },
        span: m,
        words: [m.text],
        related: [{ message: 'the diagnosis it should measure', span: diagnosis.section.titleSpan }],
      });
    }
  },
});
