// Phrase lists as data: see README.md beside this file.
import data from '../../generated/lexicon.json' with { type: 'json' };

export interface Lexicon {
  description: string;
  phrases: string[];
}

const lexicons = data as Record<string, Lexicon>;
const cache = new Map<string, RegExp>();

/** A case-insensitive regex for a phrase list; entries may use regex syntax (Vale's tokens). */
export function phraseRegex(phrases: readonly string[]): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\w-])(?:${sorted.join('|')})(?![\\w-])`, 'gi');
}

/** A fresh-state global regex for a lexicon; throws on an unknown name (a programming error). */
export function lexicon(name: string): RegExp {
  let re = cache.get(name);
  if (!re) {
    const entry = lexicons[name];
    if (!entry) throw new Error(`unknown lexicon "${name}"`);
    re = phraseRegex(entry.phrases);
    cache.set(name, re);
  }
  re.lastIndex = 0;
  return re;
}
