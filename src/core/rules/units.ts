// What the strategy, role and growth rules read: the entries of a section as a reader sees
// them, and the terms two sections share. Deprecated wrappers over the section view
// (context.view(id).entries(), .terms(), .find(name, { affirmed: true })) while the rules move over.
import { lexicon } from '../lexicon/index.ts';
import type { Doc, Section, Span } from '../model/types.ts';
import { readSpans } from '../query/doc-query.ts';
import { SectionView } from '../query/section-view.ts';
import { splitClauses } from '../text/clauses.ts';
import type { Match } from '../text/match.ts';
import { termsOf } from '../text/words.ts';
import { findAll, hasDate, hasNumber, stem } from './util.ts';

/** A one-off view (no memo across calls); rules should use context.view(id). */
function viewOf(doc: Doc, section: Section): SectionView {
  return new SectionView(doc, section, readSpans(doc, section));
}

/** List items, table rows, one-per-line entries, or sentences of prose, that the section owns. */
export function units(doc: Doc, section: Section): Match[] {
  return viewOf(doc, section).entries();
}

/** The first stretch of content the section owns (the kind's other sections nested in it are theirs). */
export function ownSpan(doc: Doc, section: Section): Span {
  return readSpans(doc, section)[0] ?? section.own;
}

function push(out: Match[], m: Match): void {
  if (/\w/.test(m.text)) out.push(m);
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
  return termsOf(text, related);
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

/** Entries split further at ";" "," and line breaks, for lists written on one line ("a; b; c"). */
export function clauses(doc: Doc, entries: Match[]): Exclusion[] {
  return entries.flatMap((e) =>
    splitClauses(doc.plain, e).map((c) => {
      // "No upgrade until lead time is below 1 day": what follows `until` is the condition for
      // lifting the exclusion, not something excluded.
      const excluded = c.text.split(CONDITION)[0] ?? c.text;
      return { ...c, terms: terms(excluded, false) };
    }),
  );
}
