import { defineRule } from '../define.ts';
import { saysNothing, units } from '../units.ts';

export default defineRule({
  meta: {
    id: 'strategy/anti-scope-none',
    severity: 'error',
    kinds: ['strategy'],
    docs: {
      description: 'The anti-scope says "none", "n/a" or "nothing for now": the strategy rules nothing out.',
      why:
        'Case study 1: the narrow strategy "says no to good ideas"; that is its cost and its point. An anti-scope of "none" is the broad strategy of the tradeoff table (inclusive, weak prioritization): teams still cannot say no to anything, which is the roadmap problem again.',
      better: 'Name the good ideas you will not pursue now, and until when: "no Kubernetes upgrade this half unless a security deadline forces it".',
      caseStudy: 1,
      concept: 'roadmap vs strategy',
      bad: '---\nkind: strategy\n---\n\n## Anti-scope\n\nNone for now.\n',
      good: '---\nkind: strategy\n---\n\n## Anti-scope\n\n- No Kubernetes upgrade this half unless a security deadline forces it.\n',
    },
    messages: {
      none: 'The anti-scope says `{{text}}`, so the strategy rules nothing out and teams still cannot say no. Name the good ideas you will not do now, e.g. "no Kubernetes upgrade this half".',
    },
  },
  check(context) {
    const { doc } = context;
    const anti = context.section('anti-scope');
    if (!anti) return;
    const own = units(doc, anti);
    if (own.length === 0) return; // empty: structure/empty-section says so
    if (!own.every((u) => saysNothing(u.text))) return;
    const span = { start: own[0]!.start, end: own[own.length - 1]!.end };
    const text = context.textOf(span);
    context.report({ messageId: 'none', data: { text }, span, words: [text] });
  },
});
