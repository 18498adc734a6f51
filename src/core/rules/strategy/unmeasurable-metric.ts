import type { Doc } from '../../model/types.ts';
import type { SectionView } from '../../query/section-view.ts';
import { clip } from '../../text/format.ts';
import type { Match } from '../../text/match.ts';
import { defineRule } from '../define.ts';
import { isListed } from '../../text/entries.ts';
import { hasDate, hasQuantity } from '../../text/numbers.ts';

/** Digits inside a name are no target: "P1 incidents", "the v2 pipeline", "Tier 1 services", "ETCS Level 2". */
const IDENTIFIER = /\b(?:[a-z]{1,4}\d+[a-z\d]*|(?:tier|level|phase|stage|version|sev(?:erity)?|priority|gen(?:eration)?|wave|step|release)\s+\d+)\b/gi;
/** Targets written in words: "halve", "a third fewer", "double", "zero", "all services", "none". */
const WORD_TARGET =
  /\b(?:halv(?:e|es|ed|ing)|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|quadrupl\w*|(?:a|one|two) (?:third|quarter|fifth)s?|zero|none|no (?:more|fewer|longer)|(?:all|every|each) (?:of (?:the |our )?)?\w+(?:[- ]\w+)? (?:on|in|off|using|use|run|runs|migrated|moved|have|has|pass|passes|meet|meets|covered|retired|behind)\b)/i;
/** Deadlines in words hasDate does not read: seasons, year end, fiscal years, "in the first 90 days". */
const WORD_DEADLINE =
  /\b(?:(?:by|before|until|in|this|next|over|during)\s+(?:the\s+)?(?:next\s+|coming\s+)?(?:spring|summer|autumn|winter)|(?:year|quarter|half|month|term)[- ]end|EO[YQHM]\b|FY\s?'?\d{2,4}|(?:first|next)\s+\d+\s+(?:days|weeks|months))\b/i;

/** A target someone could count: a quantity that is not part of a date or a name, or one in words. */
function isCountable(text: string): boolean {
  return hasQuantity(text.replace(IDENTIFIER, ' ')) || WORD_TARGET.test(text);
}

/** A deadline: a date, or one of the spoken forms ("by year end", "before the autumn release"). */
function isDated(text: string): boolean {
  return hasDate(text) || WORD_DEADLINE.test(text);
}

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
    const datedAbove = isDated(sharedContext(context.doc, metrics));
    for (const m of metricsOf(metrics)) {
      if (/:$/.test(m.text)) continue; // an intro line such as "By the end of Q2:" is not a metric
      const number = isCountable(m.text);
      const date = datedAbove || isDated(m.text);
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

/**
 * A deadline stated once for all metrics: the section title, an intro line ending in ":", prose
 * before a listed set of metrics ("All targets are for 31 March 2027."), or the document title.
 * Prose after the list is a sign-off ("Comments to #hosting by 7 March"), not a deadline.
 */
function sharedContext(doc: Doc, metrics: SectionView): string {
  const entries = metrics.entries();
  const firstListed = entries.findIndex(isListed);
  const intro = entries.filter((u, i) => /:$/.test(u.text) || (firstListed > 0 && i < firstListed)).map((u) => u.text);
  const title = doc.frontMatter?.data['title'];
  const h1 = doc.sections.find((s) => s.style === 'heading' && s.depth === 1)?.title ?? '';
  return [metrics.section?.title ?? '', ...intro, typeof title === 'string' ? title : '', h1].join('\n');
}
