import { mentions } from '../../lexicon/index.ts';
import { splitSentences } from '../../text/sentences.ts';
import { defineRule, type RuleContext } from '../define.ts';
import { clip } from '../../text/format.ts';
import { isNothing } from '../../text/options.ts';
import { openingAsk, proseAsks } from './_ask.ts';

const ESCALATION = '---\nkind: escalation\n---\n\n';
/** Sections that are background when they come before the decision needed. */
const BACKGROUND = new Set(['context', 'options']);
/** More prose than this before the decision, with no ask in it, buries the decision. */
const MAX_PREAMBLE_WORDS = 60;

export default defineRule({
  meta: {
    id: 'escalation/decision-not-first',
    severity: 'warning',
    kinds: ['escalation'],
    docs: {
      description:
        'The brief leads with background (context, facts, history) instead of the decision needed, or, written as prose, makes its ask only after a long history. An opening line or TL;DR that states the ask counts as the decision first.',
      why: 'Case study 3 escalates the decision first: "Decision needed: who owns v1 compatibility during v2 migration?", then the facts. A decision maker who reads background first has to guess what is being asked, and a leading history of who did what drifts into blame.',
      better: 'Put "Decision needed:" first, as a question, then the facts, options, recommendation and who decides by when.',
      caseStudy: 3,
      concept: 'escalation, framing',
      bad: `${ESCALATION}Background:\nThe v2 migration started in January.\n\nDecision needed:\nWho owns v1 compatibility during the v2 migration?\n`,
      good: `${ESCALATION}Decision needed:\nWho owns v1 compatibility during the v2 migration?\n\nBackground:\nThe v2 migration started in January.\n`,
    },
    messages: {
      background: 'The brief opens with `{{words}}` before the decision needed: the decision maker has to read it without knowing what is being asked. Move `{{decision}}` to the top.',
      preamble: 'The brief opens with {{count}} words of background before the decision needed: the decision maker reads history before knowing what is asked. Lead with `{{decision}}`.',
      buried: 'The brief asks for its decision (`{{words}}`) only after {{count}} words of background: the decision maker reads history before knowing what is asked. Open with "Decision needed:" and the question.',
    },
  },
  check(context) {
    const { doc } = context;
    const decision = context.section('decision-needed');
    if (!decision) return buried(context);
    // A decision section that says "None" is a misread heading or a placeholder: nothing to move up.
    if (
      context
        .viewOf(decision)
        .entries()
        .every((e) => isNothing(e.text))
    )
      return;
    const at = decision.titleSpan.start;
    if (openingAsk(context, at)) return;
    const before = doc.sections.find((s) => s.key && BACKGROUND.has(s.key) && s.titleSpan.start < at);
    const related = [{ message: 'the decision needed', span: decision.titleSpan }];
    if (before) {
      context.report({ messageId: 'background', data: { words: before.title, decision: decision.title }, span: before.titleSpan, words: [before.title], related });
      return;
    }
    const prose = context.body.blocks.filter((b) => b.end <= at && (b.type === 'paragraph' || b.type === 'list' || b.type === 'quote'));
    const text = prose.map((b) => doc.plain.slice(b.start, b.end)).join('\n');
    const count = text.split(/\s+/).filter((w) => /\w/.test(w)).length;
    const first = prose[0];
    if (!first || count <= MAX_PREAMBLE_WORDS || mentions('ask', text)) return;
    const span = splitSentences(doc.plain, first.start, first.end)[0] ?? first;
    context.report({ messageId: 'preamble', data: { count, decision: decision.title }, span, words: [], related });
  },
});

/**
 * No "Decision needed:" section: the ask is wherever the prose makes it ("It would be good to get
 * a steer on this..."); after a long history with no summary first, it is buried.
 */
function buried(context: RuleContext<'buried'>): void {
  const { doc } = context;
  const ask = proseAsks(context.body)[0];
  if (!ask || openingAsk(context, ask.start)) return;
  const before = context.body.blocks.filter((b) => b.end <= ask.start && (b.type === 'paragraph' || b.type === 'list' || b.type === 'quote'));
  const text =
    before.map((b) => doc.plain.slice(b.start, b.end)).join('\n') + doc.plain.slice(Math.max(before.at(-1)?.end ?? ask.start, context.body.blocks.find((b) => b.start <= ask.start && ask.start < b.end)?.start ?? ask.start), ask.start);
  const count = text.split(/\s+/).filter((w) => /\w/.test(w)).length;
  if (count <= MAX_PREAMBLE_WORDS) return;
  context.report({ messageId: 'buried', data: { words: clip(ask.text, 60), count }, span: ask, words: [ask.text] });
}
