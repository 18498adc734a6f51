// Options as a reader sees them: "Option 2: team B owns it" is option `2`, named "team B owns it".
import { lexicon } from '../lexicon/index.ts';
import type { Match } from './match.ts';
import { contentWords } from './words.ts';

/** One listed option: its text, the label it goes by ("Option 2", "B") and its words. */
export interface Choice extends Match {
  /** `2` for "Option 2", `B` for "Option B" or "B.", when the option names itself. */
  label?: string;
  /** Content words of the option's name (its text up to the first `:`, `.`, ` - `, `,`). */
  nameWords: Set<string>;
  /** Content words of the whole option. */
  words: Set<string>;
}

// "Option 2", "Alternative B", "B.", "b)", "(c)", "C —": how options name themselves.
const SELF_LABEL = /^(?:\*\*|__)?(?:(?:option|alternative|choice)\s*#?\s*([0-9]{1,2}|[A-H]\b)|([A-H])(?:[.)]|\s*:(?=(?:\*\*|__)?\s))|\(([A-H]|[0-9]{1,2})\)|([A-H])\s+[:\u2013\u2014-]\s)/i;
/** "Option B:", "**B.**", "2)": how an option labels itself, before what it says. */
const LABEL = /^(?:[*_\s]*)(?:(?:option|alternative|choice)\s*#?\s*(?:[0-9]{1,2}|[A-H]\b)|[A-H](?=[.):]|$)|\(?[0-9]{1,2}\))[\s.):*_-]*/i;

/** An option's text past its label ("**Option B:** Team A owns it" -> "Team A owns it"). */
export function withoutLabel(text: string): string {
  return text.replace(LABEL, '');
}

/** An option's own statement, before its costs and consequences ("Ship in June. Risk: ..."); past its label ("Option B:"). */
export function firstClause(text: string): string {
  return withoutLabel(text).split(/[.;:(]|\s[-\u2013\u2014]\s/)[0] ?? text;
}

/** A cell that is only a label: "C", "(c)", "Option C", "2.". */
const BARE_LABEL = /^(?:\*\*|__)?(?:(?:option|alternative|choice)\s*#?\s*)?\(?([A-H]|[0-9]{1,2})[.)]?(?:\*\*|__)?$/i;

export function choiceOf(text: string, start: number): Choice {
  const label = SELF_LABEL.exec(text);
  const labelText = label ? (label[1] ?? label[2] ?? label[3] ?? label[4] ?? '').toUpperCase() : undefined;
  // The name is the part before the first separator; "Option 2: team B ..." names "team B ...".
  const body = label ? text.slice(label[0].length).replace(/^[\s:*_.)-]+/, '') : text;
  const name = body.split(/[:;.,(]|\s[-\u2013\u2014]\s/)[0] ?? body;
  const c: Choice = { start, end: start + text.length, text, nameWords: contentWords(name), words: contentWords(text) };
  if (labelText) c.label = labelText;
  return c;
}

/** A table row as an option: its first cell, or, when that is only a label ("C"), the label and the next cell. */
export function choiceOfRow(cells: readonly Match[]): Choice | undefined {
  const [first, second] = cells;
  if (!first) return undefined;
  const bare = BARE_LABEL.exec(first.text.trim());
  if (!bare || !second) return choiceOf(first.text, first.start);
  const c = choiceOf(second.text, second.start);
  return { ...c, start: first.start, label: (bare[1] as string).toUpperCase() };
}

// Not global: `exec` keeps no position between calls.
const NOTHING = new RegExp(lexicon('nothing').source, 'i');

/** Whether a cell or entry says "nothing" (none, n/a, -, TBD): an empty answer. */
export function isNothing(text: string): boolean {
  const t = text.replace(/[*_`~]/g, '').trim();
  if (!t) return true;
  const m = NOTHING.exec(t);
  return m !== null && m.index === 0 && m[0].length === t.replace(/[.!]+$/, '').length;
}

/** One entry that still names several options: "team A or team B", "two options: ...". */
export function namesSeveral(text: string): boolean {
  return /\bor\b|;|\bvs\.?(?!\w)|\bversus\b|\b(?:two|three|four|five|[2-9]) (?:options|alternatives|choices)\b/i.test(text);
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6 };
const REFERENCE = /\b(?:[Oo]ption|[Aa]lternative|[Cc]hoice)\s*#?\s*\(?(?:([0-9]{1,2})|([A-H]|[a-h](?=\)))\b|(one|two|three|four|five|six)\b)\)?/;
const ORDINAL_REFERENCE = /\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|last)\s+(?:option|alternative|choice)\b/i;

/** An explicit reference to an option ("Option 3", "option B", "the second option"). */
export interface OptionReference extends Match {
  /** 1-based position, or the letter/number the options label themselves with. */
  label: string;
  position: number | 'last';
}

export function optionReference(text: string, offset: number): OptionReference | undefined {
  const a = REFERENCE.exec(text);
  const b = ORDINAL_REFERENCE.exec(text);
  if (a && (!b || a.index <= b.index)) {
    const n = a[1] ? Number(a[1]) : a[3] ? (NUMBER_WORDS[a[3].toLowerCase()] as number) : (a[2] as string).toUpperCase().charCodeAt(0) - 64;
    return { start: offset + a.index, end: offset + a.index + a[0].length, text: a[0], label: (a[1] ?? a[2] ?? String(n)).toUpperCase(), position: n };
  }
  if (b) {
    const word = (b[1] as string).toLowerCase();
    const position = word === 'last' ? 'last' : (ORDINALS[word] as number);
    return { start: offset + b.index, end: offset + b.index + b[0].length, text: b[0], label: String(position), position };
  }
  return undefined;
}

/** The option a reference points at: by the options' own labels first, then by position. */
export function resolveReference(ref: OptionReference, choices: Choice[]): Choice | undefined {
  const labelled = choices.find((c) => c.label === ref.label);
  if (labelled) return labelled;
  if (choices.some((c) => c.label)) return undefined;
  return ref.position === 'last' ? choices[choices.length - 1] : choices[ref.position - 1];
}

/**
 * The option whose words a text uses: all of its name's words, two of them, or three words
 * of the option as a whole. Returns the best match, or undefined when none is close enough.
 */
export function matchChoice(words: Set<string>, choices: Choice[]): Choice | undefined {
  let best: { c: Choice; score: number } | undefined;
  for (const c of choices) {
    const name = overlap(c.nameWords, words);
    const all = overlap(c.words, words);
    const ok = (c.nameWords.size > 0 && name === c.nameWords.size) || name >= 2 || all >= 3;
    if (!ok) continue;
    const score = name * 2 + all;
    if (!best || score > best.score) best = { c, score };
  }
  return best?.c;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}
