// Small text queries shared by rules. All spans are absolute offsets into doc.text.
// Deprecated in favour of the section view (context.view / context.body, src/core/query) and
// src/core/text; kept as thin wrappers while the rules move over. All read `Doc.plain`, so
// HTML comments are never matched.
import type { Block, Doc, Section, Span } from '../model/types.ts';
import { SectionView } from '../query/section-view.ts';
import type { Match } from '../text/match.ts';
import { splitSentences } from '../text/sentences.ts';

export type { Match } from '../text/match.ts';
export { SENTENCE } from '../text/sentences.ts';
export { contentWords, stem } from '../text/words.ts';
import { itemContent as itemContentOf } from '../text/entries.ts';

/** Matches of `re` (global) inside `span`, outside code blocks, HTML and front matter. */
export function findAll(doc: Doc, span: Span, re: RegExp, blocks?: Block[]): Match[] {
  const out: Match[] = [];
  const ranges = prose(doc, span, blocks);
  for (const r of ranges) {
    const slice = doc.plain.slice(r.start, r.end);
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
 * Whether a section has content, its subsections included: prose other than HTML comments
 * (skeleton hints), a table or a code block. The empty-section rule, the completion standard and
 * the workbench outline agree.
 */
export function hasContent(doc: Doc, section: Section): boolean {
  return !new SectionView(doc, section, [section.contentSpan]).isEmpty();
}

/** The text of a section's content, prose only, joined by newlines. */
export function sectionText(doc: Doc, section: Section): string {
  return prose(doc, section.contentSpan, section.blocks)
    .map((s) => doc.plain.slice(s.start, s.end))
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
    for (const raw of doc.plain.slice(r.start, r.end).split(/\r?\n|\r/)) {
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
  return itemContentOf(doc.text, item);
}

/** Sentences in a span (see text/sentences.ts); prefer `view.sentences()`. */
export function sentences(doc: Doc, span: Span): Match[] {
  return splitSentences(doc.plain, span.start, span.end);
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

/** Text for a message: white space collapsed, cut to `max` characters. */
export function clip(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3).trimEnd()}...` : flat;
}
