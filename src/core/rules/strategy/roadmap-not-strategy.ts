import type { Doc, Span } from '../../model/types.ts';
import { defineRule } from '../define.ts';
import { itemContent, prose } from '../util.ts';

export default defineRule({
  meta: {
    id: 'strategy/roadmap-not-strategy',
    severity: 'error',
    kinds: ['strategy'],
    docs: {
      description: 'A "strategy" that is a list of projects, with no diagnosis and no guiding policy.',
      why:
        'Case study 1: a platform team publishes a list of projects (migrate CI, improve observability, reduce build times, upgrade Kubernetes) and calls it a strategy. Teams cannot use it to make tradeoffs, because nothing says what problem the projects solve or what the team chose not to do.',
      better:
        'Write the strategy spine: a diagnosis ("deploy lead time and test flakiness block product teams"), a guiding policy ("reduce platform friction before adding new platform features"), then the coherent actions that follow from them.',
      caseStudy: 1,
      concept: 'roadmap vs strategy',
      bad: '---\nkind: strategy\n---\n\n# Platform strategy\n\n- Migrate CI\n- Improve observability\n- Reduce build times\n- Upgrade Kubernetes\n',
      good:
        '---\nkind: strategy\n---\n\n# Platform strategy\n\n## Diagnosis\n\nDeploy lead time and test flakiness block product teams.\n\n## Guiding policy\n\nReduce platform friction before adding new platform features.\n\n## Coherent actions\n\n- Stabilize CI\n- Standardize service templates\n',
    },
    messages: {
      roadmap: 'This strategy is a list of projects ({{projects}}) with no diagnosis or guiding policy, so teams cannot use it to make tradeoffs. Say what problem the projects solve and what you choose not to do.',
    },
  },
  check(context) {
    const { doc } = context;
    const filled = (key: string) => {
      const s = context.section(key);
      return s !== undefined && prose(doc, s.contentSpan, s.blocks).some((r) => /\w/.test(doc.text.slice(r.start, r.end)));
    };
    if (filled('diagnosis') || filled('policy')) return;
    const items = projectItems(doc);
    if (items.length === 0) return;
    const shown = items.slice(0, 4).map((i) => `\`${i.text}\``);
    const span: Span = { start: (items[0] as Span).start, end: (items[items.length - 1] as Span).end };
    context.report({ messageId: 'roadmap', data: { projects: shown.join(', ') + (items.length > 4 ? ', ...' : '') }, span, words: items.map((i) => i.text) });
  },
});

/** List items (or lines of the actions section) that read as projects. */
function projectItems(doc: Doc) {
  const out = [];
  for (const b of doc.blocks) {
    if (b.type !== 'list') continue;
    for (const item of b.children ?? []) out.push(itemContent(doc, item));
  }
  return out.filter((i) => i.text.length > 0);
}
