import { defineRule } from '../define.ts';
import { matchChoice, optionReference, optionsOf, resolveReference, statedText } from '../options.ts';
import { clip, contentWords, findAll } from '../util.ts';

const brief = (recommendation: string) =>
  `---\nkind: escalation\n---\n\nOptions:\n1. Team A owns a v1-to-v2 adapter until shutdown.\n2. Team B owns dual support of v1 and v2.\n3. A shared migration squad for six weeks.\n\nRecommendation:\n${recommendation}\n`;

export default defineRule({
  meta: {
    id: 'escalation/recommendation-not-an-option',
    severity: 'error',
    kinds: ['escalation'],
    docs: {
      description: 'The recommendation is not one of the listed options (by "Option 3", an ordinal, or its words).',
      why:
        'Case study 3 separates facts, options and asks so that the decision maker chooses between known options. A recommendation that is none of them smuggles in an option nobody weighed, and the other team sees the comparison was for show.',
      better: 'Recommend one of the options by its number or name, then say why: "Option 3: a shared migration squad; it spreads the cost and ends on a fixed date."',
      caseStudy: 3,
      concept: 'escalation, framing',
      bad: brief('Leadership should tell team B to prioritise the migration.'),
      good: brief('Option 3: it spreads the cost and ends on a fixed date.'),
    },
    messages: {
      noSuchOption: 'The recommendation names `{{words}}`, which is not one of the options listed in `{{options}}`, so it was never weighed against them. Point at one of the listed options, or add the one you recommend to the options.',
      notAnOption: 'The recommendation (`{{words}}`) is none of the listed options, so the decision maker cannot weigh it against the others. Recommend one of them by number or name, or add it to `{{options}}` with its tradeoffs.',
    },
  },
  check(context) {
    const { doc } = context;
    const rec = context.section('recommendation');
    const opts = context.section('options');
    if (!rec || !opts) return;
    const text = statedText(doc, rec);
    const choices = optionsOf(doc, opts);
    if (!text.trim() || choices.length === 0) return;
    const related = [{ message: `the options (${opts.title})`, span: opts.titleSpan }];
    const ref = optionReference(doc.text.slice(rec.contentSpan.start, rec.contentSpan.end), rec.contentSpan.start);
    if (ref) {
      if (!resolveReference(ref, choices)) {
        context.report({ messageId: 'noSuchOption', data: { words: ref.text, options: opts.title }, span: ref, related });
      }
      return;
    }
    if (matchChoice(contentWords(text), choices)) return;
    const first = findAll(doc, rec.contentSpan, /[^\s.!?][^.!?\n]*[.!?]?/g, rec.blocks)[0];
    if (!first) return;
    context.report({ messageId: 'notAnOption', data: { words: clip(first.text, 60), options: opts.title }, span: first, related });
  },
});
