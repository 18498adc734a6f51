import { lexicon, mentions } from '../../lexicon/index.ts';
import { clip } from '../../text/format.ts';
import { defineRule, type RuleContext } from '../define.ts';
import { hasDate } from '../../text/numbers.ts';
import { proseAsks } from './_ask.ts';

const brief = (maker: string) => `---\nkind: escalation\n---\n\nDecision needed:\nWho owns v1 compatibility during the v2 migration?\n\nDecision maker:\n${maker}\n`;

/** Words that make the decider a guess. */
const HEDGE = /\b(?:not sure|unsure|unclear|no idea|(?:do not|don'?t) know|maybe|perhaps|probably|possibly|presumably|i guess|i think|tbd|tbc|to be (?:decided|confirmed|determined|agreed)|whoever|someone|somebody|anyone)\b|\?/i;
/** Sections other than the decision maker's where a deadline may be stated. */
const DEADLINE_TITLE = /\b(?:deadline|due|by when|timeline|timing|ask|decide by)\b/i;

export default defineRule({
  meta: {
    id: 'escalation/no-decision-maker',
    severity: 'error',
    kinds: ['escalation'],
    docs: {
      description:
        'An escalation brief whose decision maker is not named (a role or a person) or that gives no deadline for the decision; without a decision-maker section, an ask in the prose addressed to nobody in particular ("whoever feels best placed", "someone above us", "leadership").',
      why: 'Case study 3 asks for a "requested decision maker" and for the ask to "choose owner and deadline". An escalation to "leadership" with no date lands on nobody\'s desk: the disagreement keeps burning trust while everyone waits.',
      better: 'Name who decides, by role or name, and by when: "Decision maker: VP of Engineering, by 1 March."',
      caseStudy: 3,
      concept: 'stakeholder map, escalation',
      bad: brief('Leadership.'),
      good: brief('VP of Engineering, by 1 March.'),
    },
    messages: {
      noDecider: 'The decision maker (`{{words}}`) names no role or person, so nobody owns the decision. Name who decides, e.g. "VP of Engineering".',
      noDeadline: 'The brief gives no date for the decision: without one, the disagreement drags on. Say by when you need it, e.g. "VP of Engineering, by 1 March".',
      proseDecider: 'The brief asks `{{words}}` to decide: that names no role or person, so the decision lands on nobody\'s desk. Add "Decision maker:" with who decides, e.g. "VP of Engineering, by 1 March".',
      proseDeadline: 'The brief asks for the decision `{{words}}`: that is no date, so the disagreement drags on. Say by when you need it, e.g. "by 1 March".',
    },
  },
  check(context) {
    const { doc } = context;
    const maker = context.view('decision-maker');
    if (!maker) return proseDecider(context);
    if (maker.isEmpty()) return;
    const said = maker
      .entries()
      .map((e) => e.text)
      .join('\n');
    const first = maker.sentences()[0] ?? maker.entries()[0];
    // "Leadership, probably", "Not sure who owns this. Maybe the security council?": a guess is not a decider.
    const hedge = first ? HEDGE.exec(first.text.replace(/\([^)]*\)/g, (p) => ' '.repeat(p.length))) : null;
    if (first && (hedge || !namesDecider(said))) {
      context.report({ messageId: 'noDecider', data: { words: clip(first.text, 60) }, span: first, words: hedge ? [hedge[0]] : [first.text] });
    }
    const places = [maker, context.view('decision-needed'), ...doc.sections.filter((s) => DEADLINE_TITLE.test(s.title)).map((s) => context.viewOf(s))];
    const dated = places.some(
      (v) =>
        v &&
        (hasDate(v.section?.title ?? '') ||
          hasDate(
            v
              .entries()
              .map((e) => e.text)
              .join('\n'),
          )),
    );
    if (!dated) context.report({ messageId: 'noDeadline', span: maker.anchor, words: [] });
  },
});

/**
 * No "Decision maker:" section: the brief may still ask in prose, and whom it asks is then the
 * decider. An ask to "whoever feels best placed" or "someone above us" names nobody; a brief that
 * asks no one at all is structure/required-section's finding.
 */
function proseDecider(context: RuleContext<'proseDecider' | 'proseDeadline'>): void {
  const asks = proseAsks(context.body);
  if (asks.some((a) => a.named && !a.unnamed)) return;
  const ask = asks.find((a) => a.unnamed && !a.named);
  if (!ask?.unnamed) return;
  context.report({ messageId: 'proseDecider', data: { words: clip(ask.unnamed.text, 60) }, span: ask.unnamed, words: [ask.unnamed.text] });
  if (ask.noTime && !hasDate(ask.text)) context.report({ messageId: 'proseDeadline', data: { words: ask.noTime.text }, span: ask.noTime, words: [ask.noTime.text] });
}

/** A role ("VP of Engineering", "architecture review board"), an @handle, or a name. */
function namesDecider(text: string): boolean {
  if (mentions('decider', text) || /(?:^|\s)@\w/.test(text)) return true;
  const unnamed = new RegExp(`^(?:${lexicon('unnamed-decider').source})$`, 'i');
  for (const word of text.match(/\b[A-Z][a-z]+(?:[-'][A-Za-z]+)?\b/g) ?? []) {
    if (unnamed.test(word) || hasDate(word)) continue;
    return true;
  }
  return false;
}
