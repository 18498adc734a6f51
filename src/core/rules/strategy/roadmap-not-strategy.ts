import type { Span } from '../../model/types.ts';
import type { SectionView } from '../../query/section-view.ts';
import { itemContent } from '../../text/entries.ts';
import type { Match } from '../../text/match.ts';
import { defineRule, type RuleContext } from '../define.ts';

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
    const filled = (v: SectionView | undefined) => v !== undefined && !v.isEmpty();
    if (filled(context.view('diagnosis')) || filled(context.view('policy'))) return;
    const items = projectItems(context);
    if (items.length === 0) return;
    const shown = items.slice(0, 4).map((i) => `\`${i.text}\``);
    const span: Span = { start: (items[0] as Span).start, end: (items[items.length - 1] as Span).end };
    context.report({ messageId: 'roadmap', data: { projects: shown.join(', ') + (items.length > 4 ? ', ...' : '') }, span, words: items.map((i) => i.text) });
  },
});

/** Short entries that read as projects, one per line or per list item. */
const MAX_PROJECT_WORDS = 8;

function isProject(m: Match): boolean {
  return m.text.split(/\s+/).length <= MAX_PROJECT_WORDS && !/[?:]$/.test(m.text) && !/^(?:\[|!\[|<|`|\w[\w ]{0,30}:\s)/.test(m.text);
}

/**
 * The projects: the actions section's entries when there is one; otherwise list items outside
 * the anti-scope and metrics (which are lists too, but not of projects); otherwise short
 * one-per-line entries under some other label ("Our plan for the year:").
 */
function projectItems(context: RuleContext): Match[] {
  const { doc } = context;
  const listed = context.view('actions')?.entries() ?? [];
  if (listed.length) return listed;
  const keyed = doc.sections.filter((s) => s.key && s.key !== 'actions');
  const elsewhere = (b: Span) => !keyed.some((s) => s.span.start <= b.start && b.end <= s.span.end);
  const lists = doc.blocks.filter((b) => b.type === 'list' && elsewhere(b)).map((b) => (b.children ?? []).map((item) => itemContent(doc.plain, item)));
  // A list of projects is short imperative lines, not prose, links or `Key: value` metadata.
  const items = lists.filter((l) => l.length >= 2 && l.every(isProject)).flat();
  if (items.length) return items;
  for (const s of doc.sections) {
    // Labels ("Our plan for the year:") and the title section; deeper headings are the document's own structure.
    if (s.key || !(s.style === 'label' || s.depth === 1)) continue;
    const own = context.viewOf(s).entries().filter((u) => elsewhere(u) && !/:$/.test(u.text));
    if (own.length >= 2 && own.every(isProject)) return own;
  }
  return [];
}
