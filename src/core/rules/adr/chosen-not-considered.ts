import { defineRule } from '../define.ts';
import { matchChoice, optionReference, optionsOf, resolveReference } from '../options.ts';
import { clip, contentWords, findAll } from '../util.ts';

const ADR = '---\nkind: adr\n---\n\n# ADR 7: Ledger database\n\n## Considered Options\n\n* PostgreSQL\n* DynamoDB\n\n## Decision Outcome\n\n';
/** MADR's `Chosen option: "X", because ...` (the colon is what tells it from prose); the option is quoted, or runs to the comma or "because". */
const CHOSEN = /chosen (?:option|alternative)s?(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*(?:"([^"\n]+)"|\u201c([^\u201d\n]+)\u201d|`([^`\n]+)`|\*\*([^*\n]+)\*\*|\[([^\]\n]+)\]|([^,.;\n]+?)(?=,|\.(?:\s|$)|;|\s+because\b|$))/gim;

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
    const { doc } = context;
    const opts = context.section('options');
    if (!opts) return;
    const choices = optionsOf(doc, opts);
    if (!choices.length) return;
    const body = { start: doc.frontMatter?.span.end ?? 0, end: doc.text.length };
    for (const m of findAll(doc, body, CHOSEN)) {
      // Matches inside the considered options themselves describe them, not the outcome.
      if (m.start >= opts.contentSpan.start && m.start < opts.contentSpan.end) continue;
      const g = new RegExp(CHOSEN.source, 'i').exec(m.text);
      const name = g?.slice(1).find((x) => x !== undefined)?.trim();
      // Template placeholders (`""`, `{title of option 1}`) are not a choice yet.
      if (!g || !name || !/\w/.test(name) || /^\{.*\}$/.test(name)) continue;
      const start = m.start + g.index + g[0].lastIndexOf(name);
      const span = { start, end: start + name.length };
      const ref = optionReference(name, start);
      const found = ref ? resolveReference(ref, choices) : matchChoice(contentWords(name), choices) ?? choices.find((c) => sameName(c.text, name));
      if (found) continue;
      context.report({ messageId: 'notConsidered', data: { words: clip(name, 60), options: opts.title }, span, words: [name], related: [{ message: 'the considered options', span: opts.titleSpan }] });
    }
  },
});

function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const x = norm(a);
  const y = norm(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}
