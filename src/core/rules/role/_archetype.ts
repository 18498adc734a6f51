// Where a role memo states its primary archetype, and which archetypes it names there.
// Shared by role/multiple-primary and role/no-primary.
import { lexicon } from '../../lexicon/index.ts';
import { normalizeTitle } from '../../kinds/detect.ts';
import type { Doc, Section, Span } from '../../model/types.ts';
import { lineStartAt } from '../../model/positions.ts';
import { findAll, type Match } from '../util.ts';
import { ownSpan } from '../units.ts';

export interface PrimaryReading {
  /** The part of the memo that states the primary archetype. */
  where: Section;
  /** Archetype names that count as primary, each with its canonical id. */
  named: (Match & { id: string })[];
  /** "all of them", "every archetype": a claim to all archetypes at once. */
  all: Match[];
}

const NOT_PRIMARY_TITLE = /\b(?:secondar\w*|not|non|later|future|backup|occasional\w*|tertiary|also)\b/;
const PRIMARY_TITLE = /^(?:primary(?: archetype| role)?|archetype \(primary\)|main archetype)$/;
/** A clause with one of these words is not about the primary archetype. */
const NOT_PRIMARY = /\b(?:secondar\w*|not|no longer|never|later|occasional\w*|sometimes|backup|formerly|previously|future|partner\w*|works? with|reports? to|instead of|rather than)\b/i;
/** An archetype named after these words is someone else ("with the tech lead of each team"). */
const SOMEONE_ELSE = /\b(?:(?:with|to|for|from|by|under|alongside)\s+(?:the|each|every|our|their|other|a)?\s*|(?:each|every|other|their|our|team's|teams')\s+)$/i;
const ALL = /\b(?:all (?:of them|four|of the above|archetypes|the archetypes|roles|of these)|every archetype|each archetype|a bit of everything|whatever (?:is needed|it takes))\b/gi;

/** The primary archetype statement: a `Primary:` field or label, else the archetype section's own lines. */
export function readPrimary(doc: Doc, archetype: Section | undefined): PrimaryReading | undefined {
  const field = doc.sections.find((s) => s.style !== 'heading' && PRIMARY_TITLE.test(normalizeTitle(s.title)));
  if (field) return read(doc, field, field.contentSpan, false);
  if (!archetype) return undefined;
  const own = ownSpan(doc, archetype);
  if (PRIMARY_TITLE.test(normalizeTitle(archetype.title))) return read(doc, archetype, own, false);
  // The section's own text, up to a `Secondary:` / `Not currently:` sub-section.
  const index = doc.sections.indexOf(archetype);
  const child = doc.sections.find((s, i) => i > index && s.parent === index && NOT_PRIMARY_TITLE.test(normalizeTitle(s.title)));
  const end = child ? Math.min(lineStartAt(doc.lineStarts, child.titleSpan.start), own.end) : own.end;
  return read(doc, archetype, { start: own.start, end: Math.max(own.start, end) }, true);
}

function read(doc: Doc, where: Section, span: Span, clausesOnly: boolean): PrimaryReading {
  const named: (Match & { id: string })[] = [];
  for (const clause of clauses(doc, span)) {
    if (clausesOnly && NOT_PRIMARY.test(clause.text)) continue;
    for (const m of findAll(doc, clause, lexicon('archetypes'))) {
      if (SOMEONE_ELSE.test(doc.text.slice(Math.max(clause.start, m.start - 16), m.start))) continue;
      const re = lexicon('archetypes');
      const groups = re.exec(m.text)?.groups ?? {};
      const id = Object.keys(groups).find((k) => groups[k] !== undefined);
      if (id) named.push({ ...m, id });
    }
  }
  return { where, named, all: findAll(doc, span, ALL) };
}

/** Clauses split at , ; ( and line breaks, so "architect (primary), tech lead (secondary)" reads as two. */
function clauses(doc: Doc, span: Span): Match[] {
  const out: Match[] = [];
  const text = doc.text.slice(span.start, span.end);
  for (const m of text.matchAll(/[^,;\n.]+(?:\([^)\n]*\))?/g)) {
    if (/\w/.test(m[0])) out.push({ start: span.start + m.index, end: span.start + m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** Distinct archetype ids, in order of first mention. */
export function distinct(named: PrimaryReading['named']): PrimaryReading['named'] {
  const seen = new Set<string>();
  return named.filter((n) => !seen.has(n.id) && seen.add(n.id));
}
