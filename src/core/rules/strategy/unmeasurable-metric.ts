import type { Doc, Section } from '../../model/types.ts';
import { defineRule } from '../define.ts';
import { hasDateStrict, hasTarget, units } from '../units.ts';
import { clip } from '../util.ts';

export default defineRule({
  meta: {
    id: 'strategy/unmeasurable-metric',
    // A warning, not an error: the case study's wrong approach is the roadmap (no diagnosis, no
    // policy); a vague metric leaves a real strategy that nobody can check yet.
    severity: 'warning',
    kinds: ['strategy'],
    docs: {
      description: 'A success metric with no number or no date, so nobody can tell whether the strategy worked.',
      why:
        'Case study 1 asks for success metrics beside the strategy spine. "Faster builds" or "better reliability" cannot be checked: without a target and a date the team cannot tell whether the policy is working, or when to revisit it.',
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
    const { doc } = context;
    const metrics = context.section('metrics');
    if (!metrics) return;
    const datedAbove = hasDateStrict(sharedContext(doc, metrics));
    for (const m of units(doc, metrics)) {
      if (/:$/.test(m.text)) continue; // an intro line such as "By the end of Q2:" is not a metric
      const number = hasTarget(m.text);
      const date = datedAbove || hasDateStrict(m.text);
      if (number && date) continue;
      const messageId = !number && !date ? 'neither' : number ? 'noDate' : 'noNumber';
      context.report({ messageId, data: { metric: clip(m.text) }, span: m, words: [m.text] });
    }
  },
});

/** A deadline stated once for all metrics: the section title, an intro line ending in ":", or the document title. */
function sharedContext(doc: Doc, metrics: Section): string {
  const intro = units(doc, metrics).filter((u) => /:$/.test(u.text)).map((u) => u.text);
  const title = doc.frontMatter?.data['title'];
  const h1 = doc.sections.find((s) => s.style === 'heading' && s.depth === 1)?.title ?? '';
  return [metrics.title, ...intro, typeof title === 'string' ? title : '', h1].join('\n');
}
