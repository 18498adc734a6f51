import { codeList } from '../../text/format.ts';
import { affirmedIn } from '../../text/negated.ts';
import { defineRule } from '../define.ts';
import { sponsorship, WRITER_SUBJECT } from './_sponsorship.ts';

export default defineRule({
  meta: {
    id: 'growth/not-delegated',
    severity: 'warning',
    kinds: ['growth-plan'],
    docs: {
      description: 'The opportunity does not make the person own, lead or present anything: they attend, shadow or help.',
      why: 'Case study 4: the required artifact is "one delegated artifact". Sitting in on a review or helping the writer present is still mentorship: others see the writer, not the engineer. Delegated ownership is what creates real growth, with its risk and the support it needs.',
      better: 'Make the person the subject of the work: "Sam owns the API migration RFC and presents it to architecture review on 12 March".',
      caseStudy: 4,
      concept: 'delegated ownership',
      bad: '---\nkind: growth-plan\n---\n\nOpportunity:\nSam attends the architecture review on 12 March and takes notes while I present.\n',
      good: '---\nkind: growth-plan\n---\n\nOpportunity:\nSam owns the API migration RFC and presents it to the architecture review on 12 March.\n',
    },
    messages: {
      passive: 'In the opportunity the person only takes part ({{words}}) rather than owning the work, so others will see you, not them. Delegate something they own, lead or present.',
      nothing: 'The opportunity gives the person nothing to own, lead or present, so it is advice with a date. Delegate one artifact they own and present.',
    },
  },
  check(context) {
    const opportunity = context.view('opportunity');
    if (!opportunity || opportunity.isEmpty()) return;
    if (sponsorship(opportunity).length) return;
    const plain = context.doc.plain;
    // "I'll sit in on the review": the writer watching is not the person shadowing.
    const passive = affirmedIn(context.doc, opportunity.sentences(), opportunity.find('participation')).filter((p) => !WRITER_SUBJECT.test(plain.slice(Math.max(0, p.start - 24), p.start)));
    if (passive.length) {
      context.report({
        messageId: 'passive',
        data: {
          words: codeList(
            passive.map((p) => p.text),
            6,
          ),
        },
        span: passive[0]!,
        words: passive.map((p) => p.text),
      });
      return;
    }
    const first = opportunity.entries()[0];
    if (first) context.report({ messageId: 'nothing', span: first, words: [] });
  },
});
