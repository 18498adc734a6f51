// What structure/required-section and structure/unrecognised-section share: which required
// sections a document lacks, and which of its unrecognised headings could be each of them.
// One rule, one severity: the error only when nothing in the document could be the section.
// A heading is at most one section, so five missing sections and one unknown heading are at
// least four errors.
import type { KindDef, SectionDef } from '../../course/schema.ts';
import { impliedSections, nameHeads, sectionKeyOf, sectionTokens, unrecognisedSections } from '../../kinds/detect.ts';
import { stem } from '../../kinds/normalise.ts';
import { lexicon } from '../../lexicon/index.ts';
import { analyse, negatedAt } from '../../nlp/index.ts';
import type { Doc, Section, Span } from '../../model/types.ts';
import type { Match } from '../../text/match.ts';
import { splitSentences } from '../../text/sentences.ts';
import type { RuleContext } from '../define.ts';

/** The kind's required sections the document has under no recognised name (nor implied, as by a Y-statement). */
export function missingSections(context: RuleContext): SectionDef[] {
  const { doc, kind } = context;
  if (!kind) return [];
  const implied = impliedSections(doc, kind, context.kindSource);
  return kind.sections.filter((def) => def.required && !context.section(def.id) && !implied.has(def.id));
}

// Words too common in headings to say which section one is.
const GENERIC = new Set(['what', 'will', 'how', 'who', 'when', 'where', 'why', 'need', 'this', 'that', 'with', 'from', 'your', 'their', 'plan', 'summari', 'note', 'detail', 'overview', 'other', 'more', 'inform'].map((w) => stem(w)));

/** A title longer than this is a sentence ("Explicitly define ... preferably laid out in a GOVERNANCE.md file"): its words name no section. */
const MAX_NAME_WORDS = 12;

/** Unrecognised headings and labels that share the head word of one of `def`'s names ("Risks we see" for "Risk"). */
function lookalikes(doc: Doc, def: SectionDef): Section[] {
  const words = [...nameHeads(def)].filter((t) => t.length >= 4 && !GENERIC.has(t));
  if (!words.length) return [];
  const tokens = sectionTokens(doc);
  return doc.sections.filter((s, i) => {
    const t = tokens[i] ?? [];
    return !s.key && s.style !== 'field' && !(s.style === 'heading' && s.depth === 1) && t.length <= MAX_NAME_WORDS && t.some((w) => words.includes(w));
  });
}

/** The writer's text under a section, its subsections' included (not its title). */
function textOf(doc: Doc, s: Section): string {
  return doc.plain.slice(s.titleSpan.end, s.span.end);
}

/** The distinct words of `def`'s cue lexicon that `text` uses (none: the section has no cues, any text may be it). */
function cueCount(def: SectionDef, text: string): number {
  if (!def.cues) return Number.POSITIVE_INFINITY;
  const words = new Set<string>();
  for (const m of text.matchAll(new RegExp(lexicon(def.cues).source, 'giu'))) words.add(m[0].toLowerCase());
  return words.size;
}

/**
 * Distinct cue words a section outside the outline needs before it is offered as the part: three,
 * and one per this many words of its text, so the text is about the part, not a long page that
 * mentions it in passing.
 */
const PLAYER_CUES = 3;
const WORDS_PER_CUE = 100;

function plays(doc: Doc, def: SectionDef, s: Section): boolean {
  const text = textOf(doc, s);
  const words = text.match(/\p{L}+/gu)?.length ?? 0;
  return cueCount(def, text) >= Math.max(PLAYER_CUES, words / WORDS_PER_CUE);
}

/**
 * Sections anywhere (nested, or fields) whose text plainly plays `def`'s part ("### Responsibilities
 * by each program" that reviews and gives feedback, for a Support): offered only for a part with
 * cues, only when no heading of the outline is left for it.
 */
function players(context: RuleContext, def: SectionDef, taken: ReadonlySet<Section>): Section[] {
  const { doc } = context;
  if (!def.cues) return [];
  return doc.sections.filter((s) => !s.key && !taken.has(s) && !(s.style === 'heading' && s.depth === 1) && plays(doc, def, s) && affirms(context, def, s));
}

/**
 * Whether a section's text says a part that needs its words (`cuesRequired`) without a negation
 * governing them: "there's no need to put it in front of the wider group" keeps the work private,
 * it is no visibility moment. Any text affirms a part that needs no words.
 */
function affirms(context: RuleContext, def: SectionDef, s: Section): boolean {
  if (!def.cues || !def.cuesRequired) return true;
  const found = context.viewOf(s).find(def.cues, { affirmed: true });
  if (!found.length) return false;
  // The tagger reads the negation a phrase list's window misses ("no need to put it in front of").
  const analysis = analyse(context.doc.text, { start: s.titleSpan.end, end: s.span.end }, context.nlp);
  return found.some((m) => !negatedAt(analysis, m.start));
}

/**
 * The headings, labels and fields that could be `def`, most likely first: one that shares the
 * head word of one of its names ("Risks we see" for "Risk", nested ones included), then the
 * unrecognised sections between the recognised ones the kind puts before and after it, then the rest.
 */
export function candidatesFor(context: RuleContext, kind: KindDef, def: SectionDef): Section[] {
  const { like, between, rest } = candidateGroups(context, kind, def);
  return [...like, ...between, ...rest];
}

/**
 * candidatesFor's three groups: lookalikes, the sections in the part's place (`placed`: only when a
 * recognised part bounds that place; with none, the whole document is the place), the rest.
 */
function candidateGroups(context: RuleContext, kind: KindDef, def: SectionDef): { like: Section[]; between: Section[]; rest: Section[]; placed: Section[] } {
  const { doc } = context;
  const like = lookalikes(doc, def);
  const order = kind.sections.map((s) => s.id);
  const at = order.indexOf(def.id);
  const keyed = doc.sections.filter((s) => s.key);
  const before = keyed.filter((s) => order.indexOf(s.key as string) < at).map((s) => s.span.end);
  const after = keyed.filter((s) => order.indexOf(s.key as string) > at).map((s) => s.titleSpan.start);
  const from = before.length ? Math.max(...before) : 0;
  const to = after.length ? Math.min(...after) : doc.text.length;
  const isLike = new Set(like);
  // A part with cues ("Visibility") is offered only headings whose text could say it: "Present:"
  // over a list of attendees is not a visibility moment, and the part is missing.
  const others = unrecognisedSections(doc, kind).filter((s) => !isLike.has(s) && cueCount(def, textOf(doc, s)) >= 1 && affirms(context, def, s));
  const between = others.filter((s) => s.titleSpan.start >= from && s.titleSpan.start < to);
  const isBetween = new Set(between);
  return { like, between, rest: others.filter((s) => !isBetween.has(s)), placed: before.length || after.length ? between : [] };
}

export interface Missing {
  def: SectionDef;
  /** Headings that could be it, most likely first; empty: nothing could be, it is missing. */
  candidates: Section[];
  /**
   * With no heading for it: a paragraph of prose outside every recognised section, where a
   * writer who puts the summary in sentences rather than sections may have said it.
   */
  prose?: Span;
  /**
   * With no heading and no loose prose for it: the first sentence or table row that says the part
   * in words of its own (the section's `says` lexicon), wherever it stands: under a heading that
   * merges two parts, in a closing line, in a row of a table.
   */
  said?: Match;
}

/** Prose enough to hold a section's content: a paragraph of this many words. */
const PROSE_WORDS = 40;

/**
 * The first body paragraph of PROSE_WORDS or more under no section at all (the title aside), in a
 * document that has at least one recognised section: written partly in the kind's parts, partly in
 * sentences. A document with none, all prose, is judged as missing them; prose under a heading
 * ("Background") belongs to that heading.
 */
function looseProse(doc: Doc): Span | undefined {
  if (!doc.sections.some((s) => s.key)) return undefined;
  // Sections and blocks are both in document order: sweep once, keeping the furthest end of the
  // sections begun so far (a block is under a section when that end is past it).
  const holders = doc.sections.filter((s) => !(s.style === 'heading' && s.depth === 1)).sort((a, b) => a.span.start - b.span.start);
  let next = 0;
  let reach = -1;
  for (const b of doc.blocks) {
    while (next < holders.length && (holders[next] as Section).span.start <= b.start) reach = Math.max(reach, (holders[next++] as Section).span.end);
    if (b.type !== 'paragraph' || b.start < doc.body.start) continue;
    if (reach > b.start) continue;
    if ((doc.plain.slice(b.start, b.end).match(/[\p{L}\p{N}][\p{L}\p{N}'\u2019-]*/gu) ?? []).length >= PROSE_WORDS) return { start: b.start, end: b.end };
  }
  return undefined;
}

/**
 * Each missing section with the headings that could be it, each heading given to one section
 * only: the sections it shares a word with first, then the sections in the kind's order.
 */
export function missingWithCandidates(context: RuleContext): Missing[] {
  const { kind } = context;
  if (!kind) return [];
  // Both structure rules ask, once each per check.
  return context.once('structure/_missing', () => computeMissing(context, kind));
}

function computeMissing(context: RuleContext, kind: KindDef): Missing[] {
  const { doc } = context;
  const all = missingSections(context).map((def) => {
    const { like, between, rest, placed } = candidateGroups(context, kind, def);
    return { def, candidates: [...like, ...between, ...rest], like: like.length > 0, placed };
  });
  const taken = new Set<Section>();
  const out = new Map<SectionDef, Section[]>();
  const take = (m: (typeof all)[number]) => {
    let free = m.candidates.filter((s) => !taken.has(s));
    if (!free.length) free = players(context, m.def, taken);
    const first = free[0];
    if (first) taken.add(first);
    out.set(m.def, free);
  };
  for (const m of all) if (m.like) take(m);
  // A heading that stands in the place of one missing part only (between the parts the kind puts
  // before and after it) and says that part in its words goes to it, before the parts earlier in
  // the kind's order take their pick: "What this means for you" after the Plan, asking the reader
  // to sign up by 8 January, is the Ask, though the Decision is missing too.
  const places = new Map<Section, number>();
  for (const m of all) if (!m.like) for (const s of m.placed) places.set(s, (places.get(s) ?? 0) + 1);
  for (const m of all) {
    if (m.like) continue;
    const first = m.candidates.find((s) => !taken.has(s));
    if (first && m.placed.includes(first) && places.get(first) === 1 && saysPart(doc, m.def, first)) take(m);
  }
  for (const m of all) if (!out.has(m.def)) take(m);
  const prose = looseProse(doc);
  return all.map((m) => {
    const candidates = out.get(m.def) ?? [];
    if (candidates.length) return { def: m.def, candidates };
    if (prose && cueCount(m.def, doc.plain.slice(prose.start, prose.end)) >= 1) return { def: m.def, candidates, prose };
    const said = saidIn(doc, kind, m.def);
    return said ? { def: m.def, candidates, said } : { def: m.def, candidates };
  });
}

/** The body's sentences, each list item and table row its own (items and rows seldom end in a full stop), in order. */
function* units(doc: Doc): Generator<Match> {
  for (const b of doc.blocks.flatMap((x) => (x.type === 'list' ? (x.children ?? []) : [x]))) {
    if (b.end <= doc.body.start || b.start >= doc.body.end || b.type === 'heading' || b.type === 'code' || b.type === 'html') continue;
    if (b.type !== 'table') {
      yield* splitSentences(doc.plain, Math.max(b.start, doc.body.start), b.end);
      continue;
    }
    for (const row of [b.header, ...(b.rows ?? [])]) if (row) yield { start: row.start, end: row.end, text: row.cells.map((c) => c.text).join(' | ') };
  }
}

/** Whether a sentence of `s` (its subsections' included) says `def`'s part in the words of its `says` lexicon. */
function saysPart(doc: Doc, def: SectionDef, s: Section): boolean {
  if (!def.says) return false;
  const says = new RegExp(lexicon(def.says).source, 'iu');
  for (const u of units(doc)) {
    if (u.start >= s.span.end) break;
    if (u.start >= s.own.start && says.test(u.text)) return true;
  }
  return false;
}

/** A table row whose first cell is `def`'s name ("| Support from me | weekly review |"): the table carries the part. */
function labelledRow(doc: Doc, kind: KindDef, def: SectionDef): Match | undefined {
  for (const t of doc.tables)
    for (const row of t.rows ?? []) {
      const label = row.cells[0]?.text.trim();
      if (row.cells.length > 1 && label && sectionKeyOf(kind, label) === def.id) return { start: row.start, end: row.end, text: row.cells.map((c) => c.text).join(' | ') };
    }
  return undefined;
}

/**
 * A heading that holds more than one part: it names two ("The decision and what we need", "The
 * problem, and our approach") or the whole in brief ("TL;DR", "Short version", "Summary").
 */
const HOLDS_SEVERAL = /\s(?:and|&)\s|[,/+]|\b(?:summary|tl;?dr|bluf|bottom line|short version|in (?:short|brief|one sentence)|headline)\b/i;

/**
 * Where the body says `def`'s part: a table row named for it, else the first unit its `says`
 * lexicon matches: under another part's heading too ("the ask inside the decision paragraph", "I'll
 * stay out of on-call" under Scope). Not for a part that needs its own words (`cuesRequired`): a
 * Visibility said under another part's heading is that part's ("presents it at the team's design
 * review" under Opportunity is the delegation, not a moment others see), unless the heading holds several.
 */
function saidIn(doc: Doc, kind: KindDef, def: SectionDef): Match | undefined {
  const row = labelledRow(doc, kind, def);
  if (row || !def.says) return row;
  const says = new RegExp(lexicon(def.says).source, 'iu');
  // From the title: a field's first sentence starts at its name ("**What she'll own.** The doc ...").
  const claimed = def.cuesRequired ? doc.sections.filter((s) => s.key && !HOLDS_SEVERAL.test(s.title)).map((s) => ({ start: s.titleSpan.start, end: s.own.end })) : [];
  for (const u of units(doc)) if (!claimed.some((c) => u.start < c.end && u.end > c.start) && says.test(u.text)) return u;
  return undefined;
}

/** "As above", "see the opportunity": the part points at where another part already says it. */
const POINTS_ELSEWHERE = /\b(?:(?:see|as|same as|covered|described|given|listed|named) (?:in |by |under )?(?:the )?(?:above|below|previous|opportunity|delegated|support|review|section|table|timeline)|as per\b|above\b)/i;

/**
 * Required parts whose cues are required (`cuesRequired`) that the document names but does not play: a `Visibility` (or
 * `Recognition`) whose text uses none of the words of a moment where others see the work
 * ("good work speaks for itself; I'll give her feedback", "I'll keep my manager updated in our
 * 1:1s") is the case study's private praise, not a visibility moment. Not when the text points
 * to another part that says it, nor when an unrecognised heading could be the part.
 */
export function unplayedSections(context: RuleContext): { def: SectionDef; section: Section }[] {
  const { kind } = context;
  if (!kind) return [];
  const out: { def: SectionDef; section: Section }[] = [];
  for (const def of kind.sections) {
    if (!def.required || !def.cues || !def.cuesRequired) continue;
    const section = context.section(def.id);
    if (!section) continue;
    const view = context.viewOf(section);
    if (view.isEmpty() || view.find(def.cues, { affirmed: true }).length) continue;
    if (view.match(POINTS_ELSEWHERE).length || candidatesFor(context, kind, def).length) continue;
    out.push({ def, section });
  }
  return out;
}
