import { lexicon } from '../../lexicon/index.ts';
import type { Doc, Span } from '../../model/types.ts';
import { defineSetRule, type SetMember } from '../define.ts';
import { contentWords, stem } from '../util.ts';
import { askSpans, audienceOf, decisionSpans, matchesIn } from './_summary.ts';

// What the audience variants of one summary must agree on, fact by fact: each fact has a group
// (a date, a weekday, a duration in days, an amount of money, a count of some noun...) and a
// normalised value, so "two weeks" = "2 weeks" = "14 days" and "14 May" = "May 14th" = "2026-05-14".
interface Fact extends Span {
  group: string;
  value: string;
  text: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};
const NUMBER = `(\\d+(?:[.,]\\d+)*|${Object.keys(NUMBER_WORDS).join('|')})`;
// Durations in days where the conversion is exact; other units compare as themselves.
const DAYS_PER: Record<string, number> = { day: 1, week: 7, fortnight: 14 };

const PATTERNS: { re: RegExp; fact: (m: RegExpExecArray) => { group: string; value: string } | undefined }[] = [
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}(?![\\w])`, 'gi'), fact: (m) => date(m[2], m[1]) },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY}\\b`, 'gi'), fact: (m) => date(m[1], m[2]) },
  { re: /\b(?:19|20)\d\d-(\d\d)-(\d\d)\b/g, fact: (m) => ({ group: 'date', value: `${Number(m[1])}-${Number(m[2])}` }) },
  { re: /\b(Q[1-4]|H[12])\b/g, fact: (m) => ({ group: 'quarter', value: (m[1] as string).toUpperCase() }) },
  { re: /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/gi, fact: (m) => ({ group: 'weekday', value: (m[1] as string).toLowerCase() }) },
  { re: /\$\s?(\d+(?:[.,]\d+)*)\s?(k|m|bn|million|thousand|billion)?\b/gi, fact: (m) => ({ group: 'money', value: String(money(m[1] as string, m[2])) }) },
  { re: new RegExp(`(?<![\\w.])${NUMBER}\\s?(?:%|percent\\b)`, 'gi'), fact: (m) => ({ group: 'percent', value: String(num(m[1] as string)) }) },
  {
    // A number and the noun it counts: "two weeks", "2-week", "3 engineers".
    re: new RegExp(`(?<![\\w.$-])${NUMBER}(?:\\s+|-)([a-z][a-z-]{2,})\\b`, 'gi'),
    fact: (m) => quantity(m[1] as string, m[2] as string),
  },
];

function date(month: string | undefined, day: string | undefined): { group: string; value: string } | undefined {
  const i = MONTHS.indexOf((month ?? '').slice(0, 3).toLowerCase());
  const d = Number(day);
  return i === -1 || !(d >= 1 && d <= 31) ? undefined : { group: 'date', value: `${i + 1}-${d}` };
}

function num(text: string): number {
  const word = NUMBER_WORDS[text.toLowerCase()];
  return word ?? Number(text.replace(/,/g, ''));
}

function money(amount: string, scale: string | undefined): number {
  const factor = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, bn: 1e9, billion: 1e9 }[(scale ?? '').toLowerCase()] ?? 1;
  return num(amount) * factor;
}

// Words after a number that are not what it counts ("one of", "two to three").
const NOT_COUNTED = new Set(['of', 'or', 'and', 'to', 'the', 'more', 'less', 'than', 'times', 'per', 'out', 'for', 'in', 'on', 'at', 'by']);

function quantity(n: string, noun: string): { group: string; value: string } | undefined {
  const unit = stem(noun.toLowerCase().replace(/-+$/, ''));
  if (NOT_COUNTED.has(noun.toLowerCase()) || MONTHS.includes(unit.slice(0, 3)) || /^(?:a|an)$/i.test(n) && !(unit in DAYS_PER)) return undefined;
  const value = num(n);
  if (!Number.isFinite(value)) return undefined;
  const days = DAYS_PER[unit];
  return days ? { group: 'days', value: String(value * days) } : { group: `count:${unit}`, value: String(value) };
}

/** The facts stated in some spans of a document, in order. */
function factsIn(doc: Doc, spans: Span[]): Fact[] {
  const out: Fact[] = [];
  for (const span of spans) {
    const text = doc.text.slice(span.start, span.end);
    for (const p of PATTERNS) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
        const f = p.fact(m);
        const start = span.start + m.index;
        // A date's day ("14 May") is not also a count of Mays; the first pattern to claim a span wins.
        if (f && !out.some((o) => o.start < start + m![0].length && start < o.end)) out.push({ ...f, start, end: start + m[0].length, text: m[0] });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

type Verdict = 'hold' | 'stop' | 'go';

/** Which way the decision goes: hold (delay) wins over stop and go, as "delay the launch" names both. */
function verdictOf(doc: Doc, spans: Span[]): { verdict: Verdict; at: Span & { text: string } } | undefined {
  for (const verdict of ['hold', 'stop', 'go'] as const) {
    const m = matchesIn(doc, spans, lexicon(`decision-${verdict}`))[0];
    if (m) return { verdict, at: m };
  }
  return undefined;
}

interface Variant {
  member: SetMember;
  name: string;
  audience: string;
  decision: Span[];
  ask: Span[];
  askVerb: string | undefined;
  askWords: Set<string>;
}

const ROLES = ['decision', 'ask'] as const;
// Two asks are "the same ask" (so their dates must agree) when they share the request verb
// or most of their content words; a peer asked to review a pull request is not asked to approve.
const SAME_ASK_OVERLAP = 0.5;

export default defineSetRule({
  meta: {
    id: 'summary/variants-disagree',
    severity: 'error',
    kinds: ['exec-summary'],
    docs: {
      description: 'The audience variants of one summary (same `set:`) disagree on the decision, its dates or numbers, or the ask.',
      why:
        'Case study 5\'s required artifact rewrites one summary for executive, peer engineer and junior engineer audiences. The wording should change with the reader; the decision must not. If the executive approves "two weeks, to 14 May" and the engineers read "three weeks, to 21 May", the summaries have created two decisions, the failure the case study is about.',
      better: 'Change the words, not the facts: every variant states the same decision ("delay launch two weeks, to 14 May") and the same ask and deadline; the peer variant adds rationale, the junior one defines terms.',
      caseStudy: 5,
      concept: 'audience-aware communication',
      bad:
        '---\nkind: exec-summary\naudience: executive\nset: launch-delay\n---\n\nDecision:\nDelay the payments launch two weeks, to 14 May.\n\nAsk:\nApprove the revised date by Friday.\n=====\n---\nkind: exec-summary\naudience: junior\nset: launch-delay\n---\n\nDecision:\nWe are delaying the payments launch three weeks, to 21 May.\n\nAsk:\nApprove the revised date by Friday.\n',
      good:
        '---\nkind: exec-summary\naudience: executive\nset: launch-delay\n---\n\nDecision:\nDelay the payments launch two weeks, to 14 May.\n\nAsk:\nApprove the revised date by Friday.\n=====\n---\nkind: exec-summary\naudience: junior\nset: launch-delay\n---\n\nDecision:\nWe are moving the payments launch from 30 April to 14 May: a 2-week delay.\n\nAsk:\nApprove the revised date by Friday.\n',
    },
    messages: {
      fact: 'This {{audience}} variant\'s {{role}} says {{mine}}, but {{file}} ({{theirs}}) says {{other}}. The variants of one summary must state the same decision and ask; change the wording, not the facts.',
      verdict:
        'This {{audience}} variant\'s decision says {{mine}} where {{file}} ({{theirs}}) says {{other}}: they decide different things. The variants of one summary must carry one decision; make them agree.',
    },
  },
  checkSet(context) {
    const variants: Variant[] = context.members.map((member) => {
      const decision = decisionSpans(member.doc, member.section);
      const ask = askSpans(member.doc, member.section);
      const askText = ask.map((s) => member.doc.text.slice(s.start, s.end)).join(' ');
      const verb = matchesIn(member.doc, ask, lexicon('ask'))[0];
      return {
        member,
        name: member.filePath.split(/[\\/]/).pop() ?? member.filePath,
        audience: audienceOf(member.doc) ?? 'unknown',
        decision,
        ask,
        // "approve" and "approval" are one request.
        askVerb: verb ? verb.text.toLowerCase().replace(/[^a-z]/g, '').slice(0, 5) : undefined,
        askWords: contentWords(askText),
      };
    });

    // The decision's direction: delay vs ship vs cancel.
    const verdicts = variants.map((v) => verdictOf(v.member.doc, v.decision));
    const ref = reference(variants, (v, w) => verdicts[variants.indexOf(v)]?.verdict === verdicts[variants.indexOf(w)]?.verdict, (v) => verdicts[variants.indexOf(v)] !== undefined);
    const refVerdict = ref ? verdicts[variants.indexOf(ref)] : undefined;
    if (ref && refVerdict) {
      variants.forEach((v, i) => {
        const mine = verdicts[i];
        if (v === ref || !mine || mine.verdict === refVerdict.verdict) return;
        context.report(v.member, {
          messageId: 'verdict',
          data: { audience: v.audience, mine: `\`${mine.at.text}\``, file: `\`${ref.name}\``, theirs: ref.audience, other: `\`${refVerdict.at.text}\`` },
          span: mine.at,
          words: [mine.at.text],
          related: v.decision[0] ? [{ message: 'the decision in this variant', span: v.decision[0] }] : [],
        });
      });
    }

    // In a summary without sections one sentence can be both the decision and the ask.
    const reported = new Set<string>();
    for (const role of ROLES) {
      const facts = variants.map((v) => factsIn(v.member.doc, v[role]));
      const groups = [...new Set(facts.flat().map((f) => f.group))];
      for (const group of groups) {
        const values = (v: Variant) => new Set((facts[variants.indexOf(v)] ?? []).filter((f) => f.group === group).map((f) => f.value));
        const comparable = (v: Variant, w: Variant) => role === 'decision' || sameAsk(v, w);
        const agree = (v: Variant, w: Variant) => !comparable(v, w) || intersects(values(v), values(w));
        const ref = reference(variants, agree, (v) => values(v).size > 0);
        if (!ref) continue;
        const refFacts = (facts[variants.indexOf(ref)] ?? []).filter((f) => f.group === group);
        variants.forEach((v, i) => {
          if (v === ref || agree(v, ref) || values(v).size === 0) return;
          const mine = (facts[i] ?? []).filter((f) => f.group === group);
          const first = mine[0];
          const key = `${v.name}:${first?.start}:${group}`;
          if (!first || reported.has(key)) return;
          reported.add(key);
          context.report(v.member, {
            messageId: 'fact',
            data: {
              audience: v.audience,
              role,
              mine: mine.map((f) => `\`${f.text}\``).join(', '),
              file: `\`${ref.name}\``,
              theirs: ref.audience,
              other: refFacts.map((f) => `\`${f.text}\``).join(', '),
            },
            span: first,
            words: mine.map((f) => f.text),
            related: v[role][0] ? [{ message: `the ${role} in this variant`, span: v[role][0] as Span }] : [],
          });
        });
      }
    }
  },
});

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function sameAsk(a: Variant, b: Variant): boolean {
  if (a.askVerb && a.askVerb === b.askVerb) return true;
  const shared = [...a.askWords].filter((w) => b.askWords.has(w)).length;
  return shared / Math.max(1, Math.min(a.askWords.size, b.askWords.size)) >= SAME_ASK_OVERLAP;
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
