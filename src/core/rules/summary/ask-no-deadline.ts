import { defineRule } from '../define.ts';
import { hasDate } from '../../text/numbers.ts';
import { asksOf, sentencesIn } from './_parts.ts';

export default defineRule({
  meta: {
    id: 'summary/ask-no-deadline',
    severity: 'warning',
    kinds: ['exec-summary'],
    docs: {
      description: 'The ask has a request verb but no date: nothing says by when the decision is needed.',
      why: 'Case study 5 is about a decision that never gets made: a summary that asks "approve the revised date" without a deadline lets the decision drift past the launch it is about. RUBRICS §5 asks an executive summary for a decision deadline; the module\'s example ask reads "Approve the revised launch date of 14 May by Friday."',
      better: 'Give the ask a date: "Ask: approve the revised launch date by Friday."',
      caseStudy: 5,
      concept: 'decision ask',
      bad: '---\nkind: exec-summary\naudience: executive\n---\n\nDecision:\nDelay the payments launch two weeks.\n\nAsk:\nApprove the revised launch date.\n',
      good: '---\nkind: exec-summary\naudience: executive\n---\n\nDecision:\nDelay the payments launch two weeks.\n\nAsk:\nApprove the revised launch date by Friday.\n',
    },
    messages: {
      noDeadline: 'The ask (`{{verb}}`) has no date, so the decision can drift past the launch it is about. Say by when you need it: "Approve the revised launch date by Friday."',
    },
  },
  check(context) {
    const asks = asksOf(context);
    const first = asks[0];
    // No request at all is summary/no-ask's finding.
    if (!first || asks.some((a) => hasDate(a.text))) return;
    // "Approve the revised date. We need it by Friday.": the date may stand beside the request.
    const section = context.view('ask');
    if (section && sentencesIn(context, section).some((s) => hasDate(s.text))) return;
    context.report({
      messageId: 'noDeadline',
      data: { verb: first.words.text },
      span: first.words,
    });
  },
});
