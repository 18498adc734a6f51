// Text queries shared by the summary/ rules (not a rule: the `_` keeps it out of the registry).
// Executive summaries come in three spellings: `Label:` lines as in the module, headings, and
// prose with a bolded `**Decision:** ...` line. These helpers give every rule the same view of
// "the decision", "the ask" and "the sentences" whichever spelling the writer chose.
import { lexicon } from '../../lexicon/index.ts';
import type { Block, Doc, Section, Span } from '../../model/types.ts';
import { splitSentences as split } from '../../text/sentences.ts';
import { findAll, type Match } from '../util.ts';

export { wordsOf } from '../../text/words.ts';

/** Where the body starts: after the front matter. */
export function bodyStart(doc: Doc): number {
  return doc.frontMatter ? doc.frontMatter.span.end : 0;
}

/** The text a section owns for these rules (deprecated: `context.view(id)`); a field ends with its paragraph. */
export function scopeOf(doc: Doc, section: Section): Span {
  return section.style === 'field' ? section.own : section.contentSpan;
}

/** Paragraphs (also inside list items and quotes) that overlap `span`, in order. */
function paragraphs(blocks: Block[], span: Span, out: Block[] = []): Block[] {
  for (const b of blocks) {
    if (b.end <= span.start || b.start >= span.end) continue;
    if (b.type === 'paragraph') out.push(b);
    else if (b.children && (b.type === 'list' || b.type === 'listItem' || b.type === 'quote')) paragraphs(b.children, span, out);
  }
  return out;
}

export interface Sentence extends Match {
  /** The section whose title stands right before this sentence, if any. */
  after?: Section;
}


/**
 * Sentences in `span` (text/sentences.ts), with section titles (`Decision:`, `**Ask:**`) left out:
 * a title ends a sentence and marks the sentence after it; each list item is at least one sentence.
 */
export function sentencesIn(doc: Doc, span: Span): Sentence[] {
  const out: Sentence[] = [];
  // Section titles in document order; one pointer walks them with the paragraphs (no rescans).
  const titles = doc.sections.filter((s) => s.titleSpan.end > span.start && s.titleSpan.start < span.end).sort((a, b) => a.titleSpan.start - b.titleSpan.start);
  let t = 0;
  for (const p of paragraphs(doc.blocks, span)) {
    const from = Math.max(p.start, span.start);
    const to = Math.min(p.end, span.end);
    while (t < titles.length && (titles[t] as Section).titleSpan.start < from) t++;
    // Pieces of the paragraph between section titles.
    let cursor = from;
    let after: Section | undefined;
    for (; t <= titles.length; t++) {
      const title = titles[t];
      const stop = title && title.titleSpan.start < to ? title.titleSpan.start : to;
      if (stop > cursor) splitSentences(doc, cursor, stop, after, out);
      if (!title || title.titleSpan.start >= to) break;
      cursor = Math.max(cursor, title.style === 'field' ? title.own.start : title.titleSpan.end);
      after = title;
    }
  }
  return out;
}

function splitSentences(doc: Doc, from: number, to: number, after: Section | undefined, out: Sentence[]): void {
  const found = split(doc.plain, from, to);
  // Only the piece's first sentence stands right after the title.
  if (after && found[0]) (found[0] as Sentence).after = after;
  out.push(...found);
}

/** Whether a regex (a lexicon) matches `text`, from a fresh state. */
export function has(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}

function firstIndex(re: RegExp, text: string): number {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m ? m.index : -1;
}

/**
 * Whether a sentence states a decision: a marker ("we recommend", "we decided", "we will") or an
 * imperative opening ("Delay the launch"). Unless `strict`, also a decision verb anywhere that
 * does not come after an activity verb ("we looked into whether to delay" is still activity).
 */
export function isDecisive(sentence: string, strict = false): boolean {
  if (has(lexicon('decision-markers'), sentence)) return true;
  const at = firstIndex(lexicon('decision'), sentence);
  if (at === -1) return false;
  if (at === (/^[^\p{L}]*/u.exec(sentence)?.[0].length ?? 0)) return true;
  if (strict) return false;
  const activityAt = firstIndex(lexicon('activity'), sentence);
  return activityAt === -1 || at < activityAt;
}

/**
 * Where the decision is stated: the Decision section, or, in a summary without one, the first
 * sentence that states a decision.
 */
export function decisionSpans(doc: Doc, section: (key: string) => Section | undefined): Span[] {
  const s = section('decision');
  if (s) return [scopeOf(doc, s)];
  const first = sentencesIn(doc, { start: bodyStart(doc), end: doc.text.length }).find((x) => isDecisive(x.text));
  return first ? [first] : [];
}

/** Where the ask is made: the Ask section, or the sentences that make a request. */
export function askSpans(doc: Doc, section: (key: string) => Section | undefined): Span[] {
  const s = section('ask');
  if (s) return [scopeOf(doc, s)];
  return sentencesIn(doc, { start: bodyStart(doc), end: doc.text.length }).filter((x) => has(lexicon('ask'), x.text));
}

/** Lexicon matches inside spans, outside code, in order. */
export function matchesIn(doc: Doc, spans: Span[], re: RegExp): Match[] {
  return spans.flatMap((s) => findAll(doc, s, re));
}

/**
 * The audience of a summary from front matter; executive when unset, blank or not a string (it is an
 * *executive* summary, and the workbench and the portfolio label it so).
 */
export function audienceOf(doc: Doc): string {
  const value = doc.frontMatter?.data['audience'];
  return typeof value === 'string' && value.trim() ? value.trim().toLowerCase() : 'executive';
}

/** A `[text](url)`-free, backtick-quoted excerpt for messages. */
export function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').replace(/`/g, "'").trim();
  return `\`${t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t}\``;
}
