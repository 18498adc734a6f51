// Markdown + YAML front matter -> Doc. markdown-it does the CommonMark/GFM block
// parsing (it is ~20x faster than micromark on our corpus); we only take its line
// maps and derive every offset and column from the source text ourselves.
import { parseFrontMatter } from './front-matter.ts';
import { lineEnd, lineIndexAt, lineStartAt, lineStartsOf, positionAt } from './positions.ts';
import { headOfItem, headsOfLine, keyValueRows, plainRunIn } from './heads.ts';
import { md } from './markdown.ts';
import type { Block, Directive, Doc, FrontMatter, Section, Span, TableCell, TableRow } from './types.ts';

// The token type as this markdown-it build declares it (it ships its own types beside @types/markdown-it).
type Token = ReturnType<typeof md.parse>[number];

/** A line that starts with bold markup (`**Name:**`, `__Name:__`). */
const BOLD = /^[ \t]{0,3}(?:\*\*|__)/;
/** Field names that are items of the label above them, not sections beside it. */
const ITEM_NAME = /^(?:(?:option|alternative|choice|approach)\s*#?\s*(?:\d{1,2}|[a-h])\b|[a-h]|\d{1,2}|pros?|cons?|good|bad|neutral|positive|negative)\b/i;
/** Past this column no line can still start a title (3 + 12 of numbering + 2 + 80 + 3). */
const MAX_HEAD = 100;
/** A line that could open a section: a colon early on, or emphasis at its start (after a paragraph number). */
const MAY_HEAD = /^[ \t]{0,3}(?:[\d.]{1,12}[ \t]+)?[*_]/;
const DIRECTIVE = /<!--\s*staffwork-(disable-next-line|disable-line|disable|enable)\b([^]*?)-->/g;

export function parse(input: string): Doc {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lineStarts = lineStartsOf(text);
  const frontMatter = parseFrontMatter(text, lineStarts);
  const firstBodyLine = frontMatter ? lineIndexAfter(lineStarts, frontMatter.span.end) : 0;
  // Blank out the front matter so markdown-it's line numbers match ours.
  const body = frontMatter ? '\n'.repeat(firstBodyLine) + text.slice(lineStarts[firstBodyLine] ?? text.length) : text;
  const tokens = md.parse(body, {});
  const builder = new Builder(text, lineStarts);
  builder.closes = closesOf(tokens);
  const blocks = builder.blocks(tokens, 0, tokens.length);
  // Comments and directives all open with `<!--`: most documents have none, and are scanned once.
  const firstComment = text.indexOf('<!--');
  const comments = firstComment === -1 ? [] : commentsOf(text, frontMatter ? frontMatter.span.end : 0, blocks);
  const doc: Doc = {
    text,
    lineStarts,
    plain: blankOut(text, comments),
    comments,
    body: bodyOf(text, lineStarts, frontMatter, blocks),
    blocks,
    sections: [],
    tables: builder.tables,
    directives: firstComment === -1 ? [] : directivesOf(text, firstComment),
  };
  if (frontMatter) doc.frontMatter = frontMatter;
  doc.sections = sectionsOf({ text, lineStarts, blocks }, builder.headings);
  return doc;
}

/**
 * The writer's text: after the front matter and after a `# Title` that opens the document (HTML
 * comments before it do not count). Every rule that reads "the whole document" reads this.
 */
function bodyOf(text: string, lineStarts: number[], frontMatter: FrontMatter | undefined, blocks: Block[]): Span {
  let start = frontMatter ? frontMatter.span.end : 0;
  const first = blocks.find((b) => b.type !== 'html');
  if (first?.type === 'heading' && /^[ \t]*#(?!#)/.test(text.slice(first.start, first.end))) {
    start = lineStarts[positionAt(lineStarts, first.end).line] ?? text.length;
  }
  return { start: Math.min(start, text.length), end: text.length };
}

const COMMENT = /<!--[^]*?-->/g;

/** HTML comments after `from`, except inside code blocks (at any depth) and inline code spans. */
function commentsOf(text: string, from: number, blocks: Block[]): Span[] {
  if (!text.includes('<!--', from)) return [];
  const code: Span[] = [];
  const walk = (bs: Block[]) => {
    for (const b of bs) {
      if (b.type === 'code') code.push(b);
      else if (b.children) walk(b.children);
    }
  };
  walk(blocks);
  const out: Span[] = [];
  COMMENT.lastIndex = from;
  for (let m = COMMENT.exec(text); m; m = COMMENT.exec(text)) {
    const at = m.index;
    if (code.some((c) => c.start <= at && at < c.end)) continue;
    // Inside a `code span` on its line: an odd number of backticks before it.
    const lineStart = Math.max(text.lastIndexOf('\n', at) + 1, 0);
    if (((text.slice(lineStart, at).match(/`/g) ?? []).length & 1) === 1) continue;
    out.push({ start: at, end: at + m[0].length });
  }
  return out;
}

/** `text` with each span replaced by spaces, line breaks kept. */
function blankOut(text: string, spans: Span[]): string {
  if (!spans.length) return text;
  // Joined once, so the result is one flat string (appending builds a rope every later slice flattens).
  const parts: string[] = [];
  let cursor = 0;
  for (const s of spans) {
    parts.push(text.slice(cursor, s.start));
    // Spaces for every code unit but the line breaks.
    let run = 0;
    for (let i = s.start; i < s.end; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) run++;
      else {
        if (run) parts.push(' '.repeat(run));
        parts.push(c === 10 ? '\n' : '\r');
        run = 0;
      }
    }
    if (run) parts.push(' '.repeat(run));
    cursor = s.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

function lineIndexAfter(lineStarts: number[], offset: number): number {
  let i = 0;
  while (i < lineStarts.length && (lineStarts[i] as number) < offset) i++;
  return i;
}

interface HeadingInfo {
  block: Block;
  depth: number;
  title: string;
  titleSpan: Span;
}

class Builder {
  tables: Block[] = [];
  headings: HeadingInfo[] = [];
  /** Each open token's close (closesOf). */
  closes: Int32Array = new Int32Array(0);
  constructor(
    private text: string,
    private lineStarts: number[],
  ) {}

  spanOfLines(map: [number, number] | null): Span {
    if (!map) return { start: 0, end: 0 };
    const start = this.lineStarts[map[0]] ?? this.text.length;
    const end = lineEnd(this.text, this.lineStarts, Math.max(map[0], map[1] - 1));
    return { start, end: Math.max(start, end) };
  }

  /** Builds blocks from tokens[from, to) at one nesting level. */
  blocks(tokens: Token[], from: number, to: number, depth = 0): Block[] {
    const out: Block[] = [];
    let i = from;
    while (i < to) {
      const t = tokens[i] as Token;
      if (t.nesting === 1) {
        const match = this.closes[i] as number;
        const close = match !== -1 && match < to ? match : to - 1;
        const block = this.container(tokens, i, close, depth);
        if (block) out.push(block);
        i = close + 1;
        continue;
      }
      const type = t.type === 'fence' || t.type === 'code_block' ? 'code' : t.type === 'html_block' ? 'html' : t.type === 'hr' ? 'rule' : undefined;
      if (type) {
        const span = this.spanOfLines(t.map);
        out.push({ type, start: span.start, end: span.end, text: '' });
      }
      i++;
    }
    return out;
  }

  container(tokens: Token[], open: number, close: number, depth: number): Block | undefined {
    const t = tokens[open] as Token;
    const span = this.spanOfLines(t.map);
    const { start, end } = span;
    // Blocks are most of a parse's objects: each is written out field by field (a spread copies slowly).
    const text = this.text.slice(start, end);
    switch (t.type) {
      case 'paragraph_open':
        return { type: 'paragraph', start, end, text };
      case 'heading_open': {
        const block: Block = { type: 'heading', start, end, text };
        if (depth === 0) {
          const level = Number(t.tag.slice(1));
          this.headings.push({ block, depth: level, ...headingTitle(this.text, span, t.markup) });
        }
        return block;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        return { type: 'list', start, end, text, ordered: t.type === 'ordered_list_open', children: this.blocks(tokens, open + 1, close, depth + 1) };
      case 'list_item_open':
        return { type: 'listItem', start, end, text, children: this.blocks(tokens, open + 1, close, depth + 1) };
      case 'blockquote_open':
        return { type: 'quote', start, end, text, children: this.blocks(tokens, open + 1, close, depth + 1) };
      case 'table_open':
        return this.table(tokens, open, close, span, text);
      default:
        return undefined;
    }
  }

  table(tokens: Token[], open: number, close: number, span: Span, text: string): Block {
    const rows: TableRow[] = [];
    for (let i = open; i < close; i++) {
      const t = tokens[i] as Token;
      if (t.type === 'tr_open' && t.map) rows.push(this.row(t.map[0]));
    }
    const [header, ...body] = rows;
    const block: Block = { type: 'table', start: span.start, end: span.end, text, rows: body };
    if (header) block.header = header;
    this.tables.push(block);
    return block;
  }

  row(line: number): TableRow {
    const start = this.lineStarts[line] ?? 0;
    const end = lineEnd(this.text, this.lineStarts, line);
    return { start, end, cells: splitRow(this.text, start, end) };
  }
}

/** The index of each open token's close (-1: none, and for every other token), in one pass: a scan per container is quadratic in a list's depth. */
function closesOf(tokens: Token[]): Int32Array {
  const closes = new Int32Array(tokens.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const n = (tokens[i] as Token).nesting;
    if (n === 1) open.push(i);
    else if (n === -1) {
      const o = open.pop();
      if (o !== undefined) closes[o] = i;
    }
  }
  return closes;
}

function headingTitle(text: string, span: Span, markup: string): { title: string; titleSpan: Span } {
  // ATX: first line minus `#`s; setext: the text lines above the underline.
  const firstLineEnd = text.indexOf('\n', span.start);
  const lineStop = markup.startsWith('#') ? (firstLineEnd === -1 || firstLineEnd > span.end ? span.end : firstLineEnd) : lastLineStart(text, span);
  let raw = text.slice(span.start, lineStop).replace(/\r$/, '');
  let start = span.start;
  if (markup.startsWith('#')) {
    const lead = /^[ \t]*#{1,6}[ \t]*/.exec(raw)?.[0] ?? '';
    start += lead.length;
    raw = raw.slice(lead.length).replace(/[ \t]+#+[ \t]*$|^#+[ \t]*$/, '');
  }
  return trimmedSpan(raw, start, (s) =>
    s
      .replace(/[*_`]/g, '')
      .replace(/[:\s]+$/, '')
      .trim(),
  );
}

function lastLineStart(text: string, span: Span): number {
  const slice = text.slice(span.start, span.end).replace(/\s+$/, '');
  const nl = Math.max(slice.lastIndexOf('\n'), slice.lastIndexOf('\r'));
  return nl === -1 ? span.end : span.start + nl;
}

function trimmedSpan(raw: string, start: number, clean: (s: string) => string): { title: string; titleSpan: Span } {
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  return { title: clean(trimmed), titleSpan: { start: start + lead, end: start + lead + trimmed.length } };
}

const PIPE = 0x7c;
const BACKSLASH = 0x5c;

/** Splits a GFM table row into cells with their source spans; `\|` does not split. */
export function splitRow(text: string, start: number, end: number): TableCell[] {
  let s = start;
  while (s < end && (isSpaceAt(text, s) || text.charCodeAt(s) === 62)) s++;
  let e = end;
  while (e > s && isSpaceAt(text, e - 1)) e--;
  if (text.charCodeAt(s) === PIPE) s++;
  if (e > s && text.charCodeAt(e - 1) === PIPE && text.charCodeAt(e - 2) !== BACKSLASH) e--;
  const cells: TableCell[] = [];
  let cellStart = s;
  // From pipe to pipe (the row's end closes the last cell).
  for (let i = text.indexOf('|', s); ; i = text.indexOf('|', i + 1)) {
    const stop = i === -1 || i >= e ? e : i;
    if (stop < e && text.charCodeAt(stop - 1) === BACKSLASH) continue;
    let a = cellStart;
    let b = stop;
    while (a < b && isSpaceAt(text, a)) a++;
    while (b > a && isSpaceAt(text, b - 1)) b--;
    cells.push({ start: a, end: b, text: text.slice(a, b) });
    if (stop === e) break;
    cellStart = stop + 1;
  }
  return cells;
}

type Start = Pick<Section, 'title' | 'style' | 'depth' | 'titleSpan'> & {
  /** Where the content starts: the next line, or for a field the rest of its line. */
  contentStart: number;
  /** For a field: the paragraph it sits in, and its index in `doc.blocks`. */
  block?: Block;
  blockIndex?: number;
  /** For a field whose value ends where it is written (a list item, a table cell, a middle-dot pair). */
  end?: number;
  /** For a table row's field: its value cells, each owned on its own (the pipes between are not text). */
  cells?: Span[];
};

/** A list item's head that is emphasised: `- **`, `* __`, `1. *`. */
const BOLD_ITEM = /[*_]$/;
/** Blocks a bold line can be the title of. */
const CONTENT = new Set<Block['type']>(['paragraph', 'list', 'table', 'quote', 'code']);

/**
 * What the sections are read from, always an object of this one shape: a Doc has two (with and
 * without front matter), and each new shape met deoptimised these functions and had them compiled again.
 */
type Source = Pick<Doc, 'text' | 'lineStarts' | 'blocks'>;

function sectionsOf(doc: Source, headings: HeadingInfo[]): Section[] {
  const starts = startsOf(doc, headings);
  const ends = sectionEnds(doc, starts);
  const lineOf = (s: Start) => lineStartAt(doc.lineStarts, s.titleSpan.start);
  // A field ends with its paragraph (cut at the next label or field line in it), and takes a list
  // that its value introduces ("**Options:** two of them:" and the list right under it).
  starts.forEach((s, i) => {
    // Written where it ends: other fields may follow on the same line (`For: X · From: Y`).
    if (s.end !== undefined) ends[i] = s.end;
    if (s.style !== 'field' || !s.block || s.end !== undefined) return;
    const next = starts[i + 1];
    let end = next && next.titleSpan.start < s.block.end ? trimBack(doc.text, s.contentStart, lineOf(next)) : s.block.end;
    if (end === s.block.end && /:\s*$/.test(doc.text.slice(s.contentStart, end))) {
      const after = doc.blocks[(s.blockIndex as number) + 1];
      // The list's own item fields nest under this one.
      if (after?.type === 'list' && (!next || next.titleSpan.start >= after.end || next.depth > s.depth)) end = after.end;
    }
    ends[i] = Math.min(ends[i] as number, end);
  });

  const sections: Section[] = [];
  const stack: number[] = [];
  starts.forEach((s, i) => {
    const end = Math.max(ends[i] as number, s.titleSpan.end);
    const top = () => sections[stack[stack.length - 1] as number] as Section;
    while (stack.length && (top().depth >= s.depth || top().span.end <= s.titleSpan.start)) stack.pop();
    const parent = stack.length ? (stack[stack.length - 1] as number) : -1;
    const contentStart = Math.min(s.contentStart, end);
    // Built field by field: spreading `s` was most of this loop's time.
    sections.push({
      index: i,
      title: s.title,
      style: s.style,
      depth: s.depth,
      titleSpan: s.titleSpan,
      span: { start: s.titleSpan.start, end },
      own: { start: contentStart, end },
      owned: [],
      blocks: [],
      parent,
      children: [],
    });
    if (parent !== -1) (sections[parent] as Section).children.push(i);
    stack.push(i);
  });
  for (const section of sections) {
    // What the section owns: its content minus the spans of its children (from their title line).
    const owned: Span[] = [];
    let cursor = section.own.start;
    for (const c of section.children) {
      const child = sections[c] as Section;
      const from = lineStartAt(doc.lineStarts, child.span.start);
      if (from > cursor) owned.push({ start: cursor, end: trimBack(doc.text, cursor, from) });
      cursor = Math.max(cursor, child.span.end);
    }
    if (section.span.end > cursor) owned.push({ start: cursor, end: section.span.end });
    const firstChild = section.children.length ? lineStartAt(doc.lineStarts, (sections[section.children[0] as number] as Section).span.start) : section.span.end;
    const cells = (starts[section.index] as Start).cells;
    if (cells) section.owned = cells.map((c) => ({ start: c.start, end: c.end }));
    else {
      section.owned = [];
      for (const r of owned) {
        const t = trimmed(doc.text, r);
        if (t.end > t.start) section.owned.push(t);
      }
    }
    const first = section.owned[0];
    section.own = first && first.end <= firstChild ? first : { start: section.own.start, end: section.own.start };
    const blocks: Block[] = [];
    for (const r of section.owned) clipInto(doc.text, doc.blocks, r, blocks);
    section.blocks = blocks;
  }
  return sections;
}

/**
 * Where each section starts, in text order: headings, and the labels and fields in top-level
 * paragraphs, lists and key/value tables. Each kind of block is read by a function of its own:
 * small functions reach the optimising compiler sooner, and a parse is mostly cold code.
 */
function startsOf(doc: Source, headings: HeadingInfo[]): Start[] {
  const starts: Start[] = [];
  const runIns: Start[] = [];
  let hi = 0;
  let headingDepth = 0;
  // The next colon in the text at or after the line being read (one forward scan per document).
  const colon = { at: -1 };
  for (let bi = 0; bi < doc.blocks.length; bi++) {
    const block = doc.blocks[bi] as Block;
    while (hi < headings.length && (headings[hi] as HeadingInfo).block.start <= block.start) headingDepth = pushHeading(doc, headings[hi++] as HeadingInfo, starts);
    if (block.type === 'list') listFields(doc, block, headingDepth, starts);
    else if (block.type === 'table') tableFields(block, headingDepth, starts);
    else if (block.type === 'paragraph') paragraphHeads(doc, bi, headingDepth, colon, starts, runIns);
    else if (block.type === 'html') summaryLabel(doc, block, headingDepth, starts);
  }
  while (hi < headings.length) pushHeading(doc, headings[hi++] as HeadingInfo, starts);
  // Plain run-in heads are a convention only where the writer keeps to it: one paragraph that
  // opens "Thoughts welcome. Happy to discuss." is a short sentence, two or more are titles.
  if (runIns.length < MIN_RUN_INS) return starts;
  return [...starts, ...runIns].sort((a, b) => a.titleSpan.start - b.titleSpan.start);
}

/** Appends a heading's start; returns its depth, the depth the labels and fields under it nest from. */
function pushHeading(doc: Source, h: HeadingInfo, starts: Start[]): number {
  starts.push({ title: h.title, style: 'heading', depth: h.depth, titleSpan: h.titleSpan, contentStart: lineAfter(doc, h.block.end - 1) });
  return h.depth;
}

// Fields of a list item or a table row sit one level under a field whose value introduces them.
function pushField(starts: Start[], headingDepth: number, title: string, titleSpan: Span, contentStart: number, end: number, cells?: Span[]): void {
  const start: Start = { title, style: 'field', depth: headingDepth + 3, titleSpan, contentStart, end: Math.max(end, contentStart) };
  if (cells) start.cells = cells;
  starts.push(start);
}

/**
 * `- **Decision needed:** ...`, `* Owner: Dana`: a field owning the rest of its item. A plain
 * `Name:` makes fields only of a list of them (every item), not of one option among others
 * ("3. Split: ...").
 */
function listFields(doc: Source, block: Block, headingDepth: number, starts: Start[]): void {
  const items = (block.children ?? []).map((item) => {
    const stop = doc.text.indexOf('\n', item.start);
    const h = headOfItem(doc.text.slice(item.start, Math.min(stop === -1 ? item.end : stop, item.end, item.start + MAX_HEAD + 4)));
    return { item, h };
  });
  const plain = items.every((x) => x.h);
  for (const { item, h } of items) {
    if (!h || (!plain && !BOLD_ITEM.test(doc.text.slice(item.start, item.start + h.start)))) continue;
    const line = doc.text.slice(item.start, lineEnd(doc.text, doc.lineStarts, lineIndexAt(doc.lineStarts, item.start)));
    const end = item.start + h.end;
    const contentStart = h.form === 'label' ? lineAfter(doc, item.start) : end + (/^[ \t]*/.exec(line.slice(h.end))?.[0].length ?? 0);
    if (h.bare && contentStart >= item.end) continue;
    pushField(starts, headingDepth, h.name, { start: item.start + h.start, end }, contentStart, trimBack(doc.text, contentStart, item.end));
  }
}

/** `| Skill goal | Lead the ... |`: each row a field owning its value cell (or cells: `| Skill goal | Lead ... | by 26 Feb |`). */
function tableFields(block: Block, headingDepth: number, starts: Start[]): void {
  for (const row of keyValueRows(block)) {
    const first = row.values[0] as TableCell;
    const last = row.values[row.values.length - 1] as TableCell;
    pushField(starts, headingDepth, row.name, { start: row.key.start, end: row.key.end }, first.start, last.end, row.values.length > 1 ? row.values : undefined);
  }
}

/**
 * A toggle's name: `<summary>Weekly allocation (40 hours)</summary>` on a line of its own, or after
 * its `<details>` tag. The name starts and ends on a non-blank, so a run of blanks has one split.
 */
const SUMMARY = /^([ \t]*(?:<details\b[^<>\n\r]*>[ \t]*)?<summary>[ \t]*)([^<>\n\r \t](?:[^<>\n\r]{0,98}[^<>\n\r \t])?)[ \t]*<\/summary>[ \t]*$/gim;

/**
 * A `<details>` toggle (GitHub, Notion and Confluence exports fold sections into them) is a label
 * named by its `<summary>`: what follows it, up to the next section, is the section's content.
 * One HTML block may hold several toggles.
 */
function summaryLabel(doc: Source, block: Block, headingDepth: number, starts: Start[]): void {
  const at = doc.text.indexOf('<summary>', block.start);
  if (at === -1 || at >= block.end) return;
  const from = lineStartAt(doc.lineStarts, block.start);
  const html = doc.text.slice(from, block.end);
  for (const m of html.matchAll(SUMMARY)) {
    const start = from + (m.index as number) + (m[1] as string).length;
    const title = m[2] as string;
    const titleSpan = { start, end: start + title.length };
    starts.push({ title, style: 'label', depth: headingDepth + 1, titleSpan, contentStart: lineAfter(doc, titleSpan.start) });
  }
}

/** Paragraphs that open with a plain run-in head before they are read as titles. */
const MIN_RUN_INS = 2;

/** Labels and fields may sit on any line of a top-level paragraph (`doc.blocks[bi]`). */
function paragraphHeads(doc: Source, bi: number, headingDepth: number, colon: { at: number }, starts: Start[], runIns: Start[]): void {
  const block = doc.blocks[bi] as Block;
  const firstLine = lineIndexAt(doc.lineStarts, block.start);
  // "Recommendation. Neither team ...": a plain run-in head, kept aside (startsOf).
  const runIn = plainRunIn(doc.text.slice(block.start, Math.min(block.end, block.start + MAX_HEAD)));
  if (runIn) {
    const end = block.start + runIn.end;
    const gap = /^[ \t]*/.exec(doc.text.slice(end, end + 8))?.[0].length ?? 0;
    runIns.push({ title: runIn.name, style: 'field', depth: headingDepth + 2, titleSpan: { start: block.start + runIn.start, end }, contentStart: end + gap, block, blockIndex: bi });
  }
  let headLine = -1;
  for (let li = firstLine; li < doc.lineStarts.length; li++) {
    const lineStart = doc.lineStarts[li] as number;
    if (lineStart > block.end) break;
    const lineStop = Math.min(lineEnd(doc.text, doc.lineStarts, li), block.end);
    // Most prose lines are skipped before running the patterns: a title needs a colon early
    // on or emphasis at the line's start (after a paragraph number: a digit or a dot first).
    if (colon.at < lineStart) colon.at = nextColon(doc.text, lineStart);
    if (colon.at >= Math.min(lineStop, lineStart + MAX_HEAD) && !(mayOpenHead(doc.text, lineStart) && MAY_HEAD.test(doc.text.slice(lineStart, lineStart + 16)))) continue;
    const line = doc.text.slice(lineStart, lineStop);
    for (const h of headsOfLine(line)) {
      const at = lineStart + h.start;
      if (h.form === 'label') {
        // A bold line is a title only when content follows it: more lines, or a block after it.
        if (h.bare && lineStop >= block.end && !CONTENT.has(doc.blocks[bi + 1]?.type as Block['type'])) continue;
        const titleSpan = { start: at, end: lineStart + h.end };
        starts.push({ title: h.name, style: 'label', depth: headingDepth + 1, titleSpan, contentStart: lineAfter(doc, titleSpan.start) });
        headLine = li;
        continue;
      }
      // "... so we'd like to propose\nsomething different: keep ...": a wrapped sentence goes on in
      // lower case after a line that neither ends one nor holds a title; but a run of field lines
      // ("decision needed: ...\nfacts: ...") keeps each other, whatever prose stands above it.
      if (li > firstLine && headLine !== li - 1 && /^[ \t]*\p{Ll}/u.test(line) && !/[.!?:;)]\s*$/.test(doc.text.slice(doc.lineStarts[li - 1] as number, lineStart)) && !fieldLineAt(doc, block, li + 1)) continue;
      headLine = li;
      // The closing `**` and the colon belong to the title, not to the value.
      const end = lineStart + h.end;
      const gap = /^[ \t]*/.exec(doc.text.slice(end, lineStop))?.[0].length ?? 0;
      const prev = starts[starts.length - 1];
      // `**Consequences:**` right above `**Links:** x`: two bold fields at one level, the first
      // empty; but `**Options:**` above `**Option 1:** ...` lists its items.
      const sibling =
        prev?.style === 'label' && BOLD.test(line) && BOLD.test(doc.text.slice(lineStartAt(doc.lineStarts, prev.titleSpan.start), prev.titleSpan.end)) && lineAfter(doc, prev.titleSpan.start) === lineStart && !ITEM_NAME.test(h.name);
      const start: Start = { title: h.name, style: 'field', depth: sibling ? prev.depth : headingDepth + 2, titleSpan: { start: at, end }, contentStart: end + gap, block, blockIndex: bi };
      if (h.valueEnd !== undefined) start.end = trimBack(doc.text, end, lineStart + h.valueEnd);
      starts.push(start);
    }
  }
}

/** Whether line `li` is inside `block` and holds a `Key: value` field. */
function fieldLineAt(doc: Source, block: Block, li: number): boolean {
  const lineStart = doc.lineStarts[li];
  if (lineStart === undefined || lineStart >= block.end) return false;
  return headsOfLine(doc.text.slice(lineStart, Math.min(lineEnd(doc.text, doc.lineStarts, li), block.end))).some((h) => h.form !== 'label');
}

/** A span without the white space at its ends. */
function trimmed(text: string, r: Span): Span {
  let start = r.start;
  const end = trimBack(text, start, r.end);
  while (start < end && isSpaceAt(text, start)) start++;
  return { start, end };
}

/** `to`, moved back over white space but not before `from`. */
function trimBack(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && isSpaceAt(text, e - 1)) e--;
  return e;
}

/**
 * Where each section ends: at the line of the next section of the same or a shallower depth,
 * else at the end of the text. One pass from the back with a stack keeps big documents linear.
 */
function sectionEnds(doc: Source, starts: { depth: number; titleSpan: Span }[]): number[] {
  const ends = new Array<number>(starts.length);
  const pending: number[] = []; // indices after i, depths strictly increasing from top to bottom
  for (let i = starts.length - 1; i >= 0; i--) {
    const depth = (starts[i] as { depth: number }).depth;
    while (pending.length && (starts[pending[pending.length - 1] as number] as { depth: number }).depth > depth) pending.pop();
    const next = pending[pending.length - 1];
    ends[i] = next === undefined ? doc.text.length : lineStartAt(doc.lineStarts, (starts[next] as { titleSpan: Span }).titleSpan.start);
    pending.push(i);
  }
  return ends;
}

/** Non-heading blocks overlapping `span`, cut to it (a cut paragraph loses the white space at its ends). */
export function clippedBlocks(text: string, blocks: readonly Block[], span: Span): Block[] {
  return clipInto(text, blocks, span, []);
}

/** clippedBlocks, appended to `out`. */
function clipInto(text: string, blocks: readonly Block[], span: Span, out: Block[]): Block[] {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((blocks[mid] as Block).end > span.start) hi = mid;
    else lo = mid + 1;
  }
  for (let i = lo; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.start >= span.end) break;
    if (b.end <= span.start || b.type === 'heading') continue;
    const piece = clip(text, b, span);
    if (piece) out.push(piece);
  }
  return out;
}

/**
 * A block cut to `span`, its children cut too (a list item field owns the rest of its item): a
 * table keeps the rows inside the span, and a piece of one cell (a key/value row's value) is a
 * paragraph. Undefined when nothing of it is left.
 */
function clip(text: string, b: Block, span: Span): Block | undefined {
  if (b.start >= span.start && b.end <= span.end) return b;
  let start = Math.max(b.start, span.start);
  const end = trimBack(text, start, Math.min(b.end, span.end));
  while (start < end && isSpaceAt(text, start)) start++;
  if (end <= start) return undefined;
  if (b.type === 'table') {
    // A row's cells lie inside the row's line: rows away from the span are skipped unread (each
    // key/value field clips the same table).
    const within = (r: TableRow) => r.start <= end && r.end >= start && r.cells.some((c) => c.text !== '' && c.start >= start && c.end <= end);
    const inCell = (r: TableRow | undefined) => r !== undefined && r.start <= start && end <= r.end && r.cells.some((c) => c.start <= start && end <= c.end);
    const near = rowsAround(b.rows ?? [], start, end);
    if (inCell(b.header) || near.some(inCell)) return { type: 'paragraph', start, end, text: text.slice(start, end) };
    const rows = near.filter(within);
    const header = b.header && within(b.header) ? b.header : undefined;
    if (!rows.length && !header) return undefined;
    const piece: Block = { ...b, start, end, text: text.slice(start, end), rows };
    if (header) piece.header = header;
    else delete piece.header;
    return piece;
  }
  const piece: Block = { ...b, start, end, text: text.slice(start, end) };
  if (b.children) {
    const inner = { start, end };
    // Children are in order: start at the first one that ends after `start` (a list item field
    // clips its list once per item, so a scan from the top would be quadratic).
    const children = b.children;
    let lo = 0;
    let hi = children.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((children[mid] as Block).end > start) hi = mid;
      else lo = mid + 1;
    }
    piece.children = [];
    for (let i = lo; i < children.length; i++) {
      const c = children[i] as Block;
      if (c.start >= end) break;
      const p = c.type === 'heading' ? undefined : clip(text, c, inner);
      if (p) piece.children.push(p);
    }
    if (!piece.children.length && (b.type === 'list' || b.type === 'listItem' || b.type === 'quote')) return undefined;
    // "5. **Options.**" then a nested list: the field owns the rest of item 5, which is only the
    // nested list. The item's marker is cut off, so the wrapper is no entry of its own; the
    // nested list's items are the section's items.
    const only = piece.children[0];
    if (b.type === 'list' && b.start < span.start && piece.children.length === 1 && only?.type === 'listItem' && only.children?.length === 1 && only.children[0]?.type === 'list') return only.children[0];
  }
  return piece;
}

/**
 * The rows (in order, one per line) that reach into `start`..`end`: found by halving, since a
 * table's column sections clip it once per cell and a scan of every row would be quadratic.
 */
function rowsAround(rows: readonly TableRow[], start: number, end: number): TableRow[] {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] as TableRow).end >= start) hi = mid;
    else lo = mid + 1;
  }
  const out: TableRow[] = [];
  for (let i = lo; i < rows.length && (rows[i] as TableRow).start <= end; i++) out.push(rows[i] as TableRow);
  return out;
}

const SPACE = /\s/;

/** Whether the code unit at `i` is white space (`\s`), told by its code for ASCII, the commonest case. */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(text[i] as string);
}

/** The offset of the first `:` at or after `from`, or past the end of the text. */
function nextColon(text: string, from: number): number {
  const at = text.indexOf(':', from);
  return at === -1 ? text.length + 1 : at;
}

/** Whether MAY_HEAD can match at `lineStart`: after up to three blanks, emphasis or a paragraph number's digit or dot. */
function mayOpenHead(text: string, lineStart: number): boolean {
  let i = lineStart;
  while (i < lineStart + 3 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const c = text.charCodeAt(i);
  return c === 42 || c === 95 || c === 46 || (c >= 48 && c <= 57);
}

/** Start of the line after the one containing `offset` (any line ending), or the end of the text. */
function lineAfter(doc: Source, offset: number): number {
  return doc.lineStarts[lineIndexAt(doc.lineStarts, offset) + 1] ?? doc.text.length;
}

/** The disable/enable comments, the first `<!--` at `from`. */
function directivesOf(text: string, from: number): Directive[] {
  if (!text.includes('staffwork-', from)) return [];
  const out: Directive[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const rules = (m[2] as string)
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter((r) => r && r !== '--');
    out.push({ kind: m[1] as Directive['kind'], rules, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
