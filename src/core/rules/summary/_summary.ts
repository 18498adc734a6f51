// Text queries shared by the summary/ rules (not a rule: the `_` keeps it out of the registry).
// Executive summaries come in three spellings: `Label:` lines as in the module, headings, and
// prose with a bolded `**Decision:** ...` line. These helpers give every rule the same view of
// "the decision", "the ask" and "the sentences" whichever spelling the writer chose.
import { lexicon } from '../../lexicon/index.ts';
import type { Block, Doc, Section, Span } from '../../model/types.ts';
import { findAll, SENTENCE, type Match } from '../util.ts';

/** Where the body starts: after the front matter. */
export function bodyStart(doc: Doc): number {
  return doc.frontMatter ? doc.frontMatter.span.end : 0;
}

/**
 * The text a section owns for these rules. A `**Decision:** ...` field runs, in the model, to the
 * next section; in prose only its own paragraph is the decision, the paragraphs after it are
 * the reasons.
 */
export function scopeOf(doc: Doc, section: Section): Span {
  const { start, end } = section.contentSpan;
  if (section.style !== 'field') return { start, end };
  const block = doc.blocks.find((b) => b.start <= section.titleSpan.start && b.end >= section.titleSpan.end);
  return { start, end: Math.min(end, block ? block.end : end) };
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
 * Sentences in `span`, joined across hard-wrapped lines (util's `sentences` splits at every
 * newline, which breaks a wrapped paragraph into fragments). Section titles (`Decision:`,
 * `**Ask:**`) are left out and end a sentence; each list item is at least one sentence.
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
      cursor = Math.max(cursor, title.style === 'field' ? title.contentSpan.start : title.titleSpan.end);
      after = title;
    }
  }
  return out;
}

function splitSentences(doc: Doc, from: number, to: number, after: Section | undefined, out: Sentence[]): void {
  const text = doc.text.slice(from, to);
  let first = true;
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(text); m; m = SENTENCE.exec(text)) {
    if (m[0].length === 0) {
      SENTENCE.lastIndex++;
      continue;
    }
    // Trim whitespace, a list marker and the Markdown emphasis left over from `**Label:**`.
    const lead = /^[\s*_>]*(?:(?:[-+*]|\d+[.)])\s+(?:\[[ xX]\]\s+)?)?[\s*_]*/.exec(m[0])?.[0].length ?? 0;
    let stop = m[0].length;
    while (stop > lead && /[\s*_]/.test(m[0][stop - 1] as string)) stop--;
    const body = m[0].slice(lead, stop);
    if (!/[\p{L}\p{N}]/u.test(body)) continue;
    const start = from + m.index + lead;
    const s: Sentence = { start, end: start + body.length, text: body.replace(/\s+/g, ' ') };
    // Only the piece's first sentence stands right after the title.
    if (after && first) s.after = after;
    first = false;
    out.push(s);
  }
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Words of a text, with inline code and link targets left out. */
export function wordsOf(text: string): string[] {
  return text.replace(/`[^`]*`/g, ' ').replace(/\]\([^)]*\)/g, ' ').match(WORD) ?? [];
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

/** The audience of a summary from front matter; executive when unset (it is an *executive* summary). */
export function audienceOf(doc: Doc): string | undefined {
  const value = doc.frontMatter?.data['audience'];
  if (value === undefined || value === null) return 'executive';
  return typeof value === 'string' ? value.trim().toLowerCase() : undefined;
}

/** A `[text](url)`-free, backtick-quoted excerpt for messages. */
export function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').replace(/`/g, "'").trim();
  return `\`${t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t}\``;
}
