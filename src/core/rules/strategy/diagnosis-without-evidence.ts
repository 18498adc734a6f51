import { defineRule } from '../define.ts';
import { hasQuantity } from '../../text/numbers.ts';

export default defineRule({
  meta: {
    id: 'strategy/diagnosis-without-evidence',
    // A suggestion: an opinion can still name the right problem, but nobody can test it.
    severity: 'warning',
    kinds: ['strategy'],
    docs: {
      description: 'A diagnosis with no number, fact or observation behind it (a year or a quarter is not one).',
      why: 'Case study 1: the diagnosis is what the policy answers ("deploy lead time and test flakiness block product teams"). A diagnosis that is an opinion ("our platform is not good enough") cannot be checked, so teams can argue with the policy forever; Larson asks to show your work, and good diagnoses cite numbers and trends.',
      better: 'Back the problem with what you saw: "product teams wait a median of 3.5 days from merge to production; 18% of CI runs fail on a flaky test".',
      caseStudy: 1,
      concept: 'diagnosis',
      bad: '---\nkind: strategy\n---\n\n## Diagnosis\n\nOur platform is not good enough and teams are unhappy with it.\n',
      good: '---\nkind: strategy\n---\n\n## Diagnosis\n\nProduct teams wait a median of 3.5 days from merge to production.\n',
    },
    messages: {
      noEvidence: 'The diagnosis gives no number, fact or observation, so it reads as an opinion the policy cannot be tested against. Add what you measured or saw, e.g. "median lead time is 3.5 days".',
    },
  },
  check(context) {
    const diagnosis = context.view('diagnosis');
    if (!diagnosis?.section || diagnosis.isEmpty()) return;
    // A year or a quarter is not a measurement: "a top priority in 2025" is still an opinion.
    if (diagnosis.entries().some((e) => hasQuantity(e.text)) || diagnosis.has('evidence')) return;
    context.report({ messageId: 'noEvidence', span: diagnosis.section.titleSpan, words: [] });
  },
});
