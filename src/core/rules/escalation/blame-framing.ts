import { lexicon } from '../../lexicon/index.ts';
import { defineRule } from '../define.ts';
import { findAll, type Match } from '../util.ts';

const ESCALATION = '---\nkind: escalation\n---\n\n';

export default defineRule({
  meta: {
    id: 'escalation/blame-framing',
    severity: 'error',
    kinds: ['escalation'],
    docs: {
      description: 'An escalation that blames people or vents emotion ("is blocking", "they refuse", "their fault") instead of framing the decision.',
      why:
        'Case study 3: one engineer escalates by saying the other team is blocking progress; it creates defensiveness and slows resolution. Blame framing buys emotional force at the cost of trust, and the decision maker still has no decision to make.',
      better:
        'Escalate the decision, not the people: "Decision needed: who owns v1 compatibility during the v2 migration?", then the facts both teams agree on, the options, and the ask (choose an owner and a deadline).',
      caseStudy: 3,
      concept: 'framing, trust',
      bad: `${ESCALATION}Team B is blocking the v2 migration and they refuse to own v1 compatibility.\n`,
      good: `${ESCALATION}Decision needed:\nWho owns v1 compatibility during the v2 migration?\n\nFacts:\nTeam A and team B both expected the other to keep v1 working.\n`,
    },
    messages: {
      blame: 'The brief blames people (`{{words}}`): blame burns trust and gives the decision maker nothing to decide. Describe what happened as facts, and escalate the decision with its options instead.',
    },
  },
  check(context) {
    const { doc } = context;
    const body = { start: doc.frontMatter?.span.end ?? 0, end: doc.text.length };
    const hits = findAll(doc, body, lexicon('blame')).filter((m) => !quoted(doc.text, m.start));
    // Phrases that touch ("make them" + "do their job") are one finding.
    const runs: Match[] = [];
    for (const m of hits) {
      const last = runs[runs.length - 1];
      if (last && /^[ \t]*$/.test(doc.text.slice(last.end, m.start))) runs[runs.length - 1] = { start: last.start, end: m.end, text: doc.text.slice(last.start, m.end) };
      else runs.push(m);
    }
    for (const m of runs) context.report({ messageId: 'blame', data: { words: m.text }, span: m, words: [m.text] });
  },
});

/** Quoted words ("avoid writing `they refuse`") talk about blame; they do not blame. */
function quoted(text: string, start: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  const count = (q: string) => line.split(q).length - 1;
  return count('`') % 2 === 1 || count('"') % 2 === 1 || line.lastIndexOf('\u201c') > line.lastIndexOf('\u201d');
}
