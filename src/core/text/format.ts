// Quoting for messages. Templates own the backticks around a single placeholder
// (`` `{{phrase}}` ``); `codeList` is for a placeholder that holds several quoted words.

/** White space collapsed, cut to `max` characters with an ellipsis. */
export function clip(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** One excerpt in backticks (backticks inside become `'`), clipped to `max`. */
export function code(text: string, max = 60): string {
  return `\`${clip(text.replace(/`/g, "'"), max)}\``;
}

/** Distinct words, each in backticks, at most `max` of them: "`a`, `b`, ...". */
export function codeList(words: readonly string[], max = 4): string {
  const unique = [...new Set(words)];
  const shown = unique.slice(0, max).map((w) => code(w));
  return shown.join(', ') + (unique.length > max ? ', …' : '');
}

/**
 * `text` without the trailing run of characters `chars` matches (one character each). A loop from
 * the end, because a pattern like `/[\s*_]+$/` tries every start in a long run that is not at the
 * end: quadratic.
 */
export function trimEndOf(text: string, chars: RegExp): string {
  let end = text.length;
  while (end > 0 && chars.test(text[end - 1] as string)) end--;
  return end === text.length ? text : text.slice(0, end);
}

const MARKS = /[\s*_]/;

/** `text` without trailing white space and emphasis marks. */
export function trimMarksEnd(text: string): string {
  return trimEndOf(text, MARKS);
}
