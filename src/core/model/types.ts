// The document model: what rules see. Offsets are absolute UTF-16 offsets into
// `Doc.text` (BOM removed), end-exclusive; lines and columns are derived from them.

export interface Span {
  start: number;
  end: number;
}

export interface Position {
  line: number; // 1-based
  column: number; // 1-based, UTF-16 code units
  offset: number;
}

export type BlockType = 'paragraph' | 'list' | 'listItem' | 'table' | 'code' | 'html' | 'heading' | 'quote' | 'rule';

export interface TableCell extends Span {
  text: string;
}

export interface TableRow extends Span {
  cells: TableCell[];
}

export interface Block extends Span {
  type: BlockType;
  /** Prose inside the block with Markdown markers kept; for matching words. */
  text: string;
  /** For `list`: its items (listItem blocks); for `listItem`: nested blocks. */
  children?: Block[];
  ordered?: boolean;
  /** For `table`. */
  header?: TableRow;
  rows?: TableRow[];
}

export interface Section {
  /** The heading or label text, without `#`, `**` or the trailing colon. */
  title: string;
  /** Canonical section id of the document's kind, once the kind is known. */
  key?: string;
  style: 'heading' | 'label' | 'field';
  /** Heading level (1-6); labels sit one level under the heading above them. */
  depth: number;
  titleSpan: Span;
  /**
   * From the end of the title line to the next section of the same or a higher level, so it
   * includes the sections nested under this one.
   */
  contentSpan: Span;
  /** Blocks (top-level within this section) that make up the content. */
  blocks: Block[];
  /** Index of the enclosing section in `Doc.sections`, or -1. */
  parent: number;
}

export interface FrontMatter {
  data: Record<string, unknown>;
  span: Span;
  /** Set when the YAML could not be read; `data` is then empty. */
  error?: { message: string; span: Span };
}

export interface Doc {
  text: string;
  lineStarts: number[];
  frontMatter?: FrontMatter;
  /** All top-level blocks in order (after the front matter). */
  blocks: Block[];
  /** Sections in document order, from headings and `Label:` lines. */
  sections: Section[];
  /** Tables anywhere in the document. */
  tables: Block[];
  /** `<!-- staffwork-disable ... -->` comments. */
  directives: Directive[];
}

export interface Directive extends Span {
  kind: 'disable' | 'disable-next-line' | 'disable-line' | 'enable';
  rules: string[]; // empty = all rules
}
