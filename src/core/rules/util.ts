// Small text queries shared by rules. All spans are absolute offsets into doc.text.
import type { Block, Doc, Section, Span } from '../model/types.ts';

export interface Match extends Span {
  text: string;
}

/** Matches of `re` (global) inside `span`, outside code blocks, HTML and front matter. */
export function findAll(doc: Doc, span: Span, re: RegExp, blocks?: Block[]): Match[] {
  const out: Match[] = [];
  const ranges = prose(doc, span, blocks);
  for (const r of ranges) {
    const slice = doc.text.slice(r.start, r.end);
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({ start: r.start + m.index, end: r.start + m.index + m[0].length, text: m[0] });
    }
  }
  return out;
}

/** Parts of `span` that are prose: code, HTML and rules left out. */
export function prose(doc: Doc, span: Span, blocks: Block[] = doc.blocks): Span[] {
  const out: Span[] = [];
  let cursor = span.start;
  for (const b of blocks) {
    if (b.end <= span.start || b.start >= span.end) continue;
    if (b.type === 'code' || b.type === 'html' || b.type === 'rule') {
      if (b.start > cursor) out.push({ start: cursor, end: b.start });
      cursor = Math.max(cursor, b.end);
    }
  }
  if (cursor < span.end) out.push({ start: cursor, end: span.end });
  return out;
}

/**
 * Whether a section has content: prose other than HTML comments (skeleton hints), a table or
 * a code block. The empty-section rule, the completion standard and the workbench outline agree.
 */
export function hasContent(doc: Doc, section: Section): boolean {
  if (section.blocks.some((b) => (b.type === 'table' || b.type === 'code') && b.start >= section.contentSpan.start)) return true;
  return prose(doc, section.contentSpan, section.blocks).some((r) => /\S/.test(doc.text.slice(r.start, r.end).replace(/<!--[^]*?-->/g, '')));
}

/** The text of a section's content, prose only, joined by newlines. */
export function sectionText(doc: Doc, section: Section): string {
  return prose(doc, section.contentSpan, section.blocks)
    .map((s) => doc.text.slice(s.start, s.end))
    .join('\n');
}

/**
 * The entries of a section: its list items if it has a list, otherwise its non-empty lines
 * (the module writes entries one per line under a label). Markers are left out of spans.
 */
export function entries(doc: Doc, section: Section): Match[] {
  const items: Match[] = [];
  const { start, end } = section.contentSpan;
  for (const b of doc.blocks) {
    if (b.end <= start || b.start >= end) continue;
    if (b.type === 'list') for (const item of b.children ?? []) items.push(itemContent(doc, item));
  }
  if (items.length) return items;
  const lines: Match[] = [];
  for (const r of prose(doc, section.contentSpan, section.blocks)) {
    let pos = r.start;
    for (const raw of doc.text.slice(r.start, r.end).split(/\r?\n|\r/)) {
      const lead = /^[\s>]*(?:[-*+]|\d+[.)])?\s*/.exec(raw)?.[0].length ?? 0;
      const body = raw.slice(lead).trimEnd();
      if (body && !/^\|/.test(body) && !/^<!--/.test(body)) lines.push({ start: pos + lead, end: pos + lead + body.length, text: body });
      pos += raw.length + 1;
    }
  }
  return lines.filter((l) => !/^[-|:\s]+$/.test(l.text));
}

/** A list item without its marker (and without a task checkbox). */
export function itemContent(doc: Doc, item: Block): Match {
  const raw = doc.text.slice(item.start, item.end);
  const lead = /^\s*(?:[-*+]|\d+[.)])\s*(?:\[[ xX]\]\s*)?/.exec(raw)?.[0].length ?? 0;
  const body = raw.slice(lead).trimEnd();
  return { start: item.start + lead, end: item.start + lead + body.length, text: body };
}

/**
 * One sentence: it ends at . ! ? followed by white space or the end (so "3.5 days" and "v1.2"
 * stay whole). The alternatives are disjoint, so a long run of dots cannot backtrack.
 */
export const SENTENCE = /(?:[^.!?]|[.!?](?!["')\]]*(?:\s|$)))+(?:[.!?]+["')\]]*)?/g;

/**
 * Sentences in a span: a sentence ends at . ! ? before white space, or at a blank line; a
 * hard-wrapped sentence stays one sentence.
 */
export function sentences(doc: Doc, span: Span): Match[] {
  const out: Match[] = [];
  const text = doc.text.slice(span.start, span.end);
  let offset = 0;
  for (const para of text.split(/(\r?\n[ \t]*\r?\n)/)) {
    for (const m of para.matchAll(SENTENCE)) {
      const lead = m[0].length - m[0].trimStart().length;
      const body = m[0].trim();
      const at = span.start + offset + m.index + lead;
      if (/\w/.test(body)) out.push({ start: at, end: at + body.length, text: body });
    }
    offset += para.length;
  }
  return out;
}

const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred|half|double|twice|zero)\b/i;
const DATE =
  /\b(?:Q[1-4]|H[12]|(?:19|20)\d\d|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|end of (?:the )?(?:week|month|quarter|year|half|sprint)|next (?:week|month|quarter|sprint)|this (?:week|month|quarter|half|sprint)|within \w+ (?:days?|weeks?|months?)|by (?:the )?(?:end|eod|eow))\b/i;

export function hasNumber(text: string): boolean {
  return NUMBER.test(text);
}

export function hasDate(text: string): boolean {
  return DATE.test(text);
}

/** Content words of a text, lower-cased and crudely stemmed, for overlap between sections. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[a-z][a-z0-9-]{2,}/g) ?? []) {
    if (STOP.has(w)) continue;
    out.add(stem(w));
  }
  return out;
}

// Stems are pure functions of the word and rules stem the same words on every keystroke;
// remembering a bounded number of them keeps the cross-section rules inside a frame.
const stems = new Map<string, string>();
const MAX_STEMS = 20_000;

export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = word
      .replace(/(?:ies)$/, 'y')
      .replace(/(?:ing|ed|es|s|ly|ness|ment|ation|ize|ise)$/, '')
      .replace(/(.)\1$/, '$1')
      .slice(0, 7);
    if (stems.size >= MAX_STEMS) stems.clear();
    stems.set(word, s);
  }
  return s;
}

const STOP = new Set(
  (
    'the and for with that this from into onto over under than then they them their there these those what when where which while who whom why how ' +
    'are was were been being have has had not but all any each every our ours your you its his her she him can could should would will shall may might must ' +
    'more most less least very much many such only also just about after before again against between both during other same some own too out off per via ' +
    'one two three new make made use using used get got team teams work'
  ).split(' '),
);

/** Text for a message: white space collapsed, cut to `max` characters. */
export function clip(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3).trimEnd()}...` : flat;
}
