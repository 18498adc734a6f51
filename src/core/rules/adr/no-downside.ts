import { lexicon } from '../../lexicon/index.ts';
import type { Section } from '../../model/types.ts';
import type { SectionView } from '../../query/section-view.ts';
import type { Match } from '../../text/match.ts';
import { defineRule, type RuleContext } from '../define.ts';
import { chosenOptions, sameName } from './_chosen.ts';

const ADR = '---\nkind: adr\n---\n\n# ADR 7: Use PostgreSQL for the ledger\n\n## Decision\n\nWe will use PostgreSQL for the ledger.\n\n## Consequences\n\n';

export default defineRule({
  meta: {
    id: 'adr/no-downside',
    severity: 'warning',
    kinds: ['adr'],
    docs: {
      description: 'An ADR whose consequences name no downside: no "Bad, because", negative consequence, cost or risk.',
      why: "Architectural Decision Records record all consequences, good and bad; every case study's tradeoff table gives each choice a cost. Consequences that are all upside read as advocacy, and the team meets the costs later with no record that anyone accepted them.",
      better: 'List what the decision costs next to what it gains: "Good, because ledger writes are transactional. Bad, because the team must run PostgreSQL backups."',
      concept: 'decision records, tradeoffs',
      bad: `${ADR}* Good, because ledger writes are transactional.\n* Good, because the team knows PostgreSQL.\n`,
      good: `${ADR}* Good, because ledger writes are transactional.\n* Bad, because we must run backups and failover ourselves.\n`,
    },
    messages: {
      noDownside: 'The `{{section}}` section names no downside: every choice costs something, and an ADR that lists only gains reads as advocacy. Add what the decision costs ("Bad, because ...", a risk, the work it creates).',
    },
  },
  check(context) {
    const { doc } = context;
    const first = context.view('consequences');
    if (!first?.section || first.isEmpty()) return;
    // MADR 2 splits the consequences into "Positive" and "Negative Consequences": every section of the kind counts.
    const consequences = doc.sections.filter((s) => s.key === 'consequences' || s.also?.includes('consequences')).map((s) => context.viewOf(s));
    if (consequences.some((v) => namesDownside(v))) return;
    if (downsideElsewhere(context)) return;
    const section = first.section;
    context.report({ messageId: 'noDownside', data: { section: section.title }, span: section.titleSpan, words: [section.title] });
  },
});

/** "Good, because", "Pro:", "+ ..." entries are upsides whatever words they use ("SMS costs fall"). */
const UPSIDE_LABEL = /^[\s*_]*(?:good|pros?|positive|upsides?|benefits?|advantages?|gains?|\+)[\s*_]*(?:[,:\u2013\u2014-]|because\b)/i;
const DOWNSIDE_LABEL = /^[\s*_]*(?:bad|cons?|negative|downsides?|drawbacks?|risks?|costs?|trade-?offs?|caveats?)[\s*_]*(?:[,:\u2013\u2014-]|because\b)/i;
/** Relief from a burden is an upside: "we no longer have to patch it", "teams won't need to". */
const RELIEF =
  /\b(?:no longer|won't|will not|wont|don't|do not|doesn't|does not|never|not|without|nor)\s+(?:\w+\s+){0,2}?(?:need|needs|needing|have|has|having|require[sd]?|worry|maintain|manage|break|breaks|fail|fails|lose|block|blocks)\b(?:\s+to\s+\w+)?/gi;
/** "Values only need to be defined in one place": less work, not more. */
const ONLY_NEED = /\bonly (?:need|needs|have|has) to \w+/gi;
/** A cost that goes down is an upside: "support costs fall", "reduces the risk of drift". */
const DECREASE = /\b(?:falls?|fell|drops?|dropped|decreas\w*|reduc\w*|lower\w*|cuts?|fewer|less|sav(?:e|es|ed|ing)|eliminat\w*|remov\w*|avoid\w*|prevent\w*|mitigat\w*|goes away|disappear\w*)\b/i;
const COST_NOUN =
  /^(?:costs?|costly|risks?|risky|overhead|complex(?:ity)?|downtime|effort|toil|latency|outages?|issues?|problems?|fail(?:s|ure|ures)?|burden|maintain(?:ing)?|maintenance|manual(?:ly)?|spikes?|impact(?:s|ed)?|concerns?|breakage|break(?:s|ing)?|lock-?in|expensive|harder|slower)$/i;

/** Built once: `matchAll` works on a copy, so this regex's own `lastIndex` never moves. */
const DOWNSIDE = lexicon('downside');

/** Whether any entry of a view states a downside (see `isDownside`). */
function namesDownside(v: SectionView): boolean {
  return v.entries().some(isDownside);
}

/**
 * An entry states a downside when it is labelled one ("Bad, because"), or it is not labelled an
 * upside and says what the decision costs: a burden ("users will have to re-enter it"), a loss
 * of support ("won't support Windows"), a risk or a contrast, and not a cost that goes down.
 */
function isDownside(entry: Match): boolean {
  if (UPSIDE_LABEL.test(entry.text)) return false;
  if (DOWNSIDE_LABEL.test(entry.text)) return true;
  const text = entry.text.replace(/\s+/g, ' ').replace(RELIEF, ' ').replace(ONLY_NEED, ' ');
  const decreasing = DECREASE.test(text);
  return [...text.matchAll(DOWNSIDE)].some((m) => !(decreasing && COST_NOUN.test(m[0])));
}

/** A section titled as downsides ("Negative Consequences", "Risks"), or the chosen option's cons. */
const NEGATIVE_TITLE = /\b(?:negative|bad|cons|downsides?|drawbacks?|risks?|trade-?offs?|costs?|caveats?)\b/i;

function downsideElsewhere(context: RuleContext): boolean {
  const { doc } = context;
  const chosen = chosenOptions(context.body);
  const isChosen = (s: Section) => chosen.some((c) => sameName(s.title, c.text));
  const optionOf = (s: Section): Section | undefined => {
    for (let p = s; p.parent >= 0; p = doc.sections[p.parent] as Section) {
      const parent = doc.sections[p.parent] as Section;
      if (parent.key === 'options' || parent.key === 'pros-cons') return p;
    }
    return undefined;
  };
  for (const s of doc.sections) {
    if (s.key === 'consequences' || s.key === 'options' || s.key === 'pros-cons') continue;
    // The chosen option's own "Bad, because" (MADR's "Pros and Cons of the Options").
    if (
      isChosen(s) &&
      context
        .viewOf(s)
        .entries()
        .some((e) => DOWNSIDE_LABEL.test(e.text))
    )
      return true;
    const option = optionOf(s);
    // Another option's cons are not the decision's downsides.
    if (option && !isChosen(option)) continue;
    if (NEGATIVE_TITLE.test(s.title) && !/\bpros?\b/i.test(s.title) && !context.viewOf(s).isEmpty()) return true;
  }
  return false;
}
