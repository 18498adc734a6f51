import type { SectionView } from '../../query/section-view.ts';
import { clip } from '../../text/format.ts';
import { termsOf } from '../../text/words.ts';
import { defineRule } from '../define.ts';

export default defineRule({
  meta: {
    id: 'strategy/action-untraced',
    severity: 'warning',
    kinds: ['strategy'],
    docs: {
      description: 'A coherent action that serves neither the guiding policy nor the diagnosis: it shares no subject with either.',
      why: 'Case study 1: coherent actions are the steps that carry out the policy against the diagnosed problem ("stabilize CI" answers "test flakiness blocks product teams"). An action that traces to neither is a roadmap item that slipped in: it spends the team on something the strategy never argued for.',
      better: 'Tie each action to the diagnosis or the policy in its own words ("Stabilize CI: quarantine flaky tests"), or move it to the anti-scope, or add the problem it solves to the diagnosis.',
      caseStudy: 1,
      concept: 'coherent action',
      bad: '---\nkind: strategy\n---\n\n## Diagnosis\n\nDeploy lead time is 3.5 days and 18% of CI runs fail on flaky tests.\n\n## Guiding policy\n\nReduce platform friction before adding new platform features.\n\n## Coherent actions\n\n- Stabilize CI by quarantining flaky tests.\n- Upgrade Kubernetes to 1.31.\n',
      good: '---\nkind: strategy\n---\n\n## Diagnosis\n\nDeploy lead time is 3.5 days and 18% of CI runs fail on flaky tests.\n\n## Guiding policy\n\nReduce platform friction before adding new platform features.\n\n## Coherent actions\n\n- Stabilize CI by quarantining flaky tests.\n- Cut deploy lead time with one standard pipeline.\n',
    },
    messages: {
      untraced: 'The action `{{action}}` shares nothing with the diagnosis or the guiding policy, so it reads as a roadmap item, not a step of this strategy. Say which diagnosed problem it fixes, or move it to the anti-scope.',
    },
  },
  check(context) {
    const actions = context.view('actions');
    const spine = [context.view('diagnosis'), context.view('policy')].filter((v): v is SectionView => v !== undefined && !v.isEmpty());
    // Without a diagnosis or a policy there is nothing to trace to: that is roadmap-not-strategy.
    if (!actions || spine.length === 0) return;
    const traced = spine.flatMap((v) => [...v.terms()]);
    const related = spine.flatMap((v) => (v.section ? [{ message: `the ${v.section.title.toLowerCase()} it should serve`, span: v.section.titleSpan }] : []));
    for (const a of actions.entries()) {
      const own = termsOf(a.text);
      if (own.size === 0 || traced.some((t) => own.has(t))) continue;
      context.report({ messageId: 'untraced', data: { action: clip(a.text) }, span: a, words: [a.text], related });
    }
  },
});
