import { defineRule } from '../define.ts';
import { hasCommittedDate } from '../../text/when.ts';

export default defineRule({
  meta: {
    id: 'growth/no-date',
    severity: 'warning',
    kinds: ['growth-plan'],
    docs: {
      description: 'The opportunity or the visibility moment has no date.',
      why: 'Case study 4: sponsorship is specific or it does not happen. "Present at an architecture review someday" keeps slipping behind delivery work, and the engineer stays invisible in the next promotion discussion; a date makes the opportunity a commitment the sponsor can be held to.',
      better: 'Put a date on each moment: "present the RFC to architecture review on 12 March"; "the April status update names Sam as owner".',
      caseStudy: 4,
      concept: 'sponsorship',
      bad: '---\nkind: growth-plan\n---\n\nOpportunity:\nSam presents the API migration RFC to the architecture review.\n',
      good: '---\nkind: growth-plan\n---\n\nOpportunity:\nSam presents the API migration RFC to the architecture review on 12 March.\n',
    },
    messages: {
      noDate: 'The {{section}} has no date, so it can slip behind delivery work indefinitely. Say when it happens, e.g. "on 12 March" or "in the April status update".',
    },
  },
  check(context) {
    for (const key of ['opportunity', 'visibility']) {
      const view = context.view(key);
      if (
        !view ||
        view.isEmpty() ||
        hasCommittedDate(
          view
            .entries()
            .map((e) => e.text)
            .join('\n'),
        )
      )
        continue;
      const { title, titleSpan } = view.section!;
      context.report({ messageId: 'noDate', data: { section: title.toLowerCase() }, span: titleSpan, words: [title] });
    }
  },
});
