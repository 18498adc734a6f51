import { defineRule } from '../define.ts';
import { clauses, restates, terms, units } from '../units.ts';
import { clip } from '../util.ts';

export default defineRule({
  meta: {
    id: 'strategy/action-in-anti-scope',
    severity: 'warning',
    kinds: ['strategy'],
    docs: {
      description: 'A coherent action does what the anti-scope says the strategy will not do.',
      why:
        'Case study 1: the anti-scope is where a narrow strategy "says no to good ideas". An action that the anti-scope rules out ("Upgrade Kubernetes" beside "No Kubernetes upgrade this half") tells teams both yes and no, so they are back to a roadmap with no decision guidance.',
      better: 'Decide: drop the action, or narrow the anti-scope and say why (e.g. "no Kubernetes upgrade this half unless a security deadline forces it").',
      caseStudy: 1,
      concept: 'coherent action',
      bad: '---\nkind: strategy\n---\n\n## Coherent actions\n\n- Stabilize CI.\n- Upgrade Kubernetes to 1.31.\n\n## Anti-scope\n\n- No Kubernetes upgrade this half.\n',
      good: '---\nkind: strategy\n---\n\n## Coherent actions\n\n- Stabilize CI.\n- Standardize service templates.\n\n## Anti-scope\n\n- No Kubernetes upgrade this half.\n',
    },
    messages: {
      contradicts: 'The action `{{action}}` does what the anti-scope rules out (`{{exclusion}}`), so teams get both yes and no. Drop the action or narrow the anti-scope.',
    },
  },
  check(context) {
    const { doc } = context;
    const actions = context.section('actions');
    const anti = context.section('anti-scope');
    if (!actions || !anti) return;
    const exclusions = clauses(doc, units(doc, anti));
    for (const a of units(doc, actions)) {
      const own = terms(a.text, false);
      const hit = exclusions.find((x) => restates(a.text, x, own).length > 0);
      if (!hit) continue;
      context.report({
        messageId: 'contradicts',
        data: { action: clip(a.text, 70), exclusion: clip(hit.text, 70) },
        span: a,
        words: restates(a.text, hit, own),
        related: [{ message: 'the anti-scope that rules it out', span: hit }],
      });
    }
  },
});
