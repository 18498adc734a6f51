import { clip } from '../../text/format.ts';
import { documentAnchor } from '../../query/doc-query.ts';
import { defineRule } from '../define.ts';
import { asksOf, sentencesIn } from './_parts.ts';

export default defineRule({
  meta: {
    id: 'summary/no-ask',
    severity: 'error',
    kinds: ['exec-summary'],
    docs: {
      description: 'The summary makes no concrete ask: no request to the reader, neither a request word (approve, decide, fund, sign off) nor an imperative ("review the runbook by Thursday").',
      why: 'Case study 5: the summary that loses the decision states no decision, risk or ask, so the executive reading it has nothing to do. The completion standard asks for "at least one executive summary [that] makes a concrete ask"; a summary without one informs but never gets the decision made.',
      better: 'End with the ask, a request verb and ideally a date: "Ask: approve the revised launch date of 14 May by Friday."',
      caseStudy: 5,
      concept: 'decision ask',
      bad: '---\nkind: exec-summary\naudience: executive\n---\n\nDecision:\nDelay the payments launch two weeks, to 14 May.\n\nAsk:\nYour awareness of the new timeline.\n',
      good: '---\nkind: exec-summary\naudience: executive\n---\n\nDecision:\nDelay the payments launch two weeks, to 14 May.\n\nAsk:\nApprove the revised launch date by Friday.\n',
    },
    messages: {
      noAsk:
        'The summary asks the reader for nothing: no request such as `approve`, `decide` or `fund`, and no sentence that tells the reader what to do. Case study 5: end with a concrete ask and a date, e.g. "Ask: approve the revised date by Friday."',
      vagueAsk: 'The Ask section (`{{ask}}`) requests no action: no sentence tells the reader what to do (`approve`, `decide`, `review`, `sign up`...). Say what the reader must do and by when: "Approve the revised launch date by Friday."',
    },
  },
  check(context) {
    if (asksOf(context).length) return;
    const ask = context.view('ask');
    if (ask) {
      const lines = sentencesIn(context, ask);
      const first = lines[0];
      // An empty Ask is structure/empty-section's finding.
      if (!first) return;
      const last = lines[lines.length - 1] ?? first;
      context.report({
        messageId: 'vagueAsk',
        data: {
          ask: clip(context.doc.plain.slice(first.start, last.end).replace(/`/g, "'"), 60),
        },
        span: { start: first.start, end: last.end },
      });
      return;
    }
    context.report({
      messageId: 'noAsk',
      span: documentAnchor(context.doc),
      words: [],
    });
  },
});
