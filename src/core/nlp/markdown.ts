// Markdown to prose units for the tagger, keeping every offset: markup becomes spaces of the
// same length, so a position in a unit plus the unit's start is a position in the source.
import type { Span } from '../model/types.ts';

export interface Unit {
  /** Absolute offset of `text` in the source. */
  start: number;
  /** Same length as the source slice; markup blanked, line breaks as spaces. */
  text: string;
}

const blank = (m: string) => ' '.repeat(m.length);
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// A line that starts its own unit: heading, list item, quote, table row, `Label:` / `**Field:**`.
const LINE_START = /^ {0,3}(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|\||\*\*[^*\n]+:\*\*|[A-Z][\w '’/()-]{0,40}:(?:\s|$))/;

/**
 * The prose units of `span`: paragraphs, headings, list items and table cells, each its own unit
 * so that a line without a full stop does not run into the next. Code blocks are left out.
 */
export function clean(source: string, span: Span): Unit[] {
  const units: Unit[] = [];
  let cur: { start: number; parts: string[] } | undefined;
  const flush = () => {
    if (cur) {
      const text = cur.parts.join(' ');
      if (/[\p{L}\p{N}]/u.test(text)) units.push({ start: cur.start, text });
    }
    cur = undefined;
  };
  // HTML comments (the skeleton's hints) span lines: blank them in the whole region first.
  const region = source.slice(span.start, span.end).replace(/<!--[^]*?(?:-->|$)/g, (m) => m.replace(/[^\n]/g, ' '));
  let fence: string | undefined;
  let pos = 0;
  for (const line of region.split('\n')) {
    const at = span.start + pos;
    pos += line.length + 1;
    const f = FENCE.exec(line)?.[1];
    if (fence) {
      if (f && f[0] === fence[0] && f.length >= fence.length) fence = undefined;
      continue;
    }
    if (f) {
      flush();
      fence = f;
      continue;
    }
    if (!/\S/.test(line)) {
      flush();
      continue;
    }
    if (LINE_START.test(line)) flush();
    // A heading is a unit of its own; so is a `**Field:**` label, apart from the value after it.
    const heading = /^ {0,3}#{1,6}\s/.test(line);
    const field = heading ? 0 : (/^ {0,3}\*\*[^*\n]+:\*\*/.exec(line)?.[0].length ?? 0);
    if (heading || field) {
      const label = inline(field ? line.slice(0, field) : line);
      if (/[\p{L}\p{N}]/u.test(label)) units.push({ start: at, text: label });
      if (field && /[\p{L}\p{N}]/u.test(line.slice(field))) cur = { start: at + field, parts: [inline(line.slice(field))] };
      continue;
    }
    if (/^ {0,3}\|/.test(line)) {
      // Each table cell is a unit; the row's pipes and separator dashes are not words.
      let c = 0;
      for (const cell of line.split('|')) {
        if (/[\p{L}\p{N}]/u.test(cell)) units.push({ start: at + c, text: inline(cell) });
        c += cell.length + 1;
      }
      continue;
    }
    const text = inline(line);
    if (cur) cur.parts.push(text);
    else cur = { start: at, parts: [text] };
  }
  flush();
  return units;
}

/** One line with its block markers and inline markup blanked. */
function inline(line: string): string {
  return line
    .replace(/\r$/, ' ')
    .replace(/^ {0,3}(?:#{1,6}(?=\s)|>[> ]*|[-*+](?=\s)|\d{1,9}[.)](?=\s))(?:\s+\[[ xX]\](?=\s))?/, blank)
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, (m, t: string) => ` ${t}${' '.repeat(m.length - t.length - 1)}`)
    .replace(/\s#{1,6}\s*$/, blank)
    .replace(/`+|\*+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])|~~|<\/?[a-z][^>\n]*>|\{#[\w-]+\}/giu, blank);
}
