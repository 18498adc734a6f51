// What the strategy, role and growth rules read: the entries of a section as a reader sees
// them, and the terms two sections share. util.ts `entries` splits prose at every line break,
// which cuts hard-wrapped sentences in two; `units` keeps a wrapped sentence whole.
import { lexicon } from '../lexicon/index.ts';
import type { Block, Doc, Section, Span } from '../model/types.ts';
import { lineStartAt } from '../model/positions.ts';
import { contentWords, findAll, hasDate, hasNumber, itemContent, SENTENCE, stem, type Match } from './util.ts';

/** Lines this short, with nothing that reads as a wrap, are one entry each (the module's label style). */
const MAX_ENTRY_LINE = 72;
const WRAPPED = /(?:[,(]|\b(?:and|or|the|a|an|to|of|for|with|in|on|at|by|from|that|is|are|but))$/i;

/** A tradeoff table (`| Choice | Gain | Cost |`) weighs options; its rows are not entries of the section above it. */
const TRADEOFF_HEADER = /\b(?:gains?|costs?|risks?|leverage|pros?|cons?|trade-?offs?|downsides?|upsides?)\b/i;

// Sections are new objects on every parse, so a section's units can be kept with it: many
// rules read the same sections' units on every keystroke.
const unitCache = new WeakMap<Section, Match[]>();

/** List items, table rows, one-per-line entries, or sentences of prose, inside the section. */
export function units(doc: Doc, section: Section): Match[] {
  let cached = unitCache.get(section);
  if (!cached) {
    cached = computeUnits(doc, section);
    unitCache.set(section, cached);
  }
  return cached;
}

function computeUnits(doc: Doc, section: Section): Match[] {
  const out: Match[] = [];
  const { start, end } = ownSpan(doc, section);
  for (const b of section.blocks) {
    const s = Math.max(b.start, start);
    const e = Math.min(b.end, end);
    if (e <= s) continue;
    if (b.type === 'list') {
      for (const item of b.children ?? []) if (item.start >= s && item.end <= e) push(out, leadOf(doc, item));
    } else if (b.type === 'table' && !TRADEOFF_HEADER.test(b.header?.cells.map((c) => c.text).join(' ') ?? '')) {
      for (const row of b.rows ?? []) {
        if (row.start < s || row.end > e) continue;
        const cells = row.cells.filter((c) => c.text);
        if (cells.length) out.push({ start: row.start, end: row.end, text: cells.map((c) => c.text).join('; ') });
      }
    } else if (b.type === 'paragraph' || b.type === 'quote') {
      out.push(...paragraphUnits(doc, { start: s, end: e }));
    }
  }
  return out;
}

/** A list item's own text, without the nested list or paragraphs under it. */
function leadOf(doc: Doc, item: Block): Match {
  const m = itemContent(doc, item);
  const first = item.children?.[0];
  if (!first || first.type !== 'paragraph' || first.end >= m.end) return m;
  const end = Math.max(m.start, first.end);
  return { start: m.start, end, text: doc.text.slice(m.start, end).replace(/\s*\n\s*/g, ' ') };
}

/**
 * A section's content without the kind's other sections nested in it: `**Stakeholders:** ...`
 * written after a `Weekly allocation:` label is parsed as a field inside it, but is not part of it.
 */
export function ownSpan(doc: Doc, section: Section): Span {
  const { start, end } = section.contentSpan;
  const i = doc.sections.indexOf(section);
  const inner = doc.sections.find((s, j) => j > i && s.key && s.titleSpan.start >= start && s.titleSpan.start < end);
  if (!inner) return section.contentSpan;
  const cut = lineStartAt(doc.lineStarts, inner.titleSpan.start);
  return { start, end: Math.max(start, cut) };
}

function push(out: Match[], m: Match): void {
  if (/\w/.test(m.text)) out.push(m);
}

function paragraphUnits(doc: Doc, span: Span): Match[] {
  const lines: Match[] = [];
  let pos = span.start;
  for (const raw of doc.text.slice(span.start, span.end).split('\n')) {
    const lead = /^[\s>]*(?:[-*+]\s+|\d+[.)]\s+)?/.exec(raw)?.[0].length ?? 0;
    const body = raw.slice(lead).replace(/\s+$/, '');
    if (/\w/.test(body)) lines.push({ start: pos + lead, end: pos + lead + body.length, text: body });
    pos += raw.length + 1;
  }
  const oneEach =
    lines.length > 1 && lines.every((l) => l.text.length <= MAX_ENTRY_LINE && !WRAPPED.test(l.text) && !/[.!?]\s+\S/.test(l.text));
  if (oneEach) return lines;
  const out: Match[] = [];
  const text = doc.text.slice(span.start, span.end);
  for (const m of text.matchAll(SENTENCE)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    const at = span.start + m.index + lead;
    push(out, { start: at, end: at + body.length, text: body.replace(/\s*\n\s*/g, ' ') });
  }
  return out;
}

/** The prose text of a section, with its entries joined by newlines (empty when absent). */
export function unitText(doc: Doc, section: Section | undefined): string {
  return section ? units(doc, section).map((u) => u.text).join('\n') : '';
}

/** True when the section has any words in it. */
export function filled(doc: Doc, section: Section | undefined): section is Section {
  return section !== undefined && units(doc, section).length > 0;
}

/**
 * The terms a text is about, for tracing one section to another: stemmed content words
 * (generic ones such as "improve" or "platform" left out), two-letter acronyms ("CI"), and the
 * names of the related-terms groups it mentions ("flaky" and "CI" both give `#ci`), unless
 * `related` is false (for "says the same thing", where a shared topic is not enough).
 */
export function terms(text: string, related = true): ReadonlySet<string> {
  // The same entries are traced by several rules, and again on every keystroke with one of
  // them changed: the terms are a pure function of the text, so a bounded memo serves them.
  const key = `${related ? 1 : 0}${text}`;
  let out = termCache.get(key);
  if (!out) {
    out = computeTerms(text, related);
    if (termCache.size >= MAX_TERM_CACHE) termCache.clear();
    termCache.set(key, out);
  }
  return out;
}

const termCache = new Map<string, ReadonlySet<string>>();
const MAX_TERM_CACHE = 5_000;

function computeTerms(text: string, related: boolean): Set<string> {
  const out = contentWords(text.replace(lexicon('trace-generic'), ' '));
  for (const m of text.matchAll(/\b[A-Z][A-Z0-9]\b/g)) out.add(m[0].toLowerCase());
  if (!related) return out;
  for (const m of text.matchAll(lexicon('related-terms'))) {
    const groups = m.groups ?? {};
    for (const name in groups) if (groups[name]) out.add(`#${name}`);
  }
  return out;
}

/** The terms `a` shares with `b`, readable (group names without their `#`). */
export function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((t) => b.has(t)).map((t) => t.replace(/^#/, ''));
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*';
const DATE_TOKENS = new RegExp(`\\b(?:[QH][1-4]|(?:19|20)\\d\\d|\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?|\\d{1,2}(?:st|nd|rd|th)? ${MONTH}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?)\\b`, 'gi');

/** A number that is a target, not part of a date ("Q3", "30 June", "2027" do not count). */
export function hasTarget(text: string): boolean {
  return hasNumber(text.replace(DATE_TOKENS, ' '));
}

/** util.ts `hasDate`, without reading the modal "may" ("Sam may present") as the month. */
export function hasDateStrict(text: string): boolean {
  if (/\b(?:next|this|end of(?: the)?) year\b|\bin (?:\w+ )?(?:weeks?|months?|quarters?)\b/i.test(text)) return true;
  return hasDate(text.replace(/\bmay\b(?!\s+\d)/gi, (m, at: number) => (/(?:\d|\b(?:in|by|of|early|mid|late|end of))\s*$/i.test(text.slice(Math.max(0, at - 12), at)) ? m : '')));
}

/** Lexicon matches in a span that no negation ("not", "never", "no") governs. */
export function affirmed(doc: Doc, span: Span, name: string): Match[] {
  return findAll(doc, span, lexicon(name)).filter((m) => !/\b(?:not|never|no|n't|without|nor)\s+(?:\S+\s+)?$/i.test(doc.text.slice(Math.max(span.start, m.start - 24), m.start)));
}

/** `a`, `b` and `c` quoted in backticks, at most `max` of them. */
export function quoted(words: readonly string[], max = 4): string {
  const unique = [...new Set(words)];
  const shown = unique.slice(0, max).map((w) => `\`${w}\``);
  return shown.join(', ') + (unique.length > max ? ', ...' : '');
}

/** True when every word of `text` is a "nothing excluded" phrase ("None for now.", "N/A"). */
export function saysNothing(text: string): boolean {
  return text.replace(lexicon('empty-scope'), '').replace(/\b(?:for now|yet|at the moment|currently|so far)\b/gi, '').replace(/[\W_]/g, '') === '';
}

/**
 * The words of an entry that say what an exclusion excludes, or none: all of the entry's words
 * are in the exclusion, or it shares two of them. Topic groups are left out: "deploy pipeline"
 * and "lead time" share a topic, not a claim.
 */
export function restates(entry: string, exclusion: Exclusion, own = terms(entry, false)): string[] {
  const other = exclusion.terms;
  const common = new Set(shared(own, other));
  if (!(common.size >= 2 || (own.size > 0 && common.size === own.size))) return [];
  // The entry's own words, not their stems, so the learner sees what matched.
  const words = (entry.match(/[A-Za-z][A-Za-z0-9-]+/g) ?? []).filter((w) => common.has(w.length === 2 ? w.toLowerCase() : stem(w.toLowerCase())));
  return [...new Set(words)];
}

const CONDITION = /\b(?:until|unless|before|once|as long as|so long as|while|except|if|when|after)\b/i;

export interface Exclusion extends Match {
  /** Its terms, computed once: every entry is compared with every exclusion. */
  terms: ReadonlySet<string>;
}

/** Entries split further at ";" and ",", for lists written on one line ("a; b; c"). */
export function clauses(doc: Doc, entries: Match[]): Exclusion[] {
  return entries.flatMap((e) => {
    const out: Exclusion[] = [];
    for (const m of doc.text.slice(e.start, e.end).matchAll(/[^;,]+/g)) {
      const lead = m[0].length - m[0].trimStart().length;
      const body = m[0].trim();
      if (!/\w/.test(body)) continue;
      const text = body.replace(/\s+/g, ' ');
      // "No upgrade until lead time is below 1 day": what follows `until` is the condition for
      // lifting the exclusion, not something excluded.
      const excluded = text.split(CONDITION)[0] ?? text;
      out.push({ start: e.start + m.index + lead, end: e.start + m.index + lead + body.length, text, terms: terms(excluded, false) });
    }
    return out;
  });
}
