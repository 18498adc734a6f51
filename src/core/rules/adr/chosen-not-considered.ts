import { clip } from '../../text/format.ts';
import type { Match } from '../../text/match.ts';
import { contentWords } from '../../text/words.ts';
import { defineRule } from '../define.ts';
import { matchChoice, optionReference, resolveReference, type Choice } from '../../text/options.ts';
import { chosenOptions, conditionalBranches, sameName } from './_chosen.ts';

const ADR = '---\nkind: adr\n---\n\n# ADR 7: Ledger database\n\n## Considered Options\n\n* PostgreSQL\n* DynamoDB\n\n## Decision Outcome\n\n';

export default defineRule({
  meta: {
    id: 'adr/chosen-not-considered',
    severity: 'warning',
    kinds: ['adr'],
    docs: {
      description: 'The ADR\'s "Chosen option" (or a branch of a conditional decision: "X if ..., otherwise Z") is not one of its considered options.',
      why: 'Architectural Decision Records structure a decision around options and consequences: the chosen option should be one that was weighed. A chosen option missing from the considered options was never compared, so its consequences were never weighed either. A conditional decision makes two choices, and its fallback needs weighing as much as its first pick.',
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
    const decision = context.view('decision');
    const conditional = decision?.section ? conditionalBranches(decision) : [];
    const named = [...chosenOptions(context.body), ...conditional.filter((b) => !chosenOptions(context.body).some((c) => c.start <= b.start && b.start < c.end))];
    for (const chosen of named) {
      // Matches inside the considered options themselves describe them, not the outcome.
      if (inOptions(chosen)) continue;
      const ref = optionReference(chosen.text, chosen.start);
      const found = ref ? resolveReference(ref, choices) : (choices.find((c) => sameName(c.text, chosen.text)) ?? byDistinctiveWords(contentWords(chosen.text), choices));
      if (found) continue;
      context.report({ messageId: 'notConsidered', data: { words: clip(chosen.text, 60), options: opts.section.title }, span: chosen, words: [chosen.text], related: [{ message: 'the considered options', span: opts.section.titleSpan }] });
    }
  },
});

/**
 * The considered option a chosen name refers to, by the words that tell the options apart:
 * "OpenTelemetry Collector on the telematics unit" is not "Fluent Bit on the telematics unit",
 * though they share "telematics unit", because every option runs there. Words all options share
 * are context, not identity; a name made only of them is matched as before.
 */
function byDistinctiveWords(words: Set<string>, choices: Choice[]): Choice | undefined {
  const common = choices.length >= 2 ? [...(choices[0]?.nameWords ?? [])].filter((w) => choices.every((c) => c.nameWords.has(w))) : [];
  const own = new Set([...words].filter((w) => !common.includes(w)));
  if (!own.size || !common.length) return matchChoice(words, choices);
  let best: { c: Choice; shared: number } | undefined;
  for (const c of choices) {
    const theirs = [...c.nameWords].filter((w) => !common.includes(w));
    const shared = theirs.filter((w) => own.has(w)).length;
    if (shared > 0 && shared * 2 >= Math.min(theirs.length, own.size) && (!best || shared > best.shared)) best = { c, shared };
  }
  return best?.c;
}
