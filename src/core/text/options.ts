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

const SELF_LABEL = /^(?:\*\*|__)?(?:(?:option|alternative|choice)\s*#?\s*([0-9]{1,2}|[A-H]\b)|([A-H])[.)])/i;

export function choiceOf(text: string, start: number): Choice {
  const label = SELF_LABEL.exec(text);
  const labelText = label ? (label[1] ?? label[2] ?? '').toUpperCase() : undefined;
  // The name is the part before the first separator; "Option 2: team B ..." names "team B ...".
  const body = label ? text.slice(label[0].length).replace(/^[\s:*_.)-]+/, '') : text;
  const name = body.split(/[:;.,(]|\s[-\u2013\u2014]\s/)[0] ?? body;
  const c: Choice = { start, end: start + text.length, text, nameWords: contentWords(name), words: contentWords(text) };
  if (labelText) c.label = labelText;
  return c;
}

/** Whether a cell or entry says "nothing" (none, n/a, -, TBD): an empty answer. */
export function isNothing(text: string): boolean {
  const t = text.replace(/[*_`~]/g, '').trim();
  if (!t) return true;
  const m = lexicon('nothing').exec(t);
  return m !== null && m.index === 0 && m[0].length === t.replace(/[.!]+$/, '').length;
}

/** One entry that still names several options: "team A or team B", "two options: ...". */
export function namesSeveral(text: string): boolean {
  return /\bor\b|;|\bvs\.?(?!\w)|\bversus\b|\b(?:two|three|four|five|[2-9]) (?:options|alternatives|choices)\b/i.test(text);
}
