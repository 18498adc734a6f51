// Entries: what a reader counts as the items of a section. List items, table rows, lines
// written one per entry (the module's label style), else sentences.
import type { Block } from '../model/types.ts';
import type { Match } from './match.ts';
import { splitSentences } from './sentences.ts';

/** Lines this short, with nothing that reads as a wrap, are one entry each (the module's label style). */
const MAX_ENTRY_LINE = 72;
const WRAPPED = /(?:[,(]|\b(?:and|or|the|a|an|to|of|for|with|in|on|at|by|from|that|is|are|but))$/i;

/** One entry, and what it is: a list item, a table row, a line written one per entry, or a sentence of prose. */
export interface Entry extends Match {
  kind: 'item' | 'row' | 'line' | 'sentence';
}

/** Whether an entry is a list item or a table row (listed), not prose. */
export function isListed(e: Entry): boolean {
  return e.kind === 'item' || e.kind === 'row';
}

/** A tradeoff table (`| Choice | Gain | Cost |`) weighs options; its rows are not entries of the section above it. */
const TRADEOFF_HEADER = /\b(?:gains?|costs?|risks?|leverage|pros?|cons?|trade-?offs?|downsides?|upsides?)\b/i;

/** A list item without its marker (and without a task checkbox). */
export function itemContent(text: string, item: Block): Match {
  const raw = text.slice(item.start, item.end);
  const lead = /^\s*(?:[-*+]|\d+[.)])\s*(?:\[[ xX]\]\s*)?/.exec(raw)?.[0].length ?? 0;
  const body = raw.slice(lead).trimEnd();
  return { start: item.start + lead, end: item.start + lead + body.length, text: body };
}

/** A list item's own text, without the nested list or paragraphs under it. */
function itemLead(text: string, item: Block): Match {
  const m = itemContent(text, item);
  const first = item.children?.[0];
  if (first?.type !== 'paragraph' || first.end >= m.end) return m;
  const end = Math.max(m.start, first.end);
  return { start: m.start, end, text: text.slice(m.start, end).replace(/\s*\n\s*/g, ' ') };
}

/** The entries of some blocks; `text` is `Doc.plain`, so comments are not entries. */
export function entriesOf(text: string, blocks: readonly Block[]): Entry[] {
  const out: Entry[] = [];
  for (const b of blocks) {
    if (b.type === 'list') {
      for (const item of b.children ?? []) {
        const m = itemLead(text, item);
        if (/\w/.test(m.text)) out.push({ ...m, kind: 'item' });
      }
    } else if (b.type === 'table' && !TRADEOFF_HEADER.test(b.header?.cells.map((c) => c.text).join(' ') ?? '')) {
      for (const row of b.rows ?? []) {
        const cells = row.cells.filter((c) => c.text);
        if (cells.length) out.push({ start: row.start, end: row.end, text: cells.map((c) => c.text).join('; '), kind: 'row' });
      }
    } else if (b.type === 'paragraph' || b.type === 'quote') {
      out.push(...paragraphEntries(text, b.start, b.end));
    }
  }
  return out;
}

/** Short lines one entry each, else the sentences. */
function paragraphEntries(text: string, from: number, to: number): Entry[] {
  const lines = linesOf(text, from, to);
  const oneEach = lines.length > 1 && lines.every((l) => l.text.length <= MAX_ENTRY_LINE && !WRAPPED.test(l.text) && !/[.!?]\s+\S/.test(l.text));
  if (oneEach) return lines.map((l) => ({ ...l, kind: 'line' }));
  return splitSentences(text, from, to).map((m) => ({ ...m, kind: 'sentence' }));
}

/** Non-empty lines of `text[from, to)` without quote and list markers. */
export function linesOf(text: string, from: number, to: number): Match[] {
  const lines: Match[] = [];
  let pos = from;
  for (const raw of text.slice(from, to).split('\n')) {
    const lead = /^[\s>]*(?:[-*+]\s+|\d+[.)]\s+)?/.exec(raw)?.[0].length ?? 0;
    const body = raw.slice(lead).replace(/\s+$/, '');
    if (/\w/.test(body)) lines.push({ start: pos + lead, end: pos + lead + body.length, text: body });
    pos += raw.length + 1;
  }
  return lines;
}
