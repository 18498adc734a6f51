// What structure/required-section and structure/unrecognised-section share: which required
// sections a document lacks, and which of its unrecognised headings could be each of them.
// One rule, one severity: the error only when nothing in the document could be the section.
import type { KindDef, SectionDef } from '../../course/schema.ts';
import { impliedSections, nameHeads, sectionTokens, unrecognisedSections } from '../../kinds/detect.ts';
import { stem } from '../../kinds/normalise.ts';
import type { Doc, Section } from '../../model/types.ts';
import type { RuleContext } from '../define.ts';

/** The kind's required sections the document has under no recognised name (nor implied, as by a Y-statement). */
export function missingSections(context: RuleContext): SectionDef[] {
  const { doc, kind } = context;
  if (!kind) return [];
  const implied = impliedSections(doc, kind);
  return kind.sections.filter((def) => def.required && !context.section(def.id) && !implied.has(def.id));
}

// Words too common in headings to say which section one is.
const GENERIC = new Set(['what', 'will', 'how', 'who', 'when', 'why', 'need', 'this', 'that', 'with', 'from', 'your', 'their', 'plan', 'summari', 'note', 'detail', 'overview', 'other', 'more', 'inform'].map((w) => stem(w)));

/**
 * The headings, labels and fields that could be `def`, most likely first: one that shares the
 * head word of one of its names ("Risks we see" for "Risk", nested ones included), then the
 * unrecognised sections between the recognised ones the kind puts before and after it, then the rest.
 */
export function candidatesFor(doc: Doc, kind: KindDef, def: SectionDef): Section[] {
  const words = [...nameHeads(def)].filter((t) => t.length >= 4 && !GENERIC.has(t));
  const tokens = sectionTokens(doc);
  const like = words.length
    ? doc.sections.filter((s, i) => !s.key && s.style !== 'field' && !(s.style === 'heading' && s.depth === 1) && (tokens[i] ?? []).some((t) => words.includes(t)))
    : [];
  const order = kind.sections.map((s) => s.id);
  const at = order.indexOf(def.id);
  const keyed = doc.sections.filter((s) => s.key);
  const before = keyed.filter((s) => order.indexOf(s.key as string) < at).map((s) => s.span.end);
  const after = keyed.filter((s) => order.indexOf(s.key as string) > at).map((s) => s.titleSpan.start);
  const from = before.length ? Math.max(...before) : 0;
  const to = after.length ? Math.min(...after) : doc.text.length;
  const others = unrecognisedSections(doc, kind).filter((s) => !like.includes(s));
  const between = others.filter((s) => s.titleSpan.start >= from && s.titleSpan.start < to);
  return [...like, ...between, ...others.filter((s) => !between.includes(s))];
}
