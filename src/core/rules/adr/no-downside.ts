import type { Section } from '../../model/types.ts';
import { choiceOf, isNothing, matchChoice } from '../../text/options.ts';
import { contentWords } from '../../text/words.ts';
import { defineRule, type RuleContext } from '../define.ts';
import { chosenOptions, sameName } from './_chosen.ts';
import { downsideIn } from './_downside.ts';
import { nothingListed } from '../../text/nothing-listed.ts';

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
    // What settles it without reading sentences goes first: a downside heading ("Negative Consequences:
    // None expected." is a heading over no downside), a "Bad, because" entry, a downside elsewhere.
    if (consequences.some((v) => (negativeTitle(v.section?.title ?? '') && !v.isEmpty() && !nothingListed(v.entries())) || v.entries().some((e) => labelled(e.text) === 'downside'))) return;
    if (downsideElsewhere(context)) return;
    if (consequences.some((v) => v.entries().some((e) => labelled(e.text) === undefined && downsideIn(doc, e, context.nlp) !== undefined))) return;
    // Point at the "Negative Consequences: None expected." that claims the decision costs nothing, if there is one.
    const section = doc.sections.find((s) => negativeTitle(s.title) && nothingListed(context.viewOf(s).entries())) ?? first.section;
    context.report({ messageId: 'noDownside', data: { section: section.title }, span: section.titleSpan, words: [section.title] });
  },
});

/** "Good, because", "Pro:", "+ ..." entries are upsides whatever words they use ("SMS costs fall"). */
const UPSIDE_LABEL = /^[\s*_]*(?:good|pros?|positive|upsides?|benefits?|advantages?|gains?|\+)[\s*_]*(?:[,:\u2013\u2014-]|because\b)/i;
const DOWNSIDE_LABEL = /^[\s*_]*(?:bad|cons?|negative|downsides?|drawbacks?|risks?|costs?|trade-?offs?|caveats?|limitations?)[\s*_]*(?:[,:\u2013\u2014-]|because\b)/i;

/** How an entry is labelled: an upside ("Good, because", whatever words follow), a downside ("Bad, because"), or not at all (then `downsideIn` reads it). */
function labelled(text: string): 'upside' | 'downside' | undefined {
  if (UPSIDE_LABEL.test(text)) return 'upside';
  return DOWNSIDE_LABEL.test(text) ? 'downside' : undefined;
}

/** A section titled as downsides ("Negative Consequences", "Risks", "What it costs us"), not as both sides. */
const NEGATIVE_TITLE = /\b(?:negatives?|bad|cons|downsides?|drawbacks?|risks?|trade-?offs?|costs?|caveats?|limitations?|weaknesses)\b/i;
const BOTH_SIDES = /\b(?:pros?|positives?|good|benefits?|upsides?)\b/i;
const negativeTitle = (title: string) => NEGATIVE_TITLE.test(title) && !BOTH_SIDES.test(title);
/** A table column of what an option costs: "Cons", "Against", "Downsides", "Risks". */
const COST_COLUMN = /^(?:cons|against|minus(?:es)?|downsides?|drawbacks?|disadvantages?|negatives?|weaknesses|costs?|risks?|bad|trade-?offs?|[-\u2212\u2796])$/i;

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
    if (negativeTitle(s.title) && !context.viewOf(s).isEmpty() && !nothingListed(context.viewOf(s).entries())) return true;
  }
  return chosenRowCost(context) || acceptedInDecision(context);
}

/**
 * A table that weighs the options (`| Option | For | Against |`) whose row for the option the
 * decision names has something in its cost column. The chosen row is the one the decision's words
 * match (`matchChoice`); other rows' cons are not the decision's.
 */
function chosenRowCost(context: RuleContext): boolean {
  const decision = context.view('decision');
  if (!decision?.section) return false;
  const said = contentWords(decision.text());
  for (const table of context.doc.tables) {
    const columns = (table.header?.cells ?? []).flatMap((c, i) => (i > 0 && COST_COLUMN.test(c.text.replace(/[*_`:]/g, '').trim()) ? [i] : []));
    const rows = table.rows ?? [];
    if (!columns.length || rows.length < 2) continue;
    const choices = rows.flatMap((r) => (r.cells[0]?.text ? [choiceOf(r.cells[0].text, r.cells[0].start)] : []));
    const chosen = matchChoice(said, choices);
    const row = chosen && rows.find((r) => r.cells[0]?.start === chosen.start);
    if (row && columns.some((i) => !isNothing(row.cells[i]?.text ?? ''))) return true;
  }
  return false;
}

/** A price accepted in the decision itself: "We accept that ...", "at the cost of ...", "the trade-off is ...". */
const ACCEPTED = /\b(?:we (?:\w+ )?accept(?:ed)? (?:that|the|this|a|some|it)\b|accepting that|at the (?:expense|cost|price) of|the (?:trade-?off|downside|price|cost) (?:is|was|we accept)|in exchange for)/i;

function acceptedInDecision(context: RuleContext): boolean {
  const decision = context.view('decision');
  return !!decision?.section && decision.match(ACCEPTED).length > 0;
}
