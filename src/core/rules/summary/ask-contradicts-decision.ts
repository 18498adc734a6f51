import type { Doc } from '../../model/types.ts';
import { code } from '../../text/format.ts';
import { contentWords } from '../../text/words.ts';
import { defineRule } from '../define.ts';
import { comparable, factsIn, sameFact, type Fact } from './_facts.ts';
import { asksOf, decisionOf, type Sentence } from './_parts.ts';

// A date named as the time by which something is needed: "by Friday 20 February", "before the
// 3 March board", "no later than 14 May".
const DEADLINE_CUE = /\b(?:by|before|no later than|ahead of|in time for|until|deadline(?:\s+(?:is|of))?)\s+(?:the\s+)?(?:end of\s+|close of\s+|cob\s+|eod\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?$/i;
// A decision sentence's deadline is the decision's own when the decision is what is needed by then.
const DECISION_NEEDED = /\b(?:decision|decide|decided|approv\w*|sign[- ]?off|go-ahead|answer|agreement|confirm\w*|call)\b/i;
const DEADLINE_GROUPS = new Set<Fact['group']>(['date', 'weekday']);
// Facts the ask may restate from the decision: when, how much, how long.
const RESTATED_GROUPS = new Set<Fact['group']>(['date', 'money', 'duration']);
// Words right beside the ask's fact that say what it is the date or amount of ("the 15 March
// cutover", "the move on 15 March"); the decision's sentence must name that thing too.
const CONTEXT_WORDS = 3;
const NOT_CONTEXT = contentWords(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday week weeks day days month months year years approve approval please sign off ' +
    'revised new date dates start from until time',
);

interface Located extends Fact {
  sentence: Sentence;
  deadline: boolean;
}

function factsOf(doc: Doc, s: Sentence): Located[] {
  return factsIn(doc.plain.slice(s.start, s.end), s.start).map((f) => ({
    ...f,
    sentence: s,
    deadline: DEADLINE_GROUPS.has(f.group) && DEADLINE_CUE.test(doc.plain.slice(Math.max(s.start, f.start - 40), f.start)),
  }));
}

/** The content words right around a fact, the fact's own words left out. */
function around(doc: Doc, f: Located): Set<string> {
  const { sentence: s } = f;
  const words = (t: string) => t.split(/\s+/).filter(Boolean);
  const before = words(doc.plain.slice(s.start, f.start)).slice(-CONTEXT_WORDS).join(' ');
  const after = words(doc.plain.slice(f.end, s.end)).slice(0, CONTEXT_WORDS).join(' ');
  const text = `${before} ${after}`;
  return new Set([...contentWords(text)].filter((w) => !NOT_CONTEXT.has(w)));
}

/** The content words of a decision sentence, dates and request words left out. */
function sentenceWords(doc: Doc, s: Sentence): Set<string> {
  return new Set([...contentWords(doc.plain.slice(s.start, s.end))].filter((w) => !NOT_CONTEXT.has(w)));
}

function shares(a: Set<string>, b: Set<string>): boolean {
  for (const w of a) if (b.has(w)) return true;
  return false;
}

export default defineRule({
  meta: {
    id: 'summary/ask-contradicts-decision',
    // A warning until its precision is measured on real summaries (the corpus has none): a new
    // comparison of dates across sections is easy to get wrong on writing nobody here has seen.
    severity: 'warning',
    kinds: ['exec-summary'],
    docs: {
      description: 'The ask gives a different date, amount or duration from the decision it asks about ("decision needed by 14 May", then "approve by 21 May").',
      why: 'Case study 5: the summary exists so that the decision, the risk and the ask reach the reader intact. When the ask restates the decision with another date or amount, the reader cannot tell which one they are approving, and the decision is lost as surely as if it had not been stated.',
      better: 'Say each fact once, the same way: "Decision: delay the launch two weeks, to 14 May; we need your decision by Friday 2 May." "Ask: approve the 14 May date by Friday 2 May."',
      caseStudy: 5,
      concept: 'decision ask',
      bad: '---\nkind: exec-summary\naudience: executive\n---\n\nDecision:\nDelay the payments launch two weeks, to 14 May. We need a decision by Friday 2 May.\n\nAsk:\nApprove the revised date by Friday 9 May.\n',
      good: '---\nkind: exec-summary\naudience: executive\n---\n\nDecision:\nDelay the payments launch two weeks, to 14 May. We need a decision by Friday 2 May.\n\nAsk:\nApprove the revised date by Friday 2 May.\n',
    },
    messages: {
      deadline: 'The ask needs an answer by {{ask}}, but the decision says {{decision}}. Give the reader one deadline, the same in both places.',
      restated: 'The ask says {{ask}} where the decision says {{decision}}, for the same thing. State the fact once and repeat it exactly, so the reader knows what they are approving.',
    },
  },
  check(context) {
    const { doc } = context;
    const decision = decisionOf(context);
    if (!decision.length) return;
    const inDecision = new Set(decision.map((s) => s.start));
    // A sentence that is both the decision and the ask cannot disagree with itself.
    const asks = asksOf(context).filter((a) => !inDecision.has(a.start));
    if (!asks.length) return;
    const decided = decision.flatMap((s) => factsOf(doc, s));
    const asked = asks.flatMap((s) => factsOf(doc, s));

    // 1. Two deadlines for the one decision: "a decision by 2 May" and "approve by 9 May".
    const needed = decided.filter((f) => f.deadline && DECISION_NEEDED.test(doc.plain.slice(f.sentence.start, f.start)));
    const askBy = asked.filter((f) => f.deadline);
    const pairs = askBy.flatMap((a) => needed.filter((d) => d.group === a.group).map((d) => [a, d] as const));
    const first = pairs[0];
    if (first && !pairs.some(([a, d]) => sameFact(a, d))) {
      const [a, d] = first;
      context.report({
        messageId: 'deadline',
        data: { ask: code(a.text), decision: code(d.text) },
        span: a,
        words: [a.text, d.text],
        related: [{ message: `the decision's deadline: ${code(d.text)}`, span: d }],
      });
      return;
    }

    // 2. The ask restates a fact of the decision with another value: "move to 8 March", then
    // "approve the move to 15 March". Only facts about the same thing (the word right beside the
    // ask's fact is in the decision) are compared: "sign up for the 1 March practice run" and
    // "approve the nurse posts at the 14 May meeting" are about other things.
    for (const a of asked) {
      if (a.deadline || !RESTATED_GROUPS.has(a.group)) continue;
      const near = around(doc, a);
      const same = decided.filter((d) => !d.deadline && comparable(a, d) && shares(near, sentenceWords(doc, d.sentence)));
      const d = same[0];
      if (!d || same.some((x) => sameFact(a, x)) || decided.some((x) => sameFact(a, x))) continue;
      context.report({
        messageId: 'restated',
        data: { ask: code(a.text), decision: code(d.text) },
        span: a,
        words: [a.text, d.text],
        related: [{ message: `the decision says ${code(d.text)}`, span: d }],
      });
      return;
    }
  },
});
