import { defineRule } from '../define.ts';
import { hasDate } from '../../text/numbers.ts';

export default defineRule({
  meta: {
    id: 'role/success-signal-no-date',
    severity: 'warning',
    kinds: ['role-memo'],
    docs: {
      description: 'The success signal says what good looks like but not by when.',
      why: 'Case study 2 asks the memo for a success signal. Without a date, the role can never be judged to work or not, so the conflicting expectations of the scenario never get revisited; with one, you and your manager know when to check the archetype still fits.',
      better: 'Say what will be observably true and by when: "By June, the three teams ship against one written payments architecture."',
      caseStudy: 2,
      concept: 'role clarity',
      bad: '---\nkind: role-memo\n---\n\nSuccess signal:\nThe three teams ship against one written payments architecture.\n',
      good: '---\nkind: role-memo\n---\n\nSuccess signal:\nBy June, the three teams ship against one written payments architecture.\n',
    },
    messages: {
      noDate: 'The success signal has no date, so nobody can tell when to check whether the role works. Say by when, e.g. "By June, ...".',
    },
  },
  check(context) {
    const success = context.view('success');
    if (
      !success ||
      success.isEmpty() ||
      hasDate(
        success
          .entries()
          .map((e) => e.text)
          .join('\n'),
      )
    )
      return;
    context.report({ messageId: 'noDate', span: success.anchor, words: success.section ? [success.title] : [] });
  },
});
