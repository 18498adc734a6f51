import type { SectionView } from '../../query/section-view.ts';
import { defineRule } from '../define.ts';

/** Rumelt's coherent actions are a few coordinated steps; past this many it is a backlog. */
const MAX_ACTIONS = 7;

export default defineRule({
  meta: {
    id: 'strategy/too-many-actions',
    severity: 'info',
    kinds: ['strategy'],
    docs: {
      description: 'The coherent actions are a long list: more than seven steps.',
      why: "Case study 1: the tradeoff table says a broad strategy is inclusive but weakly prioritized, and Rumelt lists long, unprioritised lists of objectives among the hallmarks of bad strategy. The module's coherent actions are three steps; a dozen reads as the roadmap the case study warns about.",
      better: 'Keep the few actions that carry out the policy ("stabilize CI, standardize service templates, create ownership dashboard") and move the rest to the anti-scope or a later revision.',
      caseStudy: 1,
      concept: 'coherent action',
      bad: '---\nkind: strategy\n---\n\n## Coherent actions\n\n- Stabilize CI\n- Standardize templates\n- Ownership dashboard\n- Upgrade Kubernetes\n- Migrate logging\n- New portal\n- Service mesh\n- Chaos testing\n',
      good: '---\nkind: strategy\n---\n\n## Coherent actions\n\n- Stabilize CI\n- Standardize service templates\n- Create ownership dashboard\n',
    },
    messages: {
      tooMany: 'The strategy lists {{count}} coherent actions; more than {{max}} reads as a backlog, not a few coordinated steps. Keep the ones that carry out the policy and move the rest to the anti-scope.',
    },
  },
  check(context) {
    const actions = context.view('actions');
    if (!actions?.section) return;
    const count = actionCount(actions);
    if (count <= MAX_ACTIONS) return;
    context.report({ messageId: 'tooMany', data: { count, max: MAX_ACTIONS }, span: actions.section.titleSpan, words: [actions.section.title] });
  },
});

/**
 * Actions are the top-level items of the section's lists (sub-bullets and the lines that
 * explain an item are not actions), else its table rows or one-per-line entries, else one per
 * paragraph (an action written as a paragraph has its explanation with it).
 */
function actionCount(view: SectionView): number {
  const lists = view.blocks.filter((b) => b.type === 'list');
  if (lists.length) return lists.reduce((n, b) => n + (b.children?.length ?? 0), 0);
  const entries = view.entries();
  if (entries.some((e) => e.kind !== 'sentence')) return entries.filter((e) => e.kind !== 'sentence').length;
  return view.blocks.filter((b) => b.type === 'paragraph').length;
}
