import type { Doc } from '../../model/types.ts';
import type { SectionView } from '../../query/section-view.ts';
import { clip } from '../../text/format.ts';
import type { Match } from '../../text/match.ts';
import { defineRule } from '../define.ts';
import { isListed } from '../../text/entries.ts';
import { hasDate, hasQuantity } from '../../text/numbers.ts';

export default defineRule({
  meta: {
    id: 'strategy/unmeasurable-metric',
    // A warning, not an error: the case study's wrong approach is the roadmap (no diagnosis, no
    // policy); a vague metric leaves a real strategy that nobody can check yet.
    severity: 'warning',
    kinds: ['strategy'],
    docs: {
      description: 'A success metric with no number or no date, so nobody can tell whether the strategy worked.',
      why: 'Case study 1 asks for success metrics beside the strategy spine. "Faster builds" or "better reliability" cannot be checked: without a target and a date the team cannot tell whether the policy is working, or when to revisit it.',
      better: 'Give each metric a number and a date: "median merge-to-production lead time below 1 day by the end of Q2".',
      caseStudy: 1,
      concept: 'coherent action',
      bad: '---\nkind: strategy\n---\n\n## Success metrics\n\n- Faster builds\n- Flaky CI failure rate below 3% of runs\n',
      good: '---\nkind: strategy\n---\n\n## Success metrics\n\n- Median merge-to-production lead time below 1 day by the end of Q2.\n- Flaky CI failure rate below 3% of runs by the end of Q2.\n',
    },
    messages: {
      neither: 'The metric `{{metric}}` has no number and no date, so nobody can tell whether the strategy worked. Give it a target and a deadline, e.g. "below 1 day by the end of Q2".',
      noNumber: 'The metric `{{metric}}` has no number to reach, so nobody can tell whether it was met. Say how much, e.g. "below 3% of runs".',
      noDate: 'The metric `{{metric}}` has a target but no date, so it can never be missed. Say by when, e.g. "by the end of Q2".',
    },
  },
  check(context) {
    const metrics = context.view('metrics');
    if (!metrics) return;
    const datedAbove = hasDate(sharedContext(context.doc, metrics));
    for (const m of metricsOf(metrics)) {
      if (/:$/.test(m.text)) continue; // an intro line such as "By the end of Q2:" is not a metric
      const number = hasQuantity(m.text);
      const date = datedAbove || hasDate(m.text);
      if (number && date) continue;
      const messageId = !number && !date ? 'neither' : number ? 'noDate' : 'noNumber';
      context.report({ messageId, data: { metric: clip(m.text) }, span: m, words: [m.text] });
    }
  },
});

/**
 * The metrics: when the section lists them (a list or a table), its prose is the intro or a
 * sign-off ("Comments to #hosting by 7 March"), not a metric; otherwise every entry.
 */
function metricsOf(metrics: SectionView): Match[] {
  const all = metrics.entries();
  const listed = all.filter(isListed);
  return listed.length ? listed : all;
}

/** A deadline stated once for all metrics: the section title, an intro line ending in ":", or the document title. */
function sharedContext(doc: Doc, metrics: SectionView): string {
  const intro = metrics
    .entries()
    .filter((u) => /:$/.test(u.text))
    .map((u) => u.text);
  const title = doc.frontMatter?.data['title'];
  const h1 = doc.sections.find((s) => s.style === 'heading' && s.depth === 1)?.title ?? '';
  return [metrics.section?.title ?? '', ...intro, typeof title === 'string' ? title : '', h1].join('\n');
}
