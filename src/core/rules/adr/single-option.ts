import type { SectionView } from '../../query/section-view.ts';
import { clip } from '../../text/format.ts';
import type { Match } from '../../text/match.ts';
import { isNothing, namesSeveral } from '../../text/options.ts';
import { defineRule } from '../define.ts';
import { isListed } from '../../text/entries.ts';
import { nothingListed } from '../../text/nothing-listed.ts';

const ADR = '---\nkind: adr\n---\n\n# ADR 7: Use PostgreSQL for the ledger\n\n## Context\n\nThe ledger needs multi-row transactions.\n\n';

export default defineRule({
  meta: {
    id: 'adr/single-option',
    severity: 'warning',
    kinds: ['adr'],
    docs: {
      description: 'An ADR whose considered options list fewer than two options ("Alternatives considered: None").',
      why:
        'The module\'s source map uses Architectural Decision Records to structure decisions "around options and consequences". With one option the record is an announcement: nobody can see what was weighed or why the others lost, so the decision gets relitigated.',
      better: 'List at least two considered options, including doing nothing or the status quo, and say why the chosen one won ("Chosen option: X, because ...").',
      concept: 'decision records, options',
      bad: `${ADR}## Considered Options\n\n* PostgreSQL\n\n## Decision Outcome\n\nChosen option: PostgreSQL.\n`,
      good: `${ADR}## Considered Options\n\n* PostgreSQL\n* DynamoDB\n\n## Decision Outcome\n\nChosen option: PostgreSQL, because it has transactions.\n`,
    },
    messages: {
      none: 'The `{{section}}` section lists no alternative, so the ADR is an announcement, not a decision. Add the options you weighed (doing nothing counts) and why they lost.',
      one: 'The `{{section}}` section lists one option (`{{option}}`): a reader cannot see what it was weighed against. Add at least one more option (doing nothing counts) and why it lost.',
    },
  },
  check(context) {
    const view = context.view('options');
    // An empty section is structure/empty-section's finding, not this one.
    const section = view?.section;
    if (!view || !section || view.isEmpty()) return;
    // "None. X is the industry standard, so we did not compare": a reason is not an option.
    if (nothingListed(view.entries(), namesAlternative)) {
      context.report({ messageId: 'none', data: { section: section.title }, span: section.titleSpan, words: [section.title] });
      return;
    }
    const count = optionCount(view);
    if (count.n >= 2) return;
    const only = count.only;
    if (only) context.report({ messageId: 'one', data: { section: section.title, option: clip(only.text, 60) }, span: section.titleSpan, words: [section.title], related: [{ message: 'the only option', span: only }] });
    else context.report({ messageId: 'none', data: { section: section.title }, span: section.titleSpan, words: [section.title] });
  },
});

/** A reason after "None" that still names an alternative: "none, apart from staying on Make". */
function namesAlternative(text: string): boolean {
  return /\b(?:except|apart from|other than|besides|instead|alternatives? (?:is|was|would be)|or|vs\.?|versus|status quo|do(?:ing)? nothing)\b/i.test(text);
}

/** A sentence that names options one after another: "we considered Kafka, Pulsar and Kinesis". */
const ENUMERATION = /\S\s*,\s*\S[^.;]*?\s(?:and|or|nor)\s+\S|\b(?:between|both)\b[^.;]*\s(?:and|or)\s+\S/i;

/**
 * How many options the section names. Listed options (sub-sections, list items, table rows)
 * count one each; in prose, a sentence that enumerates ("X, Y and Z", "between X and Y") or
 * several sentences are taken as several options, since prose cannot be counted safely.
 */
function optionCount(view: SectionView): { n: number; only?: Match } {
  // A section of the kind nested in the options ("**Decision Outcome:**" after a field) is not an option.
  const { sections } = view.doc;
  const subsections = (view.section?.children ?? []).filter((i) => !sections[i]?.key);
  const options = view.options();
  const listed = options.length || subsections.length ? options : view.entries().filter(isListed).filter((e) => !isNothing(e.text));
  const structured = subsections.length > 0 || view.blocks.some((b) => b.type === 'list' || b.type === 'table');
  if (structured) {
    const only = listed[0];
    // One entry can still hold several options: "PostgreSQL or DynamoDB", "X, Y and Z".
    if (listed.length === 1 && only && (namesSeveral(only.text) || ENUMERATION.test(only.text))) return { n: 2 };
    return only && listed.length === 1 ? { n: 1, only } : { n: listed.length };
  }
  const sentences = view.entries();
  const first = sentences[0];
  if (sentences.length !== 1 || !first) return { n: sentences.length };
  if (namesSeveral(first.text) || ENUMERATION.test(first.text)) return { n: 2 };
  return { n: 1, only: first };
}
