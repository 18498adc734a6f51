import { sectionKeyOf } from '../../kinds/detect.ts';
import type { Block, Span, TableCell } from '../../model/types.ts';
import { analyse, isActionLed, isImperativeOrRequest, type Sentence } from '../../nlp/index.ts';
import type { SectionView } from '../../query/section-view.ts';
import { titleOf } from '../../model/body.ts';
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

/** A lead-in, a question, a link, code or `Key: value` metadata: not a project line ("**Periodic jobs:**", "[RFC 12](rfc-12.md)"). */
function isNotAnItem(text: string): boolean {
  const bare = text.replace(/^[*_]+|[*_]+$/g, '').trim();
  return /[?:]$/.test(bare) || /^(?:\[|!\[|<|`|\w[\w ]{0,30}:\s)/.test(bare);
}

/** One sentence led by an action: a command, a deliverable's name, a commitment (nlp isActionLed). */
function actionLed(context: RuleContext, m: Match, row = false): boolean {
  const sentences = analyse(context.doc.text, m, context.nlp).sentences;
  // A table row is read cell by cell ("Cloud migration | Survey processing | Decommission cluster").
  if (row) {
    const cells = sentences.filter((x) => /\p{L}/u.test(x.text));
    return cells.length > 0 && cells.every(isActionLed);
  }
  return sentences.length === 1 && isActionLed(sentences[0] as Sentence);
}

/** A short entry that reads as a project: "Migrate CI", "Modern tills"; not "Etcd should be easy to operate." */
function isProject(context: RuleContext, m: Match): boolean {
  return m.text.split(/\s+/).length <= MAX_PROJECT_WORDS && !isNotAnItem(m.text) && actionLed(context, m);
}

const COMMITS = new Set(['will', 'shall', "'ll", '’ll']);

/** Short entries, or list items that are each one command: a numbered list of initiatives. */
function projectsOrCommands(context: RuleContext, items: Match[]): boolean {
  if (items.every((m) => isProject(context, m))) return true;
  return items.every((m) => {
    if (m.text.split(/\s+/).length > MAX_COMMAND_WORDS || isNotAnItem(m.text)) return false;
    const sentences = analyse(context.doc.text, m, context.nlp).sentences;
    const sentence = sentences[0];
    // A command, or a commitment ("The data team will retire the nightly batch in Q3").
    return sentences.length === 1 && sentence !== undefined && (isImperativeOrRequest(sentence) || (sentence.tokens.some((t) => COMMITS.has(t.lower)) && isActionLed(sentence)));
  });
}

/**
 * The projects: the actions section's entries when there is one; otherwise list items outside
 * the anti-scope and metrics (which are lists too, but not of projects); otherwise short
 * one-per-line entries under some other label ("Our plan for the year:").
 */
function projectItems(context: RuleContext): Match[] {
  const { doc } = context;
  // A section taken for the actions is a project list only when its entries are led by actions:
  // goal statements ("Etcd should be easy to operate.") and diagnosis ("Currently, there are
  // many steps ...") under a heading that reads like one are not projects.
  const listed = context.view('actions')?.entries() ?? [];
  const led = listed.filter((m) => !isNotAnItem(m.text) && actionLed(context, m, m.kind === 'row'));
  if (led.length && led.length * 2 >= listed.length) return led;
  const keyed = doc.sections.filter((s) => s.key && s.key !== 'actions');
  const elsewhere = (b: Span) => !keyed.some((s) => s.span.start <= b.start && b.end <= s.span.end);
  const roadmap = ROADMAP_TITLE.test(titleOf(doc) ?? '');
  const lists = doc.blocks.filter((b) => b.type === 'list' && elsewhere(b) && !reasoned(context, b)).map((b) => (b.children ?? []).map((item) => (roadmap ? linkText(itemContent(doc.plain, item)) : itemContent(doc.plain, item))));
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
  if (leads.length >= 2 && leads.length * 2 > paragraphs.length && leads.every((m) => isProject(context, m))) return leads;
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
    if (own.length >= 2 && own.every((m) => isProject(context, m))) return own;
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

/** When a row is planned for, as the whole cell: a quarter, half, month, phase or milestone ("Q1", "H2 2026", "Phase 2", "Ongoing"); not a date or a time of day (an incident timeline). */
const PERIOD =
  /^\W*(?:(?:Q[1-4]|H[12]|FY\s?\d{2,4}|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:phase|stage|step|sprint|milestone|wave|release)\s*\d+|now|next|later|ongoing|continuous|throughout|all year|year-round|tbd)(?:\s*(?:[\u2013\u2014/-]|to)\s*(?:Q[1-4]|H[12]))?(?:\s+(?:19|20)\d\d)?)\W*$/i;

/** A header cell that names a period: a quarter or half as PERIOD reads it, or a bare year ("2027"). */
const PERIOD_HEADER = (text: string) => PERIOD.test(text) || /^\W*(?:FY\s?)?(?:19|20)\d\d\W*$/i.test(text);
/** A header that names the work in its column: "Initiative", "Deliverable", "What ships". */
const WORK_HEADER = /\b(?:initiatives?|deliverables?|projects?|milestones?|outcomes?|what|work|items?|epics?|features?)\b/i;

/**
 * The deliverables of a timeline table: one row per period (a column whose every cell is a
 * quarter, month or phase, wherever it stands) and the work in the column its header names, or
 * the first other column; or periods across the header ("| Priority | 2026 | 2027 |") and the
 * work in each row's first cell.
 */
function timelineRows(table: Block): Match[] {
  const rows = table.rows ?? [];
  if (rows.length < 2) return [];
  const header = table.header?.cells ?? [];
  const cell = (c: TableCell | undefined): Match | undefined => (c && /\p{L}/u.test(c.text) ? { start: c.start, end: c.end, text: c.text.trim() } : undefined);
  const width = Math.max(...rows.map((r) => r.cells.length));
  const when = [...Array(width).keys()].find((k) => rows.every((r) => PERIOD.test(r.cells[k]?.text ?? '')));
  if (when !== undefined) {
    const named = header.findIndex((h, k) => k !== when && WORK_HEADER.test(h.text));
    const out = rows.flatMap((r) => cell(named !== -1 ? r.cells[named] : r.cells.find((c, k) => k !== when && /\p{L}/u.test(c.text))) ?? []);
    return out.length === rows.length ? out : [];
  }
  if (header.slice(1).filter((h) => PERIOD_HEADER(h.text)).length >= 2) {
    const out = rows.flatMap((r) => cell(r.cells[0]) ?? []);
    return out.length === rows.length ? out : [];
  }
  return [];
}

/** A document that calls itself a roadmap or a plan: its linked items name the work ("[API docs improvements](issue)"). */
const ROADMAP_TITLE = /\b(?:road\s?-?maps?|plans?|initiatives|priorities|backlog|deliverables)\b/i;

/** A list item that is one link: its text, where the link names a piece of work. */
function linkText(m: Match): Match {
  const link = /^\[([^\]\n]{2,80})\]\([^)\s]*\)\s*$/.exec(m.text);
  if (!link) return m;
  const text = (link[1] as string).trim();
  const start = m.start + m.text.indexOf(text);
  return { start, end: start + text.length, text };
}

/** Sentences of reasoning around a list that make it the actions of an argument, not a roadmap. */
const MIN_REASONING = 3;

/**
 * Whether the list stands under its own reasoning: its section's paragraphs argue (a diagnosis
 * in other words: "Etcd's strong points are ... However, its storage is not as strong."), so
 * the list is what follows from them. Lead-ins ("How?", "Our plan:") and commands do not argue.
 */
function reasoned(context: RuleContext, list: Block): boolean {
  const { doc } = context;
  // The heading the list stands under: a lead-in label ("How?") is part of it.
  const home = doc.sections.filter((s) => s.style === 'heading' && s.span.start <= list.start && list.end <= s.span.end).at(-1);
  if (!home) return false;
  const under = doc.sections.filter((s) => s.style !== 'heading' && home.span.start <= s.span.start && s.span.end <= home.span.end && !s.key);
  let count = 0;
  for (const b of [home, ...under].flatMap((s) => s.blocks)) {
    if (b.type !== 'paragraph') continue;
    for (const sentence of analyse(doc.text, b, context.nlp).sentences) {
      if (/[?:]\W*$/.test(sentence.text) || isActionLed(sentence)) continue;
      if (++count >= MIN_REASONING) return true;
    }
  }
  return false;
}
