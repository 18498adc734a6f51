import type { SectionView } from '../../query/section-view.ts';
import { clip } from '../../text/format.ts';
import type { Match } from '../../text/match.ts';
import { isNothing, namesSeveral } from '../../text/options.ts';
import { contentWords } from '../../text/words.ts';
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
      why: 'The module\'s source map uses Architectural Decision Records to structure decisions "around options and consequences". With one option the record is an announcement: nobody can see what was weighed or why the others lost, so the decision gets relitigated.',
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
    const decided = context.view('decision');
    const count = optionCount(view, decided ? contentWords(decided.text()) : undefined);
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
function optionCount(view: SectionView, decision?: ReadonlySet<string>): { n: number; only?: Match } {
  // A section of the kind nested in the options ("**Decision Outcome:**" after a field) is not an option.
  const { sections } = view.doc;
  const subsections = (view.section?.children ?? []).filter((i) => !sections[i]?.key);
  const options = view.options();
  const listed =
    options.length || subsections.length
      ? options
      : view
          .entries()
          .filter(isListed)
          .filter((e) => !isNothing(e.text));
  const structured = subsections.length > 0 || view.blocks.some((b) => b.type === 'list' || b.type === 'table');
  if (structured) {
    const only = listed[0];
    // One entry can still hold several options: "PostgreSQL or DynamoDB", "X, Y and Z".
    if (listed.length === 1 && only && (namesSeveral(only.text) || ENUMERATION.test(only.text))) return { n: 2 };
    return only && listed.length === 1 ? { n: 1, only } : { n: listed.length };
  }
  const sentences = view.entries();
  const first = sentences[0];
  if (!first) return { n: 0 };
  // Prose names several options when a sentence enumerates them in its main clause or points
  // at another one ("instead of", "we also looked at", "over Jenkins"); otherwise sentences that
  // only justify the choice ("since that is clearly the right call", "It is cheaper") add none.
  if (sentences.some((e) => weighs(e.text))) return { n: 2 };
  const naming = sentences.filter((e) => !justifies(e.text));
  if (naming.length > 1) return { n: naming.length };
  const only = naming[0] ?? first;
  // Read this way, prose names one option only when it is the chosen one: an "Alternatives"
  // section of one rejected alternative weighs it against the decision, which is two.
  const plain = sentences.length === 1 && !namesSeveral(first.text) && !ENUMERATION.test(first.text);
  if (!plain && !isChosen(only.text, decision)) return { n: 2 };
  return { n: 1, only };
}

/** Whether an option's words are the decision's: most of its content words are there. */
function isChosen(text: string, decision: ReadonlySet<string> | undefined): boolean {
  if (!decision) return false;
  const words = [...contentWords(text.slice(0, text.search(SUBORDINATE) === -1 ? text.length : text.search(SUBORDINATE)))];
  const shared = words.filter((w) => decision.has(w)).length;
  return shared >= 2 || (words.length > 0 && shared === words.length);
}

/** Where a sentence's main clause ends: a justification or a relative clause follows. */
const SUBORDINATE = /[,;(\u2013\u2014]\s*(?:since|because|as|given|so|which|who|that is|and that|thanks to|due to|for)\b|\s(?:since|because|given that|as it|as they|so that)\b/i;
/** Words that bring in another option. */
const ANOTHER =
  /\b(?:instead of|rather than|in place of|as opposed to|compared (?:to|with)|versus|vs\.?|alternatives?|other options?|another option|(?:also|briefly) (?:considered|looked at|evaluated|tried|compared)|(?:considered|evaluated|compared|weighed|rejected|ruled out|dismissed|discarded|trialled|trialed|prototyped)\b[^.;]*\b(?:and|or|but)\b|(?:chose|chosen|picked|preferred?|went with)\b[^.;]*\bover\b|status quo|do(?:ing)? nothing|stay(?:ing)? (?:on|with))/i;
/** Sentences that only argue for what another sentence named. */
const JUSTIFICATION = /^[\s*_>-]*(?:it|this|that|these|those|they|since|because|given|as|so|which|the reason|our reason|clearly|obviously|nothing else|no other)\b/i;

/**
 * A sentence that says nothing else was weighed: "We didn't look seriously at others", "No
 * alternatives were really considered", "Nothing else was evaluated", "we discussed alternatives
 * informally but haven't written the others up". It names no option.
 */
const DISMISSES =
  /\b(?:(?:did|do|have|had|has|were|was)(?:n['’]t| not)|never|not|without)\b[^.;]{0,30}?\b(?:look(?:ed|ing)?|consider(?:ed|ing)?|evaluat\w*|compar\w*|weigh\w*|explor\w*|investigat\w*|assess\w*|stud\w*|writ(?:e|ten|ing)|document\w*|record\w*|captur\w*|spen[dt] (?:much |any )?time on)\b[^.;]{0,30}?\b(?:others|the others|alternatives?|anything else|other (?:options?|tools|products|approaches|solutions|vendors|choices))\b|\b(?:no|few) (?:other |real |serious )?(?:alternatives?|options?) (?:were|was|got|have been) (?:\w+ly )?(?:considered|evaluated|looked at|explored|compared|weighed)|\b(?:discuss|talk|chat)\w* (?:about )?(?:the |some |a few |several )?(?:alternatives?|others|other options?) (?:\w+ )?(?:informally|briefly|verbally|offline|in passing)|\bnothing else (?:was|were|got) (?:\w+ly )?(?:considered|evaluated|looked at|explored|compared)/i;

/** Whether a sentence names more than one option. */
function weighs(text: string): boolean {
  if (DISMISSES.test(text)) return false;
  const main = text.slice(0, text.search(SUBORDINATE) === -1 ? text.length : text.search(SUBORDINATE));
  return namesSeveral(main) || ENUMERATION.test(main) || ANOTHER.test(text);
}

function justifies(text: string): boolean {
  return JUSTIFICATION.test(text) || DISMISSES.test(text);
}
