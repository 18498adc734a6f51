import type { Span } from '../../model/types.ts';
import { analyse, isAttributive, type NlpMemo, sentenceAt, tokenAt } from '../../nlp/index.ts';
import { codeList } from '../../text/format.ts';
import { defineRule } from '../define.ts';
import { findIn, isDecisive, sentencesIn, sentencesOf } from './_parts.ts';

const MAX_QUOTED = 4;
// A passive or future form before the verb: "is considered", "should be reviewed", "to be discussed".
// "has been reviewed" and "is being worked through" do report work (done or under way).
const PASSIVE = /\b(?:is|are|be|get|gets|getting)\s+(?:\w+ly\s+)?$/i;

export default defineRule({
  meta: {
    id: 'summary/activity-not-decision',
    severity: 'error',
    kinds: ['exec-summary'],
    docs: {
      description: 'The summary reports activity ("we evaluated", "looked into", "discussed") and states no decision.',
      why: 'Case study 5: a 12-page design doc recommends delaying a launch, but its executive summary says "we evaluated reliability concerns". The reader learns what the team did, not what it decided, so the decision, the risk and the ask are lost. This is the wrong approach itself: summarise activity instead of the decision.',
      better: 'Lead with the decision as a plain statement, then the reason, the risk if ignored, the plan and the ask: "Decision: delay launch two weeks. Reason: payment retry path can duplicate charges under timeout."',
      caseStudy: 5,
      concept: 'executive summary',
      bad: '---\nkind: exec-summary\naudience: executive\n---\n\nOver the last three weeks we evaluated reliability concerns across the payments stack and discussed timeouts with the processor team.\n',
      good: '---\nkind: exec-summary\naudience: executive\n---\n\nDecision:\nDelay the payments launch two weeks, to 14 May.\n\nReason:\nWe evaluated the retry path: it can charge a customer twice when the processor times out.\n\nAsk:\nApprove the revised date by Friday.\n',
    },
    messages: {
      activity: 'The summary reports activity ({{words}}) but states no decision. Case study 5: lead with what was decided, e.g. "Decision: delay launch two weeks", then the reason and the ask.',
      activityInDecision: 'The Decision section reports activity ({{words}}) instead of a decision. Say what was decided, as a plain statement: "Delay the launch two weeks, to 14 May."',
    },
  },
  check(context) {
    const decision = context.view('decision');
    // With a Decision section, that section must decide; without one, any sentence may.
    const sentences = decision ? sentencesIn(context, decision) : sentencesOf(context);
    if (sentences.some((s) => isDecisive(s.text))) return;
    // "is considered best practice", "will be reviewed", "needs discussing": not a report of work done.
    const activity = (list: Span[]) => findIn(context.doc, list, 'activity').filter((m) => !PASSIVE.test(context.doc.plain.slice(Math.max(0, m.start - 24), m.start)) && !modifiesNoun(context, list, m));
    let found = activity(sentences);
    // A Decision section that neither decides nor reports ("Following the outages, the team spent
    // six weeks on a review"), in a summary whose other sections list what was done and that
    // decides nothing anywhere: the summary reports activity.
    const inDecision = found.length > 0;
    if (decision && !inDecision) {
      const all = sentencesOf(context);
      if (!all.some((s) => isDecisive(s.text))) found = activity(all);
    }
    const first = found[0];
    if (!first) return;
    const words = [...new Set(found.map((m) => m.text))];
    context.report({
      messageId: decision && inDecision ? 'activityInDecision' : 'activity',
      data: { words: codeList(words, MAX_QUOTED) },
      span: first,
      words,
    });
  },
});

/**
 * "the operational priorities observed across the *evaluated* specifications": a participle
 * that modifies a noun names a thing, it does not report work the team did.
 */
function modifiesNoun(context: { doc: { text: string }; nlp: NlpMemo }, sentences: readonly Span[], m: Span): boolean {
  const home = sentences.find((s) => s.start <= m.start && m.start < s.end);
  if (!home) return false;
  const a = analyse(context.doc.text, home, context.nlp);
  const sentence = sentenceAt(a, m.start);
  const token = tokenAt(a, m.start);
  return sentence !== undefined && token !== undefined && isAttributive(sentence, token);
}
