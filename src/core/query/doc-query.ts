// Per-check access to a document's sections as views. The engine makes one per checked file,
// after the kind's sections are known; views and their answers live as long as the check.
import { lineStartAt } from '../model/positions.ts';
import type { Doc, Section, Span } from '../model/types.ts';
import { SectionView } from './section-view.ts';

export class DocQuery {
  readonly doc: Doc;
  private views = new Map<number, SectionView>();
  private byKey = new Map<string, Section>();
  private bodyView: SectionView | undefined;
  private located: ReadonlyMap<string, { spans: readonly Span[]; title: string }>;
  private locatedViews = new Map<string, SectionView>();
  private answers = new Map<string, unknown>();

  /** `located`: where the kind's unnamed sections are, for a document recognised by its content (detect.ts `contentViews`). */
  constructor(doc: Doc, located: ReadonlyMap<string, { spans: readonly Span[]; title: string }> = new Map()) {
    this.doc = doc;
    this.located = located;
    for (const s of doc.sections) if (s.key !== undefined && !this.byKey.has(s.key)) this.byKey.set(s.key, s);
    for (const s of doc.sections) for (const id of s.also ?? []) if (!this.byKey.has(id)) this.byKey.set(id, s);
  }

  /** The first section with this id in the document's kind. */
  section(key: string): Section | undefined {
    return this.byKey.get(key);
  }

  /**
   * The view of the section with this id, if the document has it; else, in a document recognised
   * by its content, of the stretch that plays the part (the view has no `section`, its `located`
   * is the id). `section(key)` stays undefined for such a part: no heading claims it.
   */
  view(key: string): SectionView | undefined {
    const s = this.byKey.get(key);
    if (s) return this.viewOf(s);
    const part = this.located.get(key);
    if (!part) return undefined;
    let v = this.locatedViews.get(key);
    if (!v) {
      v = new SectionView(this.doc, undefined, part.spans, { id: key, title: part.title });
      this.locatedViews.set(key, v);
    }
    return v;
  }

  /** The view of any section. */
  viewOf(section: Section): SectionView {
    let v = this.views.get(section.index);
    if (!v) {
      v = new SectionView(this.doc, section, readSpans(this.doc, section));
      this.views.set(section.index, v);
    }
    return v;
  }

  /** The whole body (after the front matter and the title). */
  get body(): SectionView {
    this.bodyView ??= new SectionView(this.doc, undefined, [this.doc.body]);
    return this.bodyView;
  }

  /** `compute()` once per query (per check) under `key`: answers the rules of one check share. */
  once<T>(key: string, compute: () => T): T {
    if (this.answers.has(key)) return this.answers.get(key) as T;
    const value = compute();
    this.answers.set(key, value);
    return value;
  }

  /** A view of an arbitrary span (e.g. the text before the first section). */
  spanView(span: Span): SectionView {
    return new SectionView(this.doc, undefined, [span]);
  }
}

/**
 * What a view of a section reads: what the section owns, plus nested sections that are not
 * sections of the kind (a `Architecture: 2 days` line under `Weekly allocation:` is an entry,
 * not a section), titles included. Nested sections of the kind are theirs, not this one's.
 */
export function readSpans(doc: Doc, section: Section): Span[] {
  const pieces: Span[] = [...section.owned];
  const visit = (s: Section) => {
    for (const c of s.children) {
      const child = doc.sections[c] as Section;
      if (child.key !== undefined) continue;
      const from = lineStartAt(doc.lineStarts, child.titleSpan.start);
      // A field written on one line (a table row, a list item) is read whole: a row's cells are one entry.
      if (child.style === 'field' && !doc.text.slice(from, child.span.end).includes('\n')) pieces.push({ start: from, end: child.span.end });
      else pieces.push({ start: from, end: Math.max(child.own.start, child.titleSpan.end) }, ...child.owned);
      visit(child);
    }
  };
  visit(section);
  pieces.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && /^\s*$/.test(doc.text.slice(last.end, p.start))) last.end = Math.max(last.end, p.end);
    else out.push({ ...p });
  }
  return out;
}

/**
 * Whether a section has content, its subsections included: prose other than HTML comments
 * (skeleton hints), a table or a code block. The empty-section rule, the completion standard and
 * the workbench outline agree.
 */
export function hasContent(doc: Doc, section: Section): boolean {
  return !new SectionView(doc, section, [{ start: section.own.start, end: section.span.end }]).isEmpty();
}

/** Where a finding about the whole document (something missing) points: the title, else the `kind:` line, else line 1. */
export function documentAnchor(doc: Doc): Span {
  const h1 = doc.sections.find((s) => s.style === 'heading' && s.depth === 1);
  if (h1) return h1.titleSpan;
  const fm = doc.frontMatter;
  if (fm) {
    const m = /^kind:.*$/m.exec(doc.text.slice(fm.span.start, fm.span.end));
    if (m) return { start: fm.span.start + m.index, end: fm.span.start + m.index + m[0].trimEnd().length };
  }
  return { start: 0, end: 0 };
}
