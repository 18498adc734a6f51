import { lexicon } from '../../lexicon/index.ts';
import type { Span } from '../../model/types.ts';
import { defineRule } from '../define.ts';

import { clip, findAll, type Match, sectionText } from '../util.ts';

const brief = (decision: string) => `---\nkind: escalation\n---\n\nDecision needed:\n${decision}\n\nOptions:\n- Team A owns an adapter.\n- Team B owns dual support.\n`;

/** Words that make a sentence a decision someone can take: a choice, an approval, an owner. */
const DECISION_WORDS = /\?|\b(?:who|which|whether|between|versus|vs\.?|or)\b/i;

export default defineRule({
  meta: {
    id: 'escalation/no-decision-question',
    severity: 'warning',
    kinds: ['escalation'],
    docs: {
      description: 'The decision needed is an open-ended plea ("What should we do?", "Thoughts?", "Need guidance") or a topic, not a question a decision maker can answer.',
      why:
        'Case study 3 escalates the decision: "who owns v1 compatibility during v2 migration?" A plea for guidance hands the whole problem up; a topic ("the migration") leaves the decision maker to work out what is being asked. Either way the escalation slows resolution.',
      better: 'Ask one question a decision maker can answer with a choice: "Who owns v1 compatibility during the v2 migration?" or "Approve option 2 or option 3?"',
      caseStudy: 3,
      concept: 'escalation, framing',
      bad: brief('We are stuck on the migration. What should we do?'),
      good: brief('Who owns v1 compatibility during the v2 migration?'),
    },
    messages: {
      plea: 'The decision needed is an open-ended plea (`{{words}}`): it hands the problem up instead of a decision. Ask a question someone can answer with a choice, e.g. "Who owns v1 compatibility during the v2 migration?"',
      noQuestion: 'The decision needed (`{{words}}`) states a topic, not a question a decision maker can answer. Write it as a choice, e.g. "Who owns v1 compatibility during the v2 migration?"',
    },
  },
  check(context) {
    const { doc } = context;
    const section = context.section('decision-needed');
    if (!section || !sectionText(doc, section).trim()) return;
    const pleas = findAll(doc, section.contentSpan, lexicon('plea'), section.blocks);
    // A real question next to "Thoughts?" is still a decision; judge the text without the pleas.
    const rest = withoutSpans(doc.text, section.contentSpan, pleas);
    if (DECISION_WORDS.test(rest) || lexicon('ask').test(rest)) return;
    const first = pleas[0];
    if (first) {
      context.report({ messageId: 'plea', data: { words: pleas.map((p) => p.text).join('`, `') }, span: first, words: pleas.map((p) => p.text) });
      return;
    }
    const content = findAll(doc, section.contentSpan, /\S(?:.*\S)?/g, section.blocks)[0];
    if (content) context.report({ messageId: 'noQuestion', data: { words: clip(content.text, 60) }, span: content });
  },
});

function withoutSpans(text: string, span: Span, cut: Match[]): string {
  let out = '';
  let at = span.start;
  for (const c of cut) {
    out += text.slice(at, c.start);
    // "What should we do?": the question mark belongs to the plea.
    at = text[c.end] === '?' ? c.end + 1 : c.end;
  }
  return out + text.slice(at, span.end);
}
