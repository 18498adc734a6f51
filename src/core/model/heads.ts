// Which lines open a section that is not a Markdown heading: `Label:` lines, `**Field:** value`
// and the other ways people write a section's name in running text (bold lines, run-in heads,
// numbered paragraphs, middle-dot metadata lines, key/value tables). Conventions, never words:
// a name is "title-like" (short, no sentence inside it), whatever it says.
// test/core/sections.test.ts is the contract; every pattern here is anchored and bounded, so
// each line costs one or two regex runs however hostile the input.
import type { Block, TableCell, TableRow } from './types.ts';

/** A section title found on a line. Offsets are relative to the line. */
export interface Head {
  /** The title without markup, number or colon (`Decision needed by 20 May 2026`). */
  name: string;
  /** Where the name starts. */
  start: number;
  /** Where the title ends: closing `**` and the colon or dash included. */
  end: number;
  /** `label`: nothing after it on the line (its content is below); `field`: a value follows. */
  form: 'label' | 'field';
  /** A bold line with no colon (`**Scope**`): a label only when content follows it. */
  bare?: boolean;
  /** Where the value ends on the line, when other fields follow on it (`For: X · From: Y`). */
  valueEnd?: number;
}

// A paragraph number as RFC-style documents write them: `1.2.`, `3.`, `1.2.3`.
const NUM = String.raw`(?:\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}\.)[ \t]+`;
/** `Label:` / `label (qualifier):` alone on its line. */
const PLAIN_LABEL = new RegExp(String.raw`^[ \t]{0,3}(?:${NUM})?(\p{L}[^:\n\r*_|]{0,60}?)[ \t]*:[ \t]*$`, 'u');
/** `Key: value` at the start of a line (also inside a bold line: `**Escalation: the address service**`). */
const PLAIN_FIELD = new RegExp(String.raw`^[ \t]{0,3}(?:${NUM})?(?:\*\*|__)?(\p{L}[\p{L}\p{N} '’/()&+-]{0,50}?)[ \t]*:[ \t]+(?=\S)`, 'u');
/**
 * An emphasised head: `**Name:**`, `**Name**:`, `__Name__:`, `*Name:*`, run-in `**Name.**`,
 * `**Name —**`, `**Name** — `. Group 2 is the name; 3 or 4 the punctuation that ends it.
 */
const EMPH_HEAD = new RegExp(String.raw`^[ \t]{0,3}(?:${NUM})?(\*\*|__|\*|_)(?![ \t])([^:\n\r*_|]{1,80}?)[ \t]*(?:([:.—–]|[ \t]-)[ \t]*\1|\1[ \t]*([:.—–]|-(?=[ \t])))`, 'u');
/** The sequence a bold line may open with: `Slide 3:`, `Step 2 -`, `Part IV.` (kinds/normalise.ts strips it from the title). */
const SEQUENCE = /^(?:slide|step|part|section|phase|stage)\s+(?:\d{1,3}|[ivxlc]+|[a-z])\s*[:.)\u2013\u2014-]\s+(?=\S)/i;
/** A line that is all bold: `**Weekly allocation (40-hour week)**`. */
const BOLD_LINE = new RegExp(String.raw`^[ \t]{0,3}(?:${NUM})?(\*\*|__)(?![ \t])([^\n\r*_|]{1,80}?)\1[ \t]*$`, 'u');
/**
 * A bold name with a qualifier after it, alone on its line: `**Scope** (agreed in the meeting)`.
 * The blanks after the colon are matched only after one (two adjacent `[ \t]*` backtrack quadratically).
 */
const BOLD_QUALIFIED = new RegExp(String.raw`^[ \t]{0,3}(?:${NUM})?(\*\*|__)(?![ \t])([^\n\r*_|:,()]{1,60}?)\1[ \t]*(\([^()\n\r]{1,60}\))[ \t]*(?::[ \t]*)?$`, 'u');
/** A sentence ends inside the name ("... on 20 October. Since then"), or the name ends like one. */
const SENTENCE_BREAK = /[.!?;](?:\s|$)/;
const MAX_LABEL_WORDS = 8;
const MAX_PLAIN_FIELD_WORDS = 4;
const MAX_RUN_IN_WORDS = 8;
const MAX_BOLD_SENTENCE_WORDS = 5;
/** Separates `Key: value` pairs on one metadata line. */
const MIDDLE_DOT = /[ \t]+[·•][ \t]+/g;

const SPACE = /\s/;

function isSpace(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : SPACE.test(s[i] as string);
}

/** `s.trim().split(/\s+/).length`, counted without the array: one more than the runs of white space inside. */
function words(s: string): number {
  const t = s.trim();
  let n = 1;
  for (let i = 1; i < t.length; i++) if (isSpace(t, i) && !isSpace(t, i - 1)) n++;
  return n;
}

/** Words outside parentheses: `Weekly allocation (5 days)` is a two-word name with a qualifier. */
function headWords(s: string): number {
  const bare = (s.includes('(') ? s.replace(/\([^()]*\)/g, ' ') : s).trim();
  return bare ? words(bare) : 0;
}

/** Short, and no sentence inside it or at its end, and no parenthesis left open (`The team (EM: Dana)`). */
function titleLike(name: string, maxWords: number): boolean {
  const n = name.trim();
  return n.length > 0 && !SENTENCE_BREAK.test(n) && words(n) <= maxWords && balanced(n);
}

function balanced(s: string): boolean {
  let open = 0;
  for (const ch of s) {
    if (ch === '(') open++;
    else if (ch === ')' && --open < 0) return false;
  }
  return open === 0;
}

/** The section titles on one line of a paragraph (several on a middle-dot metadata line). */
export function headsOfLine(line: string): Head[] {
  const one = headOf(line);
  if (!one) return [];
  if (one.form !== 'field' || (!line.includes('·', one.end) && !line.includes('•', one.end))) return [one];
  // `For: Director of X · From: Y · 6 March`: each `Key: value` pair is a field of its own.
  const heads: Head[] = [];
  let from = 0;
  MIDDLE_DOT.lastIndex = 0;
  for (let m = MIDDLE_DOT.exec(line); ; m = MIDDLE_DOT.exec(line)) {
    const to = m ? m.index : line.trimEnd().length;
    const segment = line.slice(from, to);
    const h = from === 0 ? one : headOf(segment);
    if (h?.form === 'field') heads.push({ ...h, start: from + h.start, end: from + h.end, valueEnd: to });
    if (!m) break;
    from = m.index + m[0].length;
  }
  if (heads.length === 1) delete (heads[0] as Head).valueEnd;
  return heads;
}

/** The first character after up to three blanks is `*`, `_` or a digit (EMPH_HEAD and BOLD_LINE need one). */
function mayBeEmphasis(line: string): boolean {
  let i = 0;
  while (i < 3 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  const c = line.charCodeAt(i);
  return c === 42 || c === 95 || (c >= 48 && c <= 57);
}

/** The title a line starts with, if any. */
export function headOf(line: string): Head | undefined {
  // Emphasised heads and bold lines start (after up to three blanks) with `*`, `_` or a paragraph
  // number: most lines are told apart by that character before any pattern runs.
  const emphasis = mayBeEmphasis(line);
  const emph = emphasis ? EMPH_HEAD.exec(line) : null;
  if (emph) {
    const name = (emph[2] as string).trim();
    const stop = (emph[3] ?? emph[4]) as string;
    const rest = line.slice(emph[0].length);
    const start = emph[0].indexOf(emph[1] as string) + (emph[1] as string).length;
    if (/^[ \t]*$/.test(rest)) {
      if (stop === ':' && titleLike(name, MAX_LABEL_WORDS)) return { name, start, end: emph[0].length, form: 'label' };
      // `**Coherent actions.**` alone on a line heads what follows, like a bold line; a longer
      // bold sentence is emphasis.
      if (stop !== ':' && titleLike(name, MAX_BOLD_SENTENCE_WORDS) && /^(?:\*\*|__)$/.test(emph[1] as string)) return { name, start, end: emph[0].length, form: 'label', bare: true };
      return undefined;
    }
    if (!/^[ \t]/.test(rest)) return undefined;
    if (!titleLike(name, stop === ':' ? MAX_LABEL_WORDS : MAX_RUN_IN_WORDS)) return undefined;
    return { name, start, end: emph[0].length, form: 'field' };
  }
  const bold = emphasis ? BOLD_LINE.exec(line) : null;
  if (bold) {
    const name = (bold[2] as string).trim();
    // A comma makes it a phrase (a department line under the title), not a section's name.
    // "**Slide 3: Key initiatives**": a numbered slide, step or part keeps its colon.
    const unnumbered = name.replace(SEQUENCE, '');
    if (!titleLike(unnumbered, MAX_LABEL_WORDS) || /[,:]/.test(unnumbered) || !balanced(name)) return undefined;
    const start = bold[0].indexOf(bold[1] as string) + (bold[1] as string).length;
    return { name, start, end: line.trimEnd().length, form: 'label', bare: true };
  }
  const qualified = emphasis ? BOLD_QUALIFIED.exec(line) : null;
  if (qualified && titleLike(qualified[2] as string, MAX_LABEL_WORDS)) {
    const start = qualified[0].indexOf(qualified[1] as string) + (qualified[1] as string).length;
    return { name: `${(qualified[2] as string).trim()} ${qualified[3] as string}`, start, end: line.trimEnd().length, form: 'label', bare: true };
  }
  const firstColon = line.indexOf(':');
  if (firstColon === -1) return undefined;
  // The patterns' own necessary conditions, told without them: a label's line ends with its colon
  // (and blanks); a field's first colon is followed by a blank.
  const label = endsWithColon(line) ? PLAIN_LABEL.exec(line) : null;
  if (label) {
    const name = (label[1] as string).trim();
    if (!titleLike(name, MAX_LABEL_WORDS)) return undefined;
    return { name, start: line.indexOf(name), end: line.trimEnd().length, form: 'label' };
  }
  const after = line.charCodeAt(firstColon + 1);
  const field = after === 32 || after === 9 ? PLAIN_FIELD.exec(line) : null;
  if (field) {
    const name = (field[1] as string).trim();
    const n = headWords(name);
    if (n > MAX_PLAIN_FIELD_WORDS || n === 0 || !balanced(name)) return undefined;
    const start = line.indexOf(name);
    const colon = line.indexOf(':', start + name.length);
    return { name, start, end: colon + 1, form: 'field' };
  }
  return undefined;
}

/**
 * A run-in head with no emphasis, opening a paragraph: `Recommendation. Neither team ...`, `Why
 * now. Raw telemetry ...`: one to three words, the first capitalised, a full stop, and a new
 * sentence. Not a title's abbreviation (`Dr. Okafor`).
 */
const PLAIN_RUN_IN = /^[ \t]{0,3}(\p{Lu}[\p{L}'’-]{1,30}(?:[ \t][\p{L}'’-]{1,30}){0,2})\.[ \t]+(?=\p{Lu})/u;
const ABBREVIATION = /^(?:dr|mr|mrs|ms|mx|st|prof|no|nos|vol|fig|figs|inc|ltd|co|corp|jr|sr|vs|ca|approx|dept|est|gen|gov|rev|sen|rep|op|cf|al|etc|ie|eg)$/i;

/** The plain run-in head a paragraph's first line opens with, if any (offsets relative to the line). */
export function plainRunIn(line: string): Head | undefined {
  const m = PLAIN_RUN_IN.exec(line);
  if (!m || ABBREVIATION.test(m[1] as string)) return undefined;
  const name = m[1] as string;
  const start = m[0].indexOf(name);
  return { name, start, end: start + name.length + 1, form: 'field' };
}

/** The last character before trailing blanks is a colon. */
function endsWithColon(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i--;
  return line.charCodeAt(i) === 58;
}

/** A list item's marker (and task box): `- `, `* `, `1. `, `- [ ] `. */
const ITEM_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;

const ITEM_MAY_HEAD = /[:*_]/;

/** The title a list item starts with (`- **Decision needed:** ...`, `* Owner: Dana`); offsets relative to the line. */
export function headOfItem(line: string): Head | undefined {
  // Every head has emphasis or a colon: most items (prose) are told apart by that alone.
  if (!ITEM_MAY_HEAD.test(line)) return undefined;
  const marker = ITEM_MARKER.exec(line)?.[0].length ?? 0;
  if (!marker) return undefined;
  const h = headOf(line.slice(marker));
  return h ? { ...h, start: h.start + marker, end: h.end + marker } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Key/value tables.

/** First cells that name data, not a field: numbers, dates, quarters, weeks, weekdays, months. */
const DATA_KEY =
  /^(?:[\d$€£#%+-]|(?:q[1-4]|h[12]|fy\s?'?\d+)\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d|$)|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|(?:week|sprint|phase|step|day|month|year|wave|stage|iteration|release|v)\s*\d)/i;
const MAX_KEY_WORDS = 6;

/** A label cell's name: `**Owner:**` -> `Owner`. */
export function cellName(cell: TableCell): string {
  return cell.text
    .replace(/^(?:\*\*|__|\*|_)|(?:\*\*|__|\*|_)$/g, '')
    .replace(/[ \t]*:(?:\*\*|__)?$|(?:\*\*|__)?:$/, '')
    .replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '')
    .trim();
}

function keyLike(name: string): boolean {
  return /^\p{L}/u.test(name) && name.length <= 50 && titleLike(name, MAX_KEY_WORDS) && !DATA_KEY.test(name) && !/[`[\]<>]/.test(name);
}

/** One row of a key/value table as a field: the label cell (with its name) and the value cells (one in a two-column table). */
export interface KeyRow {
  name: string;
  key: TableCell;
  /** The value cells, in order, the empty ones left out (never none). */
  values: TableCell[];
}

/** A first header cell that says the column holds the rows' names: blank, or a word for "part" (`| Section | Plan | When |`). */
const ROW_NAMES_HEADER = /^(?:sections?|fields?|items?|parts?|elements?|aspects?|areas?|topics?|headings?|components?|dimensions?)$/i;
/** A first header cell that names choices: the rows are options weighed, not sections. */
export const CHOICES_HEADER = /\b(?:options?|alternatives?|choices?|approach(?:es)?|candidates?)\b/i;
const EMPHASIS_CELL = /^(?:\*\*|__)[^*_]+(?:\*\*|__):?$/;

/**
 * The rows of a table whose first column holds labels (`| Skill goal | Lead ... |`), each a field
 * owning its value cells; none for a data table (numbers or dates in the first column, repeated
 * keys). A two-column header that reads as a pair (`| **Owner:** | Head of ... |`, or a long
 * second cell) is a row too; `| Field | Plan |` names the columns. A table of three or more
 * columns names its rows only when it says so (a blank first header cell, `| Section | ... |`, or
 * every first cell emphasised) over two rows or more: `| Service | Owner | Status |` is data.
 */
export function keyValueRows(table: Block): KeyRow[] {
  const rows = table.rows ?? [];
  const header = table.header;
  const width = header?.cells.length ?? 0;
  if (width < 2 || rows.some((r) => r.cells.length !== width)) return [];
  const [hKey, hValue] = (header as NonNullable<typeof header>).cells as [TableCell, TableCell];
  if (width > 2 && !wideKeyTable(hKey, rows)) return [];
  const headerIsRow = width === 2 && hKey.text !== '' && (/:(?:\*\*|__)?$/.test(hKey.text) || words(hValue.text) > 4);
  const pairs = (headerIsRow ? [header as NonNullable<typeof header>, ...rows] : rows).filter((r) => (r.cells[0] as TableCell).text !== '');
  if (!pairs.length) return [];
  const out: KeyRow[] = [];
  const seen = new Set<string>();
  for (const r of pairs) {
    const key = r.cells[0] as TableCell;
    const name = cellName(key);
    if (!keyLike(name)) return [];
    seen.add(name.toLowerCase());
    const values = r.cells.slice(1).filter((c) => c.text !== '');
    out.push({ name, key, values: values.length ? values : [r.cells[1] as TableCell] });
  }
  // Mostly distinct: a column that repeats its values is data ("Team A" in many rows).
  if (seen.size < Math.ceil(out.length * 0.8)) return [];
  return out;
}

/** Whether a table of three or more columns says that its first column names its rows. */
function wideKeyTable(hKey: TableCell, rows: readonly TableRow[]): boolean {
  if (rows.length < 2) return false;
  const first = cellName(hKey);
  if (CHOICES_HEADER.test(first)) return false;
  return first === '' || ROW_NAMES_HEADER.test(first) || rows.every((r) => EMPHASIS_CELL.test((r.cells[0] as TableCell).text));
}
