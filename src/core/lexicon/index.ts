// Phrase lists as data: see README.md beside this file.
import data from '../../generated/lexicon.json' with { type: 'json' };

export interface Lexicon {
  description: string;
  phrases: string[];
}

const lexicons = data as Record<string, Lexicon>;

/** The regex source for a phrase list: longest phrase first, whole words only, across line wraps. */
function sourceOf(phrases: readonly string[]): string {
  const sorted = [...phrases].sort((a, b) => b.length - a.length).map(spacesAsWhiteSpace);
  return `(?<![\\w-])(?:${sorted.join('|')})(?![\\w-])`;
}

// White space with at most one line break: a wrapped line, not a blank line between two items. One
// way to match each run of blanks: `[^\S\n]*\n?[^\S\n]*` could split a run anywhere, quadratic on a long one.
const GAP = '[^\\S\\n]*(?:\\n[^\\S\\n]*)?';
const SPACE = `(?=\\s)${GAP}`;

/**
 * A literal space in a phrase (outside a `[...]` class) matches white space with at most one line
 * break, so a phrase still matches when the writer's text wraps or indents in the middle of it
 * ("waiting on the Infrastructure\n  team"). An optional space (` ?`, ` *`) stays optional.
 */
export function spacesAsWhiteSpace(phrase: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < phrase.length; i++) {
    const c = phrase[i] as string;
    if (c === '\\') {
      out += c + (phrase[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === ' ') {
      const q = phrase[i + 1];
      if (q === '?' || q === '*') {
        out += `(?:${GAP})`;
        i++;
      } else {
        out += SPACE;
        if (q === '+') i++;
      }
    } else out += c;
  }
  return out;
}

// Derived from the data once, on a lexicon's first use (a check reads a few of them; building all
// at start-up cost ~6 ms): immutable strings, and each call below builds its own RegExp, so no
// caller shares `lastIndex` with another.
const sources = new Map<string, string>();

function sourceFor(name: string): string | undefined {
  let source = sources.get(name);
  if (source === undefined && Object.hasOwn(lexicons, name)) {
    source = sourceOf((lexicons[name] as Lexicon).phrases);
    sources.set(name, source);
  }
  return source;
}

/** The names of the compiled lexicons. */
export type LexiconName = string;

/** A new case-insensitive global regex for a lexicon; throws on an unknown name (a programming error). */
export function lexicon(name: LexiconName): RegExp {
  const source = sourceFor(name);
  if (source === undefined) throw new Error(`unknown lexicon "${name}"`);
  return new RegExp(source, 'gi');
}

// One non-global regex per lexicon for `mentions`: `test` keeps no state without the g flag.
const tests = new Map<string, RegExp>();

/** Whether a lexicon matches anywhere in `text`. */
export function mentions(name: LexiconName, text: string): boolean {
  let re = tests.get(name);
  if (!re) {
    re = new RegExp(lexicon(name).source, 'i');
    tests.set(name, re);
  }
  return re.test(text);
}
