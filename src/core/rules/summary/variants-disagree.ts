import type { Doc, Span } from '../../model/types.ts';
import { contentWords } from '../../text/words.ts';
import { defineSetRule, type SetMember } from '../define.ts';
import { comparable, factsIn, sameFact, type Fact, type FactGroup } from './_facts.ts';
import { asksOf, audienceOf, decisionOf, findIn } from './_parts.ts';

// The variants of one summary must agree on the decision's facts (its dates, durations and
// amounts) and, where two variants make the same ask, on that ask's facts. A variant may add
// details the others lack and word everything differently; it disagrees only when it states a
// fact the other never mentions *and* the other states, in the same place, a fact it never
// mentions: "to 13 January" against "to 6 January", not "from 16 June" against nothing.

type Verdict = 'hold' | 'stop' | 'go';

/** Which way the decision goes: hold (delay) wins over stop and go, as "delay the launch" names both. */
function verdictOf(doc: Doc, spans: Span[]): { verdict: Verdict; at: Span & { text: string } } | undefined {
  for (const verdict of ['hold', 'stop', 'go'] as const) {
    const m = findIn(doc, spans, `decision-${verdict}`)[0];
    if (m) return { verdict, at: m };
  }
  return undefined;
}

interface Ask extends Span {
  verb: string | undefined;
  words: Set<string>;
  facts: Fact[];
}

interface Variant {
  member: SetMember;
  name: string;
  audience: string;
  decision: Span[];
  decisionFacts: Fact[];
  asks: Ask[];
  /** Every fact the variant states anywhere: a detail it gives elsewhere is not a disagreement. */
  facts: Fact[];
}

/** Two facts that disagree, one from each variant. */
interface Conflict {
  role: 'decision' | 'ask';
  group: FactGroup;
  mine: Fact;
  theirs: Fact;
  span: Span | undefined;
}

// Two asks are the same ask (so their dates must agree) when they share most of their content
// words and no two different request verbs: a peer asked to review a pull request is not asked
// to approve the date.
const SAME_ASK_OVERLAP = 0.5;

/** The facts in some spans of the writer's text (the skeleton's hint comments are blanked in `plain`). */
function factsOf(doc: Doc, spans: readonly Span[]): Fact[] {
  return spans.flatMap((s) => factsIn(doc.plain.slice(s.start, s.end), s.start));
}

function variantOf(member: SetMember): Variant {
  const { doc } = member;
  const decision = decisionOf(member);
  const asks = asksOf(member).map((a): Ask => {
    const facts = factsOf(doc, [a]);
    // Dates and numbers are what is compared, not what makes two asks the same.
    let words = doc.plain.slice(a.start, a.end);
    for (const f of [...facts].reverse()) words = words.slice(0, f.start - a.start) + words.slice(f.end - a.start);
    // "Approve" and "approval" are one request.
    return {
      start: a.start,
      end: a.end,
      verb: a.words.text
        .toLowerCase()
        .replace(/[^a-z]/g, '')
        .slice(0, 5),
      words: contentWords(words),
      facts,
    };
  });
  return {
    member,
    name: member.filePath.split(/[\\/]/).pop() ?? member.filePath,
    audience: audienceOf(doc, member.kind),
    decision,
    decisionFacts: factsOf(doc, decision),
    asks,
    facts: factsOf(doc, member.body.prose()),
  };
}

function mentions(v: Variant, fact: Fact): boolean {
  return v.facts.some((f) => sameFact(f, fact));
}

/**
 * The first pair of facts, group by group, where `v` states a fact `w` never mentions and `w`
 * states, in the same place, one that `v` does not state there: "to 21 May" against "to 14 May",
 * even when `v`'s ask still repeats the old date. Either way round; `mine` is always `v`'s fact.
 */
function conflicts(v: Variant, w: Variant, role: Conflict['role'], mine: Fact[], theirs: Fact[], span: Span | undefined, out: Conflict[]): void {
  const add = (a: Fact, b: Fact, flipped: boolean) => {
    if (out.some((c) => c.role === role && c.group === a.group)) return;
    out.push({
      role,
      group: a.group,
      mine: flipped ? b : a,
      theirs: flipped ? a : b,
      span,
    });
  };
  const find = (from: Fact[], to: Fact[], other: Variant, flipped: boolean) => {
    const left = to.filter((f) => !from.some((g) => sameFact(f, g)));
    for (const a of from) {
      if (mentions(other, a)) continue;
      const b = left.find((x) => comparable(a, x));
      if (b) add(a, b, flipped);
    }
  };
  find(mine, theirs, w, false);
  find(theirs, mine, v, true);
}

function sameAsk(a: Ask, b: Ask): boolean {
  if (a.verb && b.verb && a.verb !== b.verb) return false;
  const shared = [...a.words].filter((w) => b.words.has(w)).length;
  return shared / Math.max(1, Math.min(a.words.size, b.words.size)) >= SAME_ASK_OVERLAP;
}

function disagreements(v: Variant, w: Variant): Conflict[] {
  const out: Conflict[] = [];
  conflicts(v, w, 'decision', v.decisionFacts, w.decisionFacts, v.decision[0], out);
  for (const a of v.asks) for (const b of w.asks) if (sameAsk(a, b)) conflicts(v, w, 'ask', a.facts, b.facts, a, out);
  return out;
}

const rule = defineSetRule({
  meta: {
    id: 'summary/variants-disagree',
    severity: 'error',
    kinds: ['exec-summary'],
    docs: {
      description: 'The audience variants of one summary (same `set:`) disagree on the decision, its dates or numbers, or the ask.',
      why: 'Case study 5\'s required artifact rewrites one summary for executive, peer engineer and junior engineer audiences. The wording should change with the reader; the decision must not. If the executive approves "two weeks, to 14 May" and the engineers read "three weeks, to 21 May", the summaries have created two decisions, the failure the case study is about.',
      better: 'Change the words, not the facts: every variant states the same decision ("delay launch two weeks, to 14 May") and the same ask and deadline; the peer variant adds rationale, the junior one defines terms.',
      caseStudy: 5,
      concept: 'audience-aware communication',
      bad: '---\nkind: exec-summary\naudience: executive\nset: launch-delay\n---\n\nDecision:\nDelay the payments launch two weeks, to 14 May.\n\nAsk:\nApprove the revised date by Friday.\n=====\n---\nkind: exec-summary\naudience: junior\nset: launch-delay\n---\n\nDecision:\nWe are delaying the payments launch three weeks, to 21 May.\n\nAsk:\nApprove the revised date by Friday.\n',
      good: '---\nkind: exec-summary\naudience: executive\nset: launch-delay\n---\n\nDecision:\nDelay the payments launch two weeks, to 14 May.\n\nAsk:\nApprove the revised date by Friday.\n=====\n---\nkind: exec-summary\naudience: junior\nset: launch-delay\n---\n\nDecision:\nWe are moving the payments launch from 30 April to 14 May: a 2-week delay.\n\nAsk:\nApprove the revised date by Friday.\n',
    },
    messages: {
      fact: "This {{audience}} variant's {{role}} says `{{mine}}`, but `{{file}}` ({{theirs}}) says `{{other}}`. The variants of one summary must state the same decision and ask; change the wording, not the facts.",
      verdict: "This {{audience}} variant's decision says `{{mine}}` where `{{file}}` ({{theirs}}) says `{{other}}`: they decide different things. The variants of one summary must carry one decision; make them agree.",
    },
  },
  checkSet(context) {
    const variants = context.members.map(variantOf);
    reportVerdicts(context, variants);

    const pairs = new Map<string, Conflict[]>();
    const key = (v: Variant, w: Variant) => `${variants.indexOf(v)}:${variants.indexOf(w)}`;
    for (const v of variants) for (const w of variants) if (v !== w) pairs.set(key(v, w), disagreements(v, w));
    const disagreeing = (v: Variant) => variants.filter((w) => w !== v && (pairs.get(key(v, w))?.length ?? 0) > 0).length;
    // The odd one out is reported: ranked by how many variants it disagrees with, then the
    // executive variant (the one the decision maker reads) is the reference, then file order.
    const ranked = [...variants].sort((a, b) => disagreeing(a) - disagreeing(b) || Number(b.audience === 'executive') - Number(a.audience === 'executive') || variants.indexOf(a) - variants.indexOf(b));
    const reported = new Set<string>();
    for (const [i, v] of ranked.entries()) {
      // Against the best-ranked variant it disagrees with.
      const ref = ranked.slice(0, i).find((w) => (pairs.get(key(v, w))?.length ?? 0) > 0);
      if (!ref) continue;
      for (const c of pairs.get(key(v, ref)) ?? []) {
        const id = `${c.role}:${c.group}`;
        if (reported.has(`${variants.indexOf(v)}:${id}`)) continue;
        reported.add(`${variants.indexOf(v)}:${id}`);
        context.report(v.member, {
          messageId: 'fact',
          data: {
            audience: v.audience,
            role: c.role,
            mine: flat(c.mine.text),
            file: ref.name,
            theirs: ref.audience,
            other: flat(c.theirs.text),
          },
          span: c.mine,
          words: [c.mine.text],
          related: c.span ? [{ message: `the ${c.role} in this variant`, span: c.span }] : [],
        });
      }
    }
  },
});

/** A fact as the writer wrote it, on one line, for a message. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/`/g, "'");
}

/** The decision's direction: delay vs ship vs cancel. */
function reportVerdicts(context: Parameters<(typeof rule)['checkSet']>[0], variants: Variant[]): void {
  const verdicts = variants.map((v) => verdictOf(v.member.doc, v.decision));
  const ref = reference(
    variants,
    (v, w) => verdicts[variants.indexOf(v)]?.verdict === verdicts[variants.indexOf(w)]?.verdict,
    (v) => verdicts[variants.indexOf(v)] !== undefined,
  );
  const refVerdict = ref ? verdicts[variants.indexOf(ref)] : undefined;
  if (!ref || !refVerdict) return;
  variants.forEach((v, i) => {
    const mine = verdicts[i];
    if (v === ref || !mine || mine.verdict === refVerdict.verdict) return;
    context.report(v.member, {
      messageId: 'verdict',
      data: {
        audience: v.audience,
        mine: flat(mine.at.text),
        file: ref.name,
        theirs: ref.audience,
        other: flat(refVerdict.at.text),
      },
      span: mine.at,
      words: [mine.at.text],
      related: v.decision[0] ? [{ message: 'the decision in this variant', span: v.decision[0] }] : [],
    });
  });
}

/**
 * The variant the others are measured against: among those that state the fact, the one most
 * others agree with; ties go to the executive variant (the one the decision maker reads), then
 * to file order. The odd one out is the one reported.
 */
function reference(variants: Variant[], agree: (a: Variant, b: Variant) => boolean, states: (v: Variant) => boolean): Variant | undefined {
  let best: { v: Variant; score: number } | undefined;
  for (const v of variants) {
    if (!states(v)) continue;
    const score = variants.filter((w) => w !== v && states(w) && agree(v, w)).length * 2 + (v.audience === 'executive' ? 1 : 0);
    if (!best || score > best.score) best = { v, score };
  }
  return best?.v;
}

export default rule;
