import { sectionKeyOf } from '../../kinds/detect.ts';
import type { Block, Span } from '../../model/types.ts';
import { analyse, isImperativeOrRequest, type Sentence } from '../../nlp/index.ts';
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
      why: 'Case study 1: a platform team publishes a list of projects (migrate CI, improve observability, reduce build times, upgrade Kubernetes) and calls it a strategy. Teams cannot use it to make tradeoffs, because nothing says what problem the projects solve or what the team chose not to do.',
      better:
        'Write the strategy spine: a diagnosis ("deploy lead time and test flakiness block product teams"), a guiding policy ("reduce platform friction before adding new platform features"), then the coherent actions that follow from them.',
      caseStudy: 1,
      concept: 'roadmap vs strategy',
      bad: '---\nkind: strategy\n---\n\n# Platform strategy\n\n- Migrate CI\n- Improve observability\n- Reduce build times\n- Upgrade Kubernetes\n',
      good: '---\nkind: strategy\n---\n\n# Platform strategy\n\n## Diagnosis\n\nDeploy lead time and test flakiness block product teams.\n\n## Guiding policy\n\nReduce platform friction before adding new platform features.\n\n## Coherent actions\n\n- Stabilize CI\n- Standardize service templates\n',
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
/** A longer entry is a project when it is one command ("Migrate the ledger to the event bus by Q2"). */
const MAX_COMMAND_WORDS = 20;

function isProject(m: Match): boolean {
  return m.text.split(/\s+/).length <= MAX_PROJECT_WORDS && !/[?:]$/.test(m.text) && !/^(?:\[|!\[|<|`|\w[\w ]{0,30}:\s)/.test(m.text);
}

/** Short entries, or list items that are each one command: a numbered list of initiatives. */
function projectsOrCommands(context: RuleContext, items: Match[]): boolean {
  if (items.every(isProject)) return true;
  return items.every((m) => {
    if (m.text.split(/\s+/).length > MAX_COMMAND_WORDS || /[?:]$/.test(m.text) || /^(?:\[|!\[|<|`|\w[\w ]{0,30}:\s)/.test(m.text)) return false;
    const sentences = analyse(context.doc.text, m, context.nlp).sentences;
    return sentences.length === 1 && isImperativeOrRequest(sentences[0] as Sentence);
  });
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
  const items = lists.filter((l) => l.length >= 2 && projectsOrCommands(context, l)).flat();
  if (items.length) return items;
  // Projects written as paragraphs with a bold lead ("**Q1 — migrate CI.** Move the last ...").
  // They must be most of the prose: a design doc's "**Secure.** ..." paragraphs sit among many others.
  const paragraphs = doc.blocks.filter((b) => b.type === 'paragraph' && elsewhere(b) && b.start >= doc.body.start);
  const leads = paragraphs.flatMap((b) => boldLead(doc.plain, b) ?? []);
  // A bold lead that names a section ("**Diagnosis.**", "**Why.**", "**Owner:**") is structure, not a project.
  const names = (m: Match) => context.module.kinds.some((k) => sectionKeyOf(k, m.text));
  if (leads.some(names)) return [];
  if (leads.length >= 2 && leads.length * 2 > paragraphs.length && leads.every(isProject)) return leads;
  // Or as a timeline table: one row per quarter, month or phase, and what ships then.
  for (const table of doc.tables) {
    if (!elsewhere(table)) continue;
    const timed = timelineRows(table);
    if (timed.length >= 2) return timed;
  }
  for (const s of doc.sections) {
    // Labels ("Our plan for the year:") and the title section; deeper headings are the document's own structure.
    if (s.key || !(s.style === 'label' || s.depth === 1)) continue;
    // Table rows are data (stores, owners, numbers); a timeline table is read above.
    const own = context
      .viewOf(s)
      .entries()
      .filter((u) => u.kind !== 'row' && elsewhere(u) && !/:$/.test(u.text));
    if (own.length >= 2 && own.every(isProject)) return own;
  }
  return [];
}

/** A paragraph's bold lead, the project's name: `**Modern tills.** Replace ...`, `**Q1 — migrate CI**: ...`. */
function boldLead(plain: string, b: Span): Match | undefined {
  const m = /^(\*\*|__)([^*_\n]{2,80}?)[.:;]?\1/.exec(plain.slice(b.start, b.end));
  if (!m) return undefined;
  const name = (m[2] as string).replace(/^\s*(?:(?:Q[1-4]|H[12]|(?:19|20)\d\d|phase \d+|step \d+|\d+[.)])\s*[\u2013\u2014:-]?\s*)+/i, '').replace(/[\s.:;\u2013\u2014-]+$/, '');
  if (!/\p{L}/u.test(name)) return undefined;
  const start = b.start + m.index + m[0].indexOf(name);
  return { start, end: start + name.length, text: name };
}

/** When a row is planned for, as the whole cell: a quarter, half, month, phase or milestone ("Q1", "H2 2026", "Phase 2"); not a date or a time of day (an incident timeline). */
const PERIOD =
  /^\W*(?:(?:Q[1-4]|H[12]|FY\s?\d{2,4}|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:phase|stage|step|sprint|milestone|wave|release)\s*\d+|now|next|later)(?:\s*(?:[\u2013\u2014/-]|to)\s*(?:Q[1-4]|H[12]))?(?:\s+(?:19|20)\d\d)?)\W*$/i;

/** The deliverables of a table whose first column is a timeline: the first other cell of each row. */
function timelineRows(table: Block): Match[] {
  const rows = table.rows ?? [];
  if (rows.length < 2 || !rows.every((r) => PERIOD.test(r.cells[0]?.text ?? ''))) return [];
  const out: Match[] = [];
  for (const r of rows) {
    const cell = r.cells.slice(1).find((c) => /\p{L}/u.test(c.text));
    if (cell) out.push({ start: cell.start, end: cell.end, text: cell.text.trim() });
  }
  return out.length === rows.length ? out : [];
}
