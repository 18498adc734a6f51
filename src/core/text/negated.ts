// Whether a phrase a rule matched is denied by the sentence it stands in: "Neither team is
// blocking the other", "nobody is dragging their feet", "this is not their fault", "we are not
// ruling it out". The phrase's own negation ("they won't engage") is part of the phrase and does
// not count; a negator before it does when nothing opens a new clause in between ("we have not
// heard back because they refuse" still blames).
import type { Doc, Span } from '../model/types.ts';
import { analyse, memoOf, type Token } from '../nlp/index.ts';

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'nobody', 'none', 'nothing', 'noone', 'without', 'hardly', 'cannot']);
/** Words that open a new clause between a negator and the phrase: its scope ends there. */
const CLAUSE = new Set(['because', 'since', 'as', 'so', 'but', 'and', 'or', 'while', 'although', 'though', 'when', 'after', 'before', 'until', 'unless', 'if', 'that', 'which', 'who', 'where', 'yet']);
/** How far before the phrase a negator still governs it. */
const REACH = 6;

function isNegator(t: Token): boolean {
  return NEGATORS.has(t.lower) || NEGATORS.has(t.lemma);
}

/**
 * Whether the words at `m` are negated from before: a negator ("not", "never", "neither",
 * "no one", "nobody", "without") up to a few words earlier in the same clause. `sentence` is
 * the span of the sentence (or entry) that holds `m`.
 */
export function negatedBefore(doc: Doc, sentence: Span, m: Span): boolean {
  const a = analyse(doc.text, sentence, memoOf(doc));
  const s = a.sentences.find((x) => x.start <= m.start && m.start < x.end) ?? a.sentences.find((x) => x.end > m.start);
  if (!s) return false;
  const first = s.tokens.findIndex((t) => t.start >= m.start);
  if (first === -1) return false;
  for (let i = first - 1, seen = 0; i >= 0 && seen < REACH; i--) {
    const t = s.tokens[i] as Token;
    if (t.pos === 'PUNCT') {
      if (/[,;:.!?()\u2013\u2014]/.test(t.text)) return false;
      continue;
    }
    seen++;
    if (isNegator(t)) return true;
    if (CLAUSE.has(t.lower) || t.pos === 'SCONJ' || t.pos === 'CCONJ') return false;
  }
  return false;
}

/** The matches no negator before them denies, each read in the sentence (of `sentences`) that holds it. */
export function affirmedIn<M extends Span>(doc: Doc, sentences: readonly Span[], matches: readonly M[]): M[] {
  return matches.filter((m) => {
    const s = sentences.find((x) => x.start <= m.start && m.start < x.end);
    return !s || !negatedBefore(doc, s, m);
  });
}
