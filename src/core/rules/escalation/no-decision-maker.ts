import { lexicon } from '../../lexicon/index.ts';
import type { Section } from '../../model/types.ts';
import { defineRule } from '../define.ts';

import { clip, findAll, hasDate, sectionText } from '../util.ts';

const brief = (maker: string) =>
  `---\nkind: escalation\n---\n\nDecision needed:\nWho owns v1 compatibility during the v2 migration?\n\nDecision maker:\n${maker}\n`;

/** Sections other than the decision maker's where a deadline may be stated. */
const DEADLINE_TITLE = /\b(?:deadline|due|by when|timeline|timing|ask|decide by)\b/i;

export default defineRule({
  meta: {
    id: 'escalation/no-decision-maker',
    severity: 'error',
    kinds: ['escalation'],
    docs: {
      description: 'An escalation brief whose decision maker is not named (a role or a person) or that gives no deadline for the decision.',
      why:
        'Case study 3 asks for a "requested decision maker" and for the ask to "choose owner and deadline". An escalation to "leadership" with no date lands on nobody\'s desk: the disagreement keeps burning trust while everyone waits.',
      better: 'Name who decides, by role or name, and by when: "Decision maker: VP of Engineering, by 1 March."',
      caseStudy: 3,
      concept: 'stakeholder map, escalation',
      bad: brief('Leadership.'),
      good: brief('VP of Engineering, by 1 March.'),
    },
    messages: {
      noDecider: 'The decision maker (`{{words}}`) names no role or person, so nobody owns the decision. Name who decides, e.g. "VP of Engineering".',
      noDeadline: 'The brief gives no date for the decision: without one, the disagreement drags on. Say by when you need it, e.g. "VP of Engineering, by 1 March".',
    },
  },
  check(context) {
    const { doc } = context;
    const maker = context.section('decision-maker');
    if (!maker) return;
    const text = sectionText(doc, maker).trim();
    if (!text) return;
    if (!namesDecider(text)) {
      const content = findAll(doc, maker.contentSpan, /\S(?:.*\S)?/g)[0];
      const span = content ?? maker.titleSpan;
      context.report({ messageId: 'noDecider', data: { words: clip(doc.text.slice(span.start, span.end), 60) }, span });
    }
    const places: Section[] = [maker, ...[context.section('decision-needed')].filter((s) => s !== undefined), ...doc.sections.filter((s) => DEADLINE_TITLE.test(s.title))];
    const dated = places.some((s) => hasDate(s.title) || hasDate(sectionText(doc, s)));
    if (!dated) context.report({ messageId: 'noDeadline', span: maker.titleSpan, words: [] });
  },
});

/** A role ("VP of Engineering", "architecture review board"), an @handle, or a name. */
function namesDecider(text: string): boolean {
  if (lexicon('decider').test(text) || /(?:^|\s)@\w/.test(text)) return true;
  const unnamed = lexicon('unnamed-decider');
  for (const word of text.match(/\b[A-Z][a-z]+(?:[-'][A-Za-z]+)?\b/g) ?? []) {
    unnamed.lastIndex = 0;
    const m = unnamed.exec(word);
    if (m && m[0].length === word.length) continue;
    if (hasDate(word)) continue;
    return true;
  }
  return false;
}
