import { mentions } from '../../lexicon/index.ts';
import { splitSentences } from '../../text/sentences.ts';
import { defineRule } from '../define.ts';

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
      description: 'The brief leads with background (context, facts, history) instead of the decision needed.',
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
    },
  },
  check(context) {
    const { doc } = context;
    const decision = context.section('decision-needed');
    if (!decision) return;
    const at = decision.titleSpan.start;
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
