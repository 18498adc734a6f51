import { defineRule } from '../define.ts';
import { nothingListed } from '../../text/nothing-listed.ts';
import { dodgesAll } from '../../text/dodges.ts';

export default defineRule({
  meta: {
    id: 'strategy/anti-scope-none',
    severity: 'error',
    kinds: ['strategy'],
    docs: {
      description: 'The anti-scope says "none", "n/a" or "nothing for now" (with or without a reason): the strategy rules nothing out.',
      why:
        'Case study 1: the narrow strategy "says no to good ideas"; that is its cost and its point. An anti-scope of "none" is the broad strategy of the tradeoff table (inclusive, weak prioritization): teams still cannot say no to anything, which is the roadmap problem again.',
      better: 'Name the good ideas you will not pursue now, and until when: "no Kubernetes upgrade this half unless a security deadline forces it".',
      caseStudy: 1,
      concept: 'roadmap vs strategy',
      bad: '---\nkind: strategy\n---\n\n## Anti-scope\n\nNone for now.\n',
      good: '---\nkind: strategy\n---\n\n## Anti-scope\n\n- No Kubernetes upgrade this half unless a security deadline forces it.\n',
    },
    messages: {
      none: 'The anti-scope says `{{words}}` and names nothing it excludes, so the strategy rules nothing out and teams still cannot say no. Name the good ideas you will not do now, e.g. "no Kubernetes upgrade this half".',
    },
  },
  check(context) {
    const anti = context.view('anti-scope');
    // Empty is structure/empty-section's finding; "N/A, everything matters this year" is this one.
    if (!anti || anti.isEmpty()) return;
    const found = nothingListed(anti.entries()) ?? dodgesAll(context.doc, anti.entries());
    if (!found) return;
    context.report({ messageId: 'none', data: { words: found.marker.text }, span: found.span, words: [found.marker.text] });
  },
});
