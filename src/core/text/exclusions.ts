// Whether an entry says what an exclusion rules out: an allocation line or an action that is
// also in the non-scope or anti-scope.
import { splitClauses } from './clauses.ts';
import type { Match } from './match.ts';
import { stem, termsOf } from './words.ts';

/** Words that introduce the condition for lifting an exclusion, not something excluded. */
const CONDITION = /\b(?:until|unless|before|once|as long as|so long as|while|except|if|when|after)\b/i;

export interface Exclusion extends Match {
  /** Its terms, computed once: every entry is compared with every exclusion. */
  terms: ReadonlySet<string>;
}

/**
 * The clauses of some entries (split at `,` `;` and line breaks, for lists written on one line)
 * as exclusions. "No upgrade until lead time is below 1 day" excludes the upgrade, not the lead time.
 */
export function exclusionsOf(text: string, entries: readonly Match[]): Exclusion[] {
  return entries.flatMap((e) =>
    splitClauses(text, e).map((c) => {
      const excluded = c.text.split(CONDITION)[0] ?? c.text;
      return { ...c, terms: termsOf(excluded, false) };
    }),
  );
}

/**
 * The words of an entry that say what an exclusion excludes, or none: all of the entry's words
 * are in the exclusion, or it shares two of them. Topic groups are left out: "deploy pipeline"
 * and "lead time" share a topic, not a claim.
 */
export function restates(entry: string, exclusion: Exclusion, own: ReadonlySet<string> = termsOf(entry, false)): string[] {
  const common = new Set([...own].filter((t) => exclusion.terms.has(t)));
  if (!(common.size >= 2 || (own.size > 0 && common.size === own.size))) return [];
  // The entry's own words, not their stems, so the reader sees what matched.
  const words = (entry.match(/[A-Za-z][A-Za-z0-9-]+/g) ?? []).filter((w) => common.has(w.length === 2 ? w.toLowerCase() : stem(w.toLowerCase())));
  return [...new Set(words)];
}
