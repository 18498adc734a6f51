import { mentions } from '../../lexicon/index.ts';
import type { Span } from '../../model/types.ts';
import { clip } from '../../text/format.ts';
import type { Match } from '../../text/match.ts';
import { affirmedIn } from '../../text/negated.ts';
import { analyse, isImperativeOrRequest } from '../../nlp/index.ts';
import { isNothing } from '../../text/options.ts';
import { defineRule, type RuleContext } from '../define.ts';
import { openingAsk, proseSentences, statesAsk } from './_ask.ts';
import { splitSentences } from '../../text/sentences.ts';

const brief = (decision: string) => `---\nkind: escalation\n---\n\nDecision needed:\n${decision}\n\nOptions:\n- Team A owns an adapter.\n- Team B owns dual support.\n`;

/** A question: it ends with "?" or opens as one ("Should team A or team B own the adapter"). */
const QUESTION = /\?["')\]*]*$|^(?:should|shall|do|does|can|could|will|would|is|are|who|which|whether|what|when|where)\b/i;
/**
 * A question that asks for a method, not a choice: "How do we want to handle ownership going
 * forward?", "How should this work?". Not "How much budget ...?" (a number is a choice) and not a
 * how-question that names the alternatives.
 */
const OPEN = /^(?:so,?\s+|and\s+)?how\b(?!\s+(?:much|many|long|soon|often|far)\b)[^?]*\?["')\]*]*$/i;
const ALTERNATIVES = /\b(?:or|which|whether|between|versus|vs\.?|who|option)\b/i;
/** A choice stated without a question: "whether to ...", "which of ...", "who owns ...". */
const CHOICE = /\b(?:whether|which of|which \w+ (?:should|will|would|gets?|owns?|takes?)|who (?:should|will|would|\w+s))\b/i;

export default defineRule({
  meta: {
    id: 'escalation/no-decision-question',
    severity: 'warning',
    kinds: ['escalation'],
    docs: {
      description:
        'The decision needed is an open-ended plea ("What should we do?", "Thoughts?", "Need guidance") or a topic, not a question a decision maker can answer; or the brief has no decision section and asks nobody anything (a dispute described and left there).',
      why: 'Case study 3 escalates the decision: "who owns v1 compatibility during v2 migration?" A plea for guidance hands the whole problem up; a topic ("the migration") leaves the decision maker to work out what is being asked. Either way the escalation slows resolution.',
      better: 'Ask one question a decision maker can answer with a choice: "Who owns v1 compatibility during the v2 migration?" or "Approve option 2 or option 3?"',
      caseStudy: 3,
      concept: 'escalation, framing',
      bad: brief('We are stuck on the migration. What should we do?'),
      good: brief('Who owns v1 compatibility during the v2 migration?'),
    },
    messages: {
      plea: 'The decision needed is an open-ended plea (`{{words}}`): it hands the problem up instead of a decision. Ask a question someone can answer with a choice, e.g. "Who owns v1 compatibility during the v2 migration?"',
      noQuestion: 'The decision needed (`{{words}}`) states a topic, not a question a decision maker can answer. Write it as a choice, e.g. "Who owns v1 compatibility during the v2 migration?"',
      noAsk: 'The brief describes the situation but asks nobody to decide anything: no question, no request. Add "Decision needed:" with one question a decision maker can answer, e.g. "Who owns v1 compatibility during the v2 migration?"',
    },
  },
  check(context) {
    const section = context.view('decision-needed');
    if (!section) return asksNothing(context);
    // "None": a misread heading ("Infrastructure requests") or a placeholder, not a topic.
    if (section.isEmpty() || section.entries().every((e) => isNothing(e.text))) return;
    const plain = context.doc.plain;
    const pleas = affirmedIn(context.doc, section.sentences(), section.find('plea'));
    const sentences = section.sentences();
    // One sentence that a decision maker can answer is enough, wherever it sits in the section.
    const decides = (s: Match) => {
      const own = pleas.filter((p) => p.start >= s.start && p.end <= s.end);
      if (own.length === 0) return OPEN.test(s.text) ? ALTERNATIVES.test(s.text) : QUESTION.test(s.text) || CHOICE.test(s.text) || mentions('ask', s.text);
      // "How should we proceed?" is a plea; "What should we do: keep v1 or drop it?" still asks for a choice.
      const rest = withoutSpans(plain, s, own);
      return /\b(?:or|which|whether|between|versus|vs\.?|who)\b/i.test(rest) || mentions('ask', rest);
    };
    if (sentences.some(decides)) return;
    // An open how-question is the plea itself, when the section has no stock phrase.
    if (pleas.length === 0)
      pleas.push(
        ...sentences
          .filter((s) => OPEN.test(s.text))
          .slice(0, 1)
          .map((s) => ({ start: s.start, end: s.end, text: clip(s.text, 60) })),
      );
    const first = pleas[0];
    if (first) {
      context.report({ messageId: 'plea', data: { words: pleas.map((p) => p.text).join('`, `') }, span: first, words: pleas.map((p) => p.text) });
      return;
    }
    // A heading that only mentions the decision ("Who is affected by the decision") after an
    // opening that already asked the question ("We need you to decide who owns ..."): asked.
    // A part located by its content has no title: the opening ends where the part starts.
    const opening = openingAsk(context, section.anchor.start);
    if (opening && splitSentences(plain, opening.start, opening.end).some(decides)) return;
    const content = sentences[0] ?? section.entries()[0];
    if (content) context.report({ messageId: 'noQuestion', data: { words: clip(content.text, 60) }, span: content });
  },
});

/**
 * No "Decision needed:" section and nothing in the brief asks for a decision: a dispute described
 * (often politely) and left there. A question, a request for a decision, an ask verb or an
 * imperative sentence anywhere in the prose is an ask, so this stays quiet on briefs that ask in
 * their own words.
 */
function asksNothing(context: RuleContext<'noAsk'>): void {
  const { body, doc } = context;
  const prose = body.text();
  if (!prose.trim() || statesAsk(prose)) return;
  const sentences = proseSentences(body);
  if (sentences.length === 0) return;
  const analysis = analyse(doc.text, { start: sentences[0]!.start, end: sentences.at(-1)!.end }, context.nlp);
  // Options are often imperative list items ("Keep the purge"); only the prose's sentences ask.
  const inProse = (at: number) => sentences.some((p) => p.start <= at && at < p.end);
  if (analysis.sentences.some((s) => inProse(s.start) && isImperativeOrRequest(s))) return;
  context.report({ messageId: 'noAsk', span: sentences[0]!, words: [] });
}

function withoutSpans(text: string, span: Span, cut: Match[]): string {
  let out = '';
  let at = span.start;
  for (const c of cut) {
    out += text.slice(at, c.start);
    // "What should we do?": the question mark belongs to the plea.
    at = text[c.end] === '?' ? c.end + 1 : c.end;
  }
  return out + text.slice(at, span.end);
}
