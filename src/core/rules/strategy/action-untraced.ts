import { defineRule } from '../define.ts';
import { filled, shared, terms, unitText, units } from '../units.ts';
import { clip } from '../util.ts';

export default defineRule({
  meta: {
    id: 'strategy/action-untraced',
    severity: 'warning',
    kinds: ['strategy'],
    docs: {
      description: 'A coherent action that serves neither the guiding policy nor the diagnosis: it shares no subject with either.',
      why:
        'Case study 1: coherent actions are the steps that carry out the policy against the diagnosed problem ("stabilize CI" answers "test flakiness blocks product teams"). An action that traces to neither is a roadmap item that slipped in: it spends the team on something the strategy never argued for.',
      better:
        'Tie each action to the diagnosis or the policy in its own words ("Stabilize CI: quarantine flaky tests"), or move it to the anti-scope, or add the problem it solves to the diagnosis.',
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
    const { doc } = context;
    const actions = context.section('actions');
    const diagnosis = context.section('diagnosis');
    const policy = context.section('policy');
    // Without a diagnosis or a policy there is nothing to trace to: that is roadmap-not-strategy.
    if (!actions || !(filled(doc, diagnosis) || filled(doc, policy))) return;
    const spine = terms(`${unitText(doc, diagnosis)}\n${unitText(doc, policy)}`);
    const related = [diagnosis, policy].flatMap((s) => (s && filled(doc, s) ? [{ message: `the ${s.title.toLowerCase()} it should serve`, span: s.titleSpan }] : []));
    for (const a of units(doc, actions)) {
      const own = terms(a.text);
      if (own.size === 0 || shared(own, spine).length > 0) continue;
      context.report({ messageId: 'untraced', data: { action: clip(a.text) }, span: a, words: [a.text], related });
    }
  },
});
