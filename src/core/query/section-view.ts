// The one way rules read a section (or the whole body): created per check by the engine,
// every answer memoised on the view itself. Reads `Doc.plain`, so HTML comments (the skeleton's
// hints) are never the writer's text.
import { lexicon, type LexiconName } from '../lexicon/index.ts';
import { clippedBlocks } from '../model/parse.ts';
import type { Block, Doc, Section, Span } from '../model/types.ts';
import { splitClauses } from '../text/clauses.ts';
import { entriesOf, itemContent, linesOf, type Entry } from '../text/entries.ts';
import type { Match } from '../text/match.ts';
import { choiceOf, choiceOfRow, isNothing, type Choice } from '../text/options.ts';
import { splitSentences } from '../text/sentences.ts';
import { contentWords, termsOf } from '../text/words.ts';

/** Negation just before a match: "not", "never", "no", "n't", "without", "nor" (one word may sit between). */
const NEGATED = /\b(?:not|never|no|n't|without|nor)\s+(?:\S+\s+)?$/i;

const NOT_AN_OPTION = /^(?:pros?|cons?|good|bad|neutral|pros and cons|trade-?offs?|notes?|comparison|summary|costs?|risks?|impact|analysis|how they compare)$/i;

export class SectionView {
  readonly doc: Doc;
  /** The section read, or undefined for the body view and for a located one (`located`). */
  readonly section: Section | undefined;
  /**
   * The section id this view reads without a section: in a document recognised by its content, the
   * stretch of body that plays the part (detect.ts `contentViews`).
   */
  readonly located: { id: string; title: string } | undefined;
  /** The ranges this view reads, in order. */
  readonly spans: readonly Span[];
  /** The pieces of blocks inside `spans` (clipped), in order. */
  readonly blocks: readonly Block[];
  private memo = new Map<string, unknown>();

  constructor(doc: Doc, section: Section | undefined, spans: readonly Span[], located?: { id: string; title: string }) {
    this.doc = doc;
    this.section = section;
    this.located = section ? undefined : located;
    this.spans = spans;
    this.blocks = spans.flatMap((r) => clippedBlocks(doc.text, doc.blocks, r));
  }

  /** The section id in the document's kind, if any. */
  get key(): string | undefined {
    return this.section?.key ?? this.located?.id;
  }

  /** The section's title; for a located part the kind's name for it ("Options"); '' for the body. */
  get title(): string {
    return this.section?.title ?? this.located?.title ?? '';
  }

  /**
   * Where a finding about the whole section points: its title, else (no section) its first
   * sentence or entry, else where it starts.
   */
  get anchor(): Span {
    if (this.section) return this.section.titleSpan;
    return this.once('anchor', () => {
      const first = this.sentences()[0] ?? this.entries()[0];
      const start = this.spans[0]?.start ?? this.doc.body.start;
      return first ? { start: first.start, end: first.end } : { start, end: start };
    });
  }

  private once<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute();
    this.memo.set(key, value);
    return value;
  }

  /** Where the writer's prose is: paragraphs, lists, quotes and tables (no code, HTML or rules). */
  prose(): Span[] {
    return this.once('prose', () => this.blocks.filter((b) => b.type !== 'code' && b.type !== 'html' && b.type !== 'rule').map((b) => ({ start: b.start, end: b.end })));
  }

  /** What the section says: its paragraphs, lists and quotes (no tables, code or comments), one block per line. */
  text(): string {
    return this.once('text', () =>
      this.blocks
        .filter((b) => b.type === 'paragraph' || b.type === 'list' || b.type === 'quote')
        .map((b) => this.doc.plain.slice(b.start, b.end).trim())
        .filter(Boolean)
        .join('\n'),
    );
  }

  /** No words, no table, no code: a section holding only a hint comment is empty. */
  isEmpty(): boolean {
    return this.once('empty', () => !this.blocks.some((b) => b.type === 'table' || b.type === 'code') && !this.prose().some((r) => /[\p{L}\p{N}]/u.test(this.doc.plain.slice(r.start, r.end))));
  }

  /** Sentences of the paragraphs (also inside list items and quotes); each list item is at least one. */
  sentences(): Match[] {
    return this.once('sentences', () => {
      const out: Match[] = [];
      const walk = (blocks: readonly Block[]) => {
        for (const b of blocks) {
          if (b.type === 'paragraph') splitSentences(this.doc.plain, b.start, b.end, out);
          else if (b.children && (b.type === 'list' || b.type === 'listItem' || b.type === 'quote')) walk(b.children);
        }
      };
      walk(this.blocks);
      return out;
    });
  }

  /** List items, table rows (not a tradeoff table's), one-per-line entries, or sentences of prose. */
  entries(): Entry[] {
    return this.once('entries', () => entriesOf(this.doc.plain, this.blocks));
  }

  /** The entries split further at `,` `;` and line breaks (never inside parentheses). */
  clauses(): Match[] {
    return this.once('clauses', () => {
      const out: Match[] = [];
      for (const e of this.entries()) splitClauses(this.doc.plain, e, out);
      return out;
    });
  }

  /**
   * The options listed: the sub-sections ("### Option 1: ..."), else list items, else the first
   * cells of a table, else the lines. Entries that say "none" or "n/a" are not options.
   */
  options(): Choice[] {
    return this.once('options', () => {
      const { doc, section } = this;
      const plain = doc.plain;
      // A nested section of the kind ("**Decision Outcome:**" under the options) is not an option.
      // Nor is what follows one ("**Recommendation:** ...", then "**Cost of waiting:** ..."): the options ended there.
      const all = section ? section.children.map((i) => doc.sections[i] as Section) : [];
      const keyed = all.findIndex((s) => s.key !== undefined);
      const nested = (keyed < 0 ? all : all.slice(0, keyed)).filter((s) => s.key === undefined);
      // A nested "Tradeoffs:" or "Pros:" label comments on the options; it is not one.
      const children = nested.filter((s) => !NOT_AN_OPTION.test(s.title.replace(/[*_:]/g, '').trim()));
      const ownLists = section ? section.blocks.filter((b) => b.type === 'list' || b.type === 'table') : [];
      let out: Choice[];
      if (children.length >= 2 || (children.length === 1 && children.length === nested.length && !ownLists.length)) {
        out = children.map((s) => {
          const body =
            plain
              .slice(s.own.start, s.span.end)
              .trim()
              .split(/\n\s*\n/)[0] ?? '';
          const c = choiceOf(s.title, s.titleSpan.start);
          return { ...c, words: new Set([...c.words, ...contentWords(body)]) };
        });
      } else {
        // With comment labels nested, only the section's own lists are options.
        const from = nested.length ? (section?.blocks ?? []) : this.blocks;
        const lists = from.filter((b) => b.type === 'list');
        const tables = from.filter((b) => b.type === 'table');
        if (lists.length) out = lists.flatMap((l) => (l.children ?? []).map((item) => itemContent(plain, item))).map((m) => choiceOf(m.text, m.start));
        else if (tables.length) out = tables.flatMap((t) => t.rows ?? []).flatMap((r) => choiceOfRow(r.cells.map((c) => ({ start: c.start, end: c.end, text: c.text }))) ?? []);
        else
          out = this.prose()
            .flatMap((r) => linesOf(plain, r.start, r.end).filter((l) => !/^\|/.test(l.text) && !/^[-|:\s]+$/.test(l.text)))
            .map((m) => choiceOf(m.text, m.start));
      }
      return out.filter((c) => !isNothing(c.text.replace(/^(?:option|alternative)s?\s*[:-]?\s*/i, '')));
    });
  }

  /** Matches of a regex (made global if it is not) in the prose. */
  match(re: RegExp): Match[] {
    const g = re.global ? new RegExp(re.source, re.flags) : new RegExp(re.source, `${re.flags}g`);
    const out: Match[] = [];
    for (const r of this.prose()) {
      const slice = this.doc.plain.slice(r.start, r.end);
      for (const m of slice.matchAll(g)) {
        if (m[0].length) out.push({ start: r.start + (m.index as number), end: r.start + (m.index as number) + m[0].length, text: m[0] });
      }
    }
    return out;
  }

  /** Phrases of a lexicon in the prose; with `affirmed`, not the ones a negation governs ("we will not ..."). */
  find(name: LexiconName, options: { affirmed?: boolean } = {}): Match[] {
    return this.once(`find:${options.affirmed ? 1 : 0}:${name}`, () => {
      const found = this.match(lexicon(name));
      if (!options.affirmed) return found;
      return found.filter((m) => !NEGATED.test(this.doc.plain.slice(Math.max(this.rangeStart(m.start), m.start - 24), m.start)));
    });
  }

  /** Whether a lexicon matches the prose. */
  has(name: LexiconName): boolean {
    return this.find(name).length > 0;
  }

  /** The terms the section is about (see text/words.ts `termsOf`). */
  terms(related = true): ReadonlySet<string> {
    return this.once(`terms:${related ? 1 : 0}`, () => termsOf(this.text(), related));
  }

  /** The terms of each entry, in the order of `entries()` (for entry-by-entry tracing). */
  entryTerms(related = true): ReadonlySet<string>[] {
    return this.once(`entryTerms:${related ? 1 : 0}`, () => this.entries().map((e) => termsOf(e.text, related)));
  }

  private rangeStart(offset: number): number {
    for (const r of this.prose()) if (r.start <= offset && offset < r.end) return r.start;
    return 0;
  }
}
