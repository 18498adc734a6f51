import { defineRule } from '../define.ts';
import { hasContent } from '../../query/doc-query.ts';

export default defineRule({
  meta: {
    id: 'structure/empty-section',
    severity: 'error',
    docs: {
      description: 'A section of the artifact has a heading or label but no content.',
      why: 'An empty section looks complete in an outline but tells the reader nothing; it is a missing section that hides.',
      better: 'Write the section, or delete its heading until you can.',
      concept: 'required artifact',
      bad: '---\nkind: strategy\n---\n\n## Diagnosis\n\n## Guiding policy\n\nReduce friction before adding features.\n',
      good: '---\nkind: strategy\n---\n\n## Diagnosis\n\nLead time is 3.5 days.\n\n## Guiding policy\n\nReduce friction before adding features.\n',
    },
    messages: {
      empty: 'The `{{section}}` section is empty. {{hint}}',
    },
  },
  check(context) {
    const { doc, kind } = context;
    if (!kind) return;
    for (const s of doc.sections) {
      if (!s.key) continue;
      if (hasContent(doc, s)) continue;
      const def = kind.sections.find((d) => d.id === s.key);
      context.report({ messageId: 'empty', data: { section: s.title, hint: def?.hint ?? '' }, span: s.titleSpan, words: [s.title] });
    }
  },
});
