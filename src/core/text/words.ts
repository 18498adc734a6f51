// Words and terms: what cross-section rules compare. Pure functions; the section view memoises
// `terms` per check (there is no module-level cache).
import { lexicon } from '../lexicon/index.ts';

const STOP = new Set(
  (
    'the and for with that this from into onto over under than then they them their there these those what when where which while who whom why how ' +
    'are was were been being have has had not but all any each every our ours your you its his her she him can could should would will shall may might must ' +
    'more most less least very much many such only also just about after before again against between both during other same some own too out off per via ' +
    'one two three new make made use using used get got team teams work'
  ).split(' '),
);

/** A crude stem, enough to match "migrate" with "migration" across sections. */
export function stem(word: string): string {
  return word
    .replace(/(?:ies)$/, 'y')
    .replace(/(?:ing|ed|es|s|ly|ness|ment|ation|ize|ise)$/, '')
    .replace(/(.)\1$/, '$1')
    .slice(0, 7);
}

/** Content words of a text, lower-cased and stemmed, for overlap between sections. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[a-z][a-z0-9-]{2,}/g) ?? []) {
    if (STOP.has(w)) continue;
    out.add(stem(w));
  }
  return out;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Words of a text, with inline code and link targets left out. */
export function wordsOf(text: string): string[] {
  return (
    text
      .replace(/`[^`]*`/g, ' ')
      .replace(/\]\([^)]*\)/g, ' ')
      .match(WORD) ?? []
  );
}

// Built once: `replace` and `matchAll` with a global regex start from the text's beginning and
// leave this one's `lastIndex` as it was.
const TRACE_GENERIC = lexicon('trace-generic');
const RELATED_TERMS = lexicon('related-terms');

/**
 * The terms a text is about, for tracing one section to another: stemmed content words
 * (generic ones such as "improve" or "platform" left out), two-letter acronyms ("CI"), and the
 * names of the related-terms groups it mentions ("flaky" and "CI" both give `#ci`), unless
 * `related` is false (for "says the same thing", where a shared topic is not enough).
 */
export function termsOf(text: string, related = true): Set<string> {
  const out = contentWords(text.replace(TRACE_GENERIC, ' '));
  for (const m of text.matchAll(/\b[A-Z][A-Z0-9]\b/g)) out.add(m[0].toLowerCase());
  if (!related) return out;
  for (const m of text.matchAll(RELATED_TERMS)) {
    const groups = m.groups ?? {};
    for (const name in groups) if (groups[name]) out.add(`#${name}`);
  }
  return out;
}
