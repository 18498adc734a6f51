import { clip } from '../../text/format.ts';
import type { Match } from '../../text/match.ts';
import { contentWords } from '../../text/words.ts';
import { defineRule } from '../define.ts';
import { matchChoice, optionReference, resolveReference } from '../../text/options.ts';
import { chosenOptions, sameName } from './_chosen.ts';

const ADR = '---\nkind: adr\n---\n\n# ADR 7: Ledger database\n\n## Considered Options\n\n* PostgreSQL\n* DynamoDB\n\n## Decision Outcome\n\n';

export default defineRule({
  meta: {
    id: 'adr/chosen-not-considered',
    severity: 'warning',
    kinds: ['adr'],
    docs: {
      description: 'The ADR\'s "Chosen option" is not one of its considered options.',
      why:
        'Architectural Decision Records structure a decision around options and consequences: the chosen option should be one that was weighed. A chosen option missing from the considered options was never compared, so its consequences were never weighed either.',
      better: 'Choose one of the considered options by its exact title ("Chosen option: \\"PostgreSQL\\", because ..."), or add the chosen option to the considered options with its pros and cons.',
      concept: 'decision records, options',
      bad: `${ADR}Chosen option: "CockroachDB", because it scales.\n`,
      good: `${ADR}Chosen option: "PostgreSQL", because it has transactions.\n`,
    },
    messages: {
      notConsidered: 'The chosen option `{{words}}` is not among the `{{options}}`, so it was never weighed against them. Pick one of the considered options, or add it there with its pros and cons.',
    },
  },
  check(context) {
    const opts = context.view('options');
    if (!opts?.section) return;
    const choices = opts.options();
    if (!choices.length) return;
    const inOptions = (m: Match) => opts.spans.some((r) => r.start <= m.start && m.start < r.end);
    for (const chosen of chosenOptions(context.body)) {
      // Matches inside the considered options themselves describe them, not the outcome.
      if (inOptions(chosen)) continue;
      const ref = optionReference(chosen.text, chosen.start);
      const found = ref ? resolveReference(ref, choices) : matchChoice(contentWords(chosen.text), choices) ?? choices.find((c) => sameName(c.text, chosen.text));
      if (found) continue;
      context.report({ messageId: 'notConsidered', data: { words: clip(chosen.text, 60), options: opts.section.title }, span: chosen, words: [chosen.text], related: [{ message: 'the considered options', span: opts.section.titleSpan }] });
    }
  },
});
