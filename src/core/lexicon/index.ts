// Phrase lists as data: see README.md beside this file.
import data from '../../generated/lexicon.json' with { type: 'json' };

export interface Lexicon {
  description: string;
  phrases: string[];
}

const lexicons = data as Record<string, Lexicon>;

/** The regex source for a phrase list: longest phrase first, whole words only. */
function sourceOf(phrases: readonly string[]): string {
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  return `(?<![\\w-])(?:${sorted.join('|')})(?![\\w-])`;
}

// Derived once from the data (immutable strings): each call below builds its own RegExp, so no
// caller shares `lastIndex` with another.
const sources: Record<string, string> = Object.fromEntries(Object.entries(lexicons).map(([name, l]) => [name, sourceOf(l.phrases)]));

/** The names of the compiled lexicons. */
export type LexiconName = string;

/** A new case-insensitive global regex for a lexicon; throws on an unknown name (a programming error). */
export function lexicon(name: LexiconName): RegExp {
  const source = sources[name];
  if (source === undefined) throw new Error(`unknown lexicon "${name}"`);
  return new RegExp(source, 'gi');
}

/** Whether a lexicon matches anywhere in `text`. */
export function mentions(name: LexiconName, text: string): boolean {
  return lexicon(name).test(text);
}
