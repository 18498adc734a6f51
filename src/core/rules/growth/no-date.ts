import { defineRule } from '../define.ts';
import type { Doc, Span } from '../../model/types.ts';
import type { SectionView } from '../../query/section-view.ts';
import { hasCommittedDate } from '../../text/when.ts';
import { termsOf } from '../../text/words.ts';

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
    const dated = (view: SectionView | undefined) =>
      !!view &&
      !view.isEmpty() &&
      hasCommittedDate(
        view
          .entries()
          .map((e) => e.text)
          .join('\n'),
      );
    // A plan may date the moment somewhere else: the delegated work is dated by its review
    // checkpoint or the moment it is shown; either moment by a timeline row or milestone that
    // names the same work ("| Present the RFC at architecture review | Mar 14 |").
    const elsewhere = datedEntries(context.doc, context.body, [context.view('opportunity'), context.view('visibility')]);
    for (const key of ['opportunity', 'visibility']) {
      const view = context.view(key);
      if (!view || view.isEmpty() || dated(view)) continue;
      if (key === 'opportunity' && (dated(context.view('support')) || dated(context.view('visibility')))) continue;
      const terms = view.terms(false);
      if (elsewhere.some((e) => sharesTerms(terms, e))) continue;
      context.report({ messageId: 'noDate', data: { section: view.title.toLowerCase() }, span: view.anchor, words: view.section ? [view.title] : [] });
    }
  },
});

/** The dated entries of the plan outside the two moments (a timeline, a milestone table, a notes list), as their terms. */
function datedEntries(doc: Doc, body: SectionView, moments: (SectionView | undefined)[]): Set<string>[] {
  // A plan table's column is a moment of one span per cell: merged and halved, or every row scans every cell.
  const spans: Span[] = [];
  for (const s of moments.flatMap((v) => v?.spans ?? []).sort((x, y) => x.start - y.start)) {
    const last = spans.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else spans.push({ start: s.start, end: s.end });
  }
  const inMoment = (start: number) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((spans[mid] as Span).start <= start) lo = mid + 1;
      else hi = mid;
    }
    const s = spans[lo - 1];
    return s !== undefined && start < s.end;
  };
  return body
    .entries()
    .filter((e) => !inMoment(e.start) && hasCommittedDate(e.text))
    .map((e) => termsOf(doc.plain.slice(e.start, e.end), false));
}

/** Two content words in common: the row names the same work ("RFC", "architecture review"). */
function sharesTerms(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let n = 0;
  for (const t of a) if (b.has(t) && ++n >= 2) return true;
  return false;
}
