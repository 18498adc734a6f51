import type { SectionView } from '../../query/section-view.ts';
import { clip } from '../../text/format.ts';
import { contentWords } from '../../text/words.ts';
import { defineRule } from '../define.ts';
import { rowChoices, tradeoffTables } from '../../query/tradeoff-tables.ts';
import { matchChoice, optionReference, resolveReference, type Choice } from '../../text/options.ts';

const SUMMARY = '---\nkind: exec-summary\n---\n\nDecision:\n';
const TABLE = '\n\n| Option | Gain | Cost |\n|---|---|---|\n| delay two weeks | no duplicate charges | launch slips |\n| launch now | revenue this month | duplicate charge incidents |\n';
/** First-column headers that say the rows are this decision's options, not, say, writing styles. */
const OPTION_HEADER = /\b(?:options?|choices?|alternatives?|approach(?:es)?|solutions?|candidates?)\b/i;

export default defineRule({
  meta: {
    id: 'tradeoff/recommendation-not-in-table',
    severity: 'warning',
    docs: {
      description: 'The document recommends or decides something that is not a row of its tradeoff table.',
      why: 'Each case study weighs its choices in a tradeoff table, gain against cost. When the recommendation is not one of the rows, the table weighed other things and the choice actually made has no stated cost.',
      better: 'Make the recommended option a row of the tradeoff table, with its gain and its cost, next to the options it beat.',
      concept: 'tradeoffs, decision framing',
      bad: `${SUMMARY}Move the launch to a new payments vendor.${TABLE}`,
      good: `${SUMMARY}Delay the payments launch two weeks, to 14 May.${TABLE}`,
    },
    messages: {
      notInTable: 'The {{section}} (`{{words}}`) is not a row of the tradeoff table, so its cost is never stated. Add it as a row with its gain and cost, or recommend one of the rows.',
    },
  },
  check(context) {
    const { doc } = context;
    if (!context.kind) return;
    const tables = tradeoffTables(doc);
    if (!tables.length) return;
    const rec = recommendation(context.view('recommendation'), context.view('decision'));
    if (!rec?.section) return;
    const text = rec.text();
    // Resolve "Option 3" to the option's own words first, so the table can name it differently.
    const options = context.view('options')?.options() ?? [];
    const ref = optionReference(text, 0);
    const chosen = ref ? resolveReference(ref, options) : matchChoice(contentWords(text), options);
    const words = new Set([...contentWords(text), ...(chosen?.words ?? [])]);
    for (const t of tables) {
      const rows = rowChoices(t);
      if (!rows.length || !aboutThisDecision(t.header.cells[0]?.text ?? '', rows, options)) continue;
      if (matchChoice(words, rows) || (ref && (chosen ? rows.some((r) => r.label === ref.label) : resolveReference(ref, rows)))) continue;
      const first = rec.sentences()[0];
      if (!first) return;
      context.report({ messageId: 'notInTable', data: { section: rec.section.title.toLowerCase(), words: clip(first.text, 60) }, span: first, related: [{ message: 'the tradeoff table', span: t.header }] });
    }
  },
});

/**
 * The section that states the choice: a recommendation, else a decision that is not itself
 * a question (an escalation's "Decision needed" asks; a summary's "Decision" answers).
 */
function recommendation(rec: SectionView | undefined, decision: SectionView | undefined): SectionView | undefined {
  if (rec) return rec;
  if (decision && !decision.text().includes('?')) return decision;
  return undefined;
}

/** A table weighs this decision when its first column says options, or a row is a listed option. */
function aboutThisDecision(firstHeader: string, rows: Choice[], options: Choice[]): boolean {
  if (OPTION_HEADER.test(firstHeader)) return true;
  return options.some((o) => matchChoice(o.words, rows));
}
