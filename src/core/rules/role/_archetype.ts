// Which archetypes a role memo claims as primary. Memos designate archetypes with markers
// ("Primary:", "Secondary —", "not currently:", "primary is"), as section titles or inline, and
// often several in one paragraph ("Primary: architect. Secondary: tech lead. Not currently:
// solver."). A marker governs the text up to the next marker or the end of its list item or
// paragraph; only what a primary marker governs is the primary claim.
// Shared by role/multiple-primary and role/no-primary.
import { lexicon } from '../../lexicon/index.ts';
import { normalizeTitle } from '../../kinds/detect.ts';
import type { Doc, Span } from '../../model/types.ts';
import type { SectionView } from '../../query/section-view.ts';
import type { Match } from '../../text/match.ts';
import type { RuleContext } from '../define.ts';

export interface PrimaryReading {
  /** The part of the memo that states the primary archetype. */
  where: SectionView;
  /** Archetype names that count as primary, each with its canonical id. */
  named: (Match & { id: string })[];
  /** "all of them", "every archetype": a claim to all archetypes at once. */
  all: Match[];
  /** Whether the memo wrote anything there at all (an empty section is structure/empty-section's finding). */
  filled: boolean;
}

type Designation = 'primary' | 'other' | 'none';

/** A designation word, then a separator (`:`, a dash, `|` in a table, or "is"/"are"). */
const MARKER =
  /(?<![\w-])(primary|main|secondary|tertiary|later|backup|occasional(?:ly)?|not(?: currently| now| yet| for now| this (?:quarter|half|year|season|cycle))?|no longer|formerly|previously)(?:\s+(?:archetype|role))?(?:\s*\([^)\n]*\))?(?:[*_]*\s*[:—–|]|\s+-\s|\s+(?:is|are)\b)/gi;
const TITLE = /^(primary|main|secondary|tertiary|later|backup|occasional|not currently|not now|not yet|not for now)(?: archetype| role)?(?: \(.*\))?$|^archetype \((primary|secondary)\)$/;
/** A clause with one of these words is not a primary claim ("not the solver", "rather than TL"). */
const NOT_PRIMARY =
  /\b(?:secondar\w*|not|no longer|never|later|occasional\w*|sometimes|backup|formerly|previously|future|partner\w*|works? with|reports? to|instead of|rather than|takes? over|hand(?:s|ing|ed)? (?:it |this )?(?:over|off|back))\b/i;
/** Without any marker, these also say the archetype is not the main one ("also TL until June", "a smaller part of my time goes to ... architect"). */
const NOT_PRIMARY_UNMARKED = /\b(?:also|until|after|once|then|(?:a )?(?:smaller|small|minor|lesser) (?:part|share|slice|portion|hat)|(?:some|part) of my (?:time|week)|on the side)\b/i;
/** An archetype named after these words is someone else ("with the tech lead of each team", "its tech lead"). */
const SOMEONE_ELSE = /(?:\b(?:with|to|for|from|by|under|alongside)\s+(?:the|each|every|our|their|other|a)?\s*|\b(?:each|every|other|their|our|its|his|her|whose)\s+|\w['’]s\s+)$/i;
/**
 * Primacy said in prose: "I'll be primarily the architect", "mainly a solver"; and a second
 * primary beside it: "and, equally, the team's tech lead", "in equal measure", "co-primary".
 */
const PROSE_PRIMARY = /(?<![\w-])(?:primarily|mainly|chiefly|predominantly|first and foremost|equally|in equal measure|on an equal footing|just as much|co-?primary|jointly)(?![\w-])/gi;
/** "be the team's tech lead", "and, equally, the group's architect": the writer's role in a group, not someone else's ("each team's tech lead"). */
/** The markers of PROSE_PRIMARY that put a second primary beside one already claimed. */
const EQUAL = /^(?:equally|in equal measure|on an equal footing|just as much|co-?primary|jointly)$/i;
/** A sentence whose subject is the writer: "I" within its first few words ("After the reorg I'm the architect"). */
const WRITER_FIRST = /^\W*(?:[\w’'-]+\s+){0,5}?i(?:['’]m|['’]ll| am| will| have| remain| act)?\b/i;
const OWN_GROUP = /\b(?:be|am|is|'m|as|being|become|remain|and|also|equally)[\s,]+(?:the|my|our)\s+(?:team|group|squad|programme|program|project|platform|department|org|organi[sz]ation|migration|tribe|chapter)['’]s\s+$/i;
const ALL = /\b(?:all (?:of them|four|of the above|archetypes|the archetypes|roles|of these)|every archetype|each archetype|a bit of everything|whatever (?:is needed|it takes))\b/gi;

interface Segment extends Span {
  designation: Designation;
}

/** The primary archetype claims of a memo: its archetype section and any `Primary:` / `Secondary:` sections. */
export function readPrimary(context: RuleContext): PrimaryReading | undefined {
  const { doc } = context;
  const regions: { view: SectionView; designation: Designation }[] = [];
  const archetype = context.view('archetype');
  if (archetype) regions.push({ view: archetype, designation: titleDesignation(archetype.title) });
  const inside = (at: number) => regions.some((r) => r.view.spans.some((s) => at >= s.start && at < s.end));
  for (const s of doc.sections) {
    const designation = titleDesignation(s.title);
    if (designation !== 'none' && s !== archetype?.section && !inside(s.titleSpan.start)) regions.push({ view: context.viewOf(s), designation });
  }
  if (regions.length === 0) return undefined;
  const segments = regions.flatMap((r) => segmentsOf(doc, r.view, r.designation));
  const explicit = segments.some((s) => s.designation === 'primary');
  const counted = segments.filter((s) => s.designation === (explicit ? 'primary' : 'none'));
  const named: PrimaryReading['named'] = [];
  const all: Match[] = [];
  const archetypes = lexicon('archetypes');
  for (const segment of counted) {
    for (const clause of clauses(doc, segment)) {
      if (NOT_PRIMARY.test(clause.text) || (!explicit && NOT_PRIMARY_UNMARKED.test(clause.text))) continue;
      for (const m of matches(clause, archetypes)) {
        const before = doc.plain.slice(Math.max(clause.start, m.start - 16), m.start);
        if (SOMEONE_ELSE.test(before) && !OWN_GROUP.test(doc.plain.slice(Math.max(segment.start - 12, m.start - 40), m.start))) continue;
        archetypes.lastIndex = 0;
        const groups = archetypes.exec(m.text)?.groups ?? {};
        const id = Object.keys(groups).find((k) => groups[k] !== undefined);
        if (id) named.push({ ...m, id });
      }
      all.push(...matches(clause, ALL));
    }
  }
  const where = (regions.find((r) => r.designation === 'primary') ?? regions[0]!).view;
  const filled = regions.some((r) => !r.view.isEmpty());
  return { where, named, all, filled };
}

function titleDesignation(title: string): Designation {
  const m = TITLE.exec(normalizeTitle(title));
  if (!m) return 'none';
  return /^(?:primary|main)$/.test(m[1] ?? m[2] ?? '') ? 'primary' : 'other';
}

/** The view split at designation markers; each list item, table row or paragraph starts with the section's designation. */
function segmentsOf(doc: Doc, view: SectionView, initial: Designation): Segment[] {
  const out: Segment[] = [];
  for (const unit of unitsOf(view)) {
    // A table row with a designation cell ("| Architect | Primary |"): the cell designates the row.
    const cells = 'cells' in unit ? (unit as Row).cells : undefined;
    const designated = cells?.map((c) => cellDesignation(c.text)).find((d) => d !== 'none');
    if (designated) {
      out.push({ start: unit.start, end: unit.end, designation: designated });
      continue;
    }
    const text = doc.plain.slice(unit.start, unit.end);
    let at = unit.start;
    let designation = initial;
    const markers = [...text.matchAll(MARKER)].map((m) => ({ index: m.index, length: m[0].length, primary: /^(?:primary|main)$/i.test(m[1]!), equal: false }));
    for (const m of text.matchAll(PROSE_PRIMARY)) if (!markers.some((k) => k.index <= m.index && m.index < k.index + k.length)) markers.push({ index: m.index, length: m[0].length, primary: true, equal: EQUAL.test(m[0]) });
    markers.sort((a, b) => a.index - b.index);
    for (const m of markers) {
      const start = unit.start + m.index;
      // "I'm the architect for X, and I'm equally the tech lead of Y": the claim the writer's
      // sentence makes before "equally" is a primary too ("Mina is the tech lead, and I'm equally
      // the architect" claims one).
      const sentence = m.equal && designation === 'none' && start > at ? Math.max(at, sentenceStart(text, m.index, at - unit.start) + unit.start) : -1;
      if (sentence !== -1 && WRITER_FIRST.test(doc.plain.slice(sentence, start))) {
        if (sentence > at) out.push({ start: at, end: sentence, designation });
        out.push({ start: sentence, end: start, designation: 'primary' });
      } else if (start > at) out.push({ start: at, end: start, designation });
      designation = m.primary ? 'primary' : 'other';
      at = start + m.length;
    }
    if (unit.end > at) out.push({ start: at, end: unit.end, designation });
  }
  return out;
}

/** Where the sentence holding `text[index]` starts (not before `from`): after the last `. `, `! ` or `? ` before it. */
function sentenceStart(text: string, index: number, from: number): number {
  let start = from;
  for (const m of text.slice(from, index).matchAll(/[.!?]\s+/g)) start = from + m.index + m[0].length;
  return start;
}

type Row = Span & { cells: { text: string }[] };

/** A cell that is only a designation ("Primary", "**Not currently**", "Secondary (from June)"). */
function cellDesignation(text: string): Designation {
  const t = normalizeTitle(text).replace(/\s*\([^)]*\)$/, '');
  if (/^(?:primary|main)(?: archetype| role)?$/.test(t)) return 'primary';
  return /^(?:secondary|tertiary|later|backup|occasional(?:ly)?|no|none|not(?: currently| now| yet| for now| this (?:quarter|half|year))?|no longer|formerly|previously)$/.test(t) ? 'other' : 'none';
}

/** Top-level list items, table rows and paragraphs of a view; code and HTML left out. */
function unitsOf(view: SectionView): Span[] {
  return view.blocks.flatMap((b): Span[] => {
    if (b.type === 'list') return b.children ?? [];
    if (b.type === 'table') return b.rows ?? [];
    return b.type === 'paragraph' || b.type === 'quote' || b.type === 'heading' ? [b] : [];
  });
}

/**
 * Clauses split at , ; . and line breaks, keeping a trailing parenthesis: "architect (primary), tech lead (secondary)" is two.
 * A line that goes on in lower case is the same sentence wrapped ("solver work, not\ntech lead work").
 */
function clauses(doc: Doc, span: Span): Match[] {
  const out: Match[] = [];
  const text = doc.plain.slice(span.start, span.end);
  for (const m of text.matchAll(/(?:[^,;\n.]|\.(?=\w)|\n(?=[ \t]*\p{Ll}))+(?:\([^)\n]*\))?/gu)) {
    if (/\w/.test(m[0])) out.push({ start: span.start + m.index, end: span.start + m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** Matches of a global regex in a clause. */
function matches(clause: Match, re: RegExp): Match[] {
  const out: Match[] = [];
  re.lastIndex = 0;
  for (const m of clause.text.matchAll(re)) {
    out.push({ start: clause.start + m.index, end: clause.start + m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** Distinct archetype ids, in order of first mention. */
export function distinct(named: PrimaryReading['named']): PrimaryReading['named'] {
  const seen = new Set<string>();
  return named.filter((n) => !seen.has(n.id) && seen.add(n.id));
}
