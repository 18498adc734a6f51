import { defineRule } from '../define.ts';
import { nothingListed } from '../../text/nothing-listed.ts';
import { dodgesAll } from '../../text/dodges.ts';
import { codeList } from '../../text/format.ts';
import { negatedBefore } from '../../text/negated.ts';

/** An entry that says it excludes: "We won't ...", "No ...", "Not ...", "Never ...". */
const EXCLUDING = /^(?:no|not|never|nor|without|we (?:will|shall|do|are|would) not|we won't|we don't|we aren't|won't|don't|do not|will not)\b/i;

export default defineRule({
  meta: {
    id: 'strategy/anti-scope-none',
    severity: 'error',
    kinds: ['strategy'],
    docs: {
      description: 'The anti-scope says "none", "n/a" or "nothing for now" (with or without a reason), or excludes only what nobody would do anyway ("we won\'t ship untested code"): the strategy rules nothing out.',
      why: 'Case study 1: the narrow strategy "says no to good ideas"; that is its cost and its point. An anti-scope of "none" is the broad strategy of the tradeoff table (inclusive, weak prioritization): teams still cannot say no to anything, which is the roadmap problem again.',
      better: 'Name the good ideas you will not pursue now, and until when: "no Kubernetes upgrade this half unless a security deadline forces it".',
      caseStudy: 1,
      concept: 'roadmap vs strategy',
      bad: '---\nkind: strategy\n---\n\n## Anti-scope\n\nNone for now.\n',
      good: '---\nkind: strategy\n---\n\n## Anti-scope\n\n- No Kubernetes upgrade this half unless a security deadline forces it.\n',
    },
    messages: {
      none: 'The anti-scope says `{{words}}` and names nothing it excludes, so the strategy rules nothing out and teams still cannot say no. Name the good ideas you will not do now, e.g. "no Kubernetes upgrade this half".',
      selfEvident: 'The anti-scope excludes only what nobody would do anyway ({{words}}), so it rules nothing out. Name good ideas someone might reasonably want that you will not do now, e.g. "no Kubernetes upgrade this half".',
    },
  },
  check(context) {
    const anti = context.view('anti-scope');
    // Empty is structure/empty-section's finding; "N/A, everything matters this year" is this one.
    if (!anti || anti.isEmpty()) return;
    const entries = anti.entries();
    const found = nothingListed(entries) ?? dodgesAll(context.doc, entries);
    if (found) {
      context.report({ messageId: 'none', data: { words: found.marker.text }, span: found.span, words: [found.marker.text] });
      return;
    }
    // "We won't ship untested code. We won't ignore security.": every exclusion is something
    // nobody wanted to do, so nothing a team might want is ruled out.
    const evident = anti.find('self-evident');
    const excluded = entries.filter((e) => EXCLUDING.test(e.text) || evident.some((m) => m.start >= e.start && m.end <= e.end && negatedBefore(context.doc, e, m)));
    const trivial = entries.every((e) => evident.some((m) => m.start >= e.start && m.end <= e.end)) && excluded.length === entries.length;
    if (!trivial || evident.length === 0) return;
    const words = evident.map((m) => m.text);
    context.report({ messageId: 'selfEvident', data: { words: codeList(words, 3) }, span: { start: entries[0]!.start, end: entries[entries.length - 1]!.end }, words });
  },
});
