import type { Doc, Span } from '../../model/types.ts';
import { defineRule } from '../define.ts';
import { asksOf, decisionOf, findIn, isDecisive, sentencesIn, type Sentence } from './_parts.ts';

export default defineRule({
  meta: {
    id: 'summary/hedging',
    severity: 'warning',
    kinds: ['exec-summary'],
    docs: {
      description: 'Hedges and weasel words ("I think", "maybe", "might") in the decision or the ask.',
      why: 'Case study 5 is about a summary that loses its decision; a hedged decision ("we might delay the launch") loses it more quietly. An executive cannot approve "maybe two weeks". Amazon-style writing guidance (RUBRICS §5) cuts weasel words and answers with yes, no, a number or "I don\'t know".',
      better: 'State the decision and the ask plainly: "Decision: delay launch two weeks." "Ask: approve the revised date by Friday." Put real uncertainty in the risk, with what would resolve it.',
      caseStudy: 5,
      concept: 'decision ask',
      bad: '---\nkind: exec-summary\naudience: executive\n---\n\nDecision:\nI think we should maybe delay the payments launch two weeks.\n\nAsk:\nApprove the revised date by Friday.\n',
      good: '---\nkind: exec-summary\naudience: executive\n---\n\nDecision:\nDelay the payments launch two weeks, to 14 May.\n\nRisk if ignored:\nWe might double-charge customers on processor timeouts.\n\nAsk:\nApprove the revised date by Friday.\n',
    },
    messages: {
      hedge: '`{{hedge}}` hedges the {{part}}, so the reader cannot tell what is decided or asked. State it plainly; put real uncertainty in the risk, with when it will be resolved.',
    },
  },
  check(context) {
    const { doc } = context;
    // The sentences that state the decision or make the ask; a supporting sentence beside them
    // ("This probably affects a few merchants") is not the decision hedged.
    // An Ask section that requests nothing ("I think it might be worth a conversation") has no
    // ask to stand beside: its sentences stand in for the ask, and their hedges are the ask's.
    const askView = context.view('ask');
    const asks = asksOf(context);
    const parts: [string, Sentence[]][] = [
      ['decision', decisionOf(context).filter((s, i) => i === 0 || isDecisive(s.text))],
      ['ask', askView && !asks.length ? sentencesIn(context, askView) : asks],
    ];
    const seen = new Set<number>();
    for (const [part, sentences] of parts) {
      for (const s of sentences) {
        for (const m of findIn(doc, [s], 'hedges')) {
          // A sentence can be both the decision and the ask in a summary without sections.
          if (seen.has(m.start) || inCondition(doc, s, m)) continue;
          seen.add(m.start);
          context.report({
            messageId: 'hedge',
            data: { hedge: m.text, part },
            span: m,
          });
        }
      }
    }
  },
});

// "If your jobs might run on borrowed GPUs, add checkpoints": the condition describes the
// world; the request after it is plain.
const CONDITION = /\b(?:if|unless|whether|in case|when|where)\b[^,;:.!?]*$/i;

function inCondition(doc: Doc, s: Span, m: Span): boolean {
  return CONDITION.test(doc.plain.slice(s.start, m.start)) && doc.plain.slice(m.end, s.end).includes(',');
}
