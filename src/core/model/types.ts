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

/**
 * How the section's name is written (model/heads.ts has the patterns):
 * - `heading`: `## Name`, setext.
 * - `label`: a name alone on its line, content below: `Name:`, `**Name:**`, a bold line `**Name**`,
 *   `**Name.**`, `1.2. Name:`.
 * - `field`: a name with its value: `Name: value`, `**Name:** value`, run-in `**Name.** value`,
 *   `**Name —** value`, `*Name:* value`, `1.2. Name: value`, `- **Name:** value` (owns the rest of
 *   the list item), a key/value table row `| Name | value |` (owns the value cell), each
 *   `Key: value` pair of a `For: X · From: Y` line.
 */
export type SectionStyle = 'heading' | 'label' | 'field';

/**
 * One section: a heading, a `Label:` line or a `Key: value` field. What a section owns is decided
 * here, once, for every rule (test/core/sections.test.ts is the contract):
 * - `span` runs from the title to the next section of the same or a higher level, so it includes
 *   the sections nested under this one; a field's span ends with its own paragraph.
 * - `own` is the content before the first nested section; a field owns the rest of its line and
 *   of its paragraph (paragraphs are split at label and field lines), not the paragraphs after it.
 * - `blocks` are the pieces of blocks the section owns (clipped): each piece of text belongs to
 *   exactly one section. After a nested field ends, the text that follows is the parent's again.
 */
export interface Section {
  /** Position in `Doc.sections`. */
  index: number;
  /** The heading or label text, without `#`, `**` or the trailing colon. */
  title: string;
  /** Canonical section id of the document's kind, once the kind is known. */
  key?: string;
  /** Further ids a title that joins names holds ("Risk and rollback": `risk`, also `plan`). */
  also?: string[];
  style: SectionStyle;
  /** Heading level (1-6); labels sit one level under the heading above them, fields two. */
  depth: number;
  /** The title's words with a closing `**` and the colon (`Non-scope:**`); not the leading `**` or `#`. */
  titleSpan: Span;
  /** Title to end, nested sections included. */
  span: Span;
  /** The section's own content: after the title, before its first nested section. */
  own: Span;
  /** Every range the section owns, in order (`own` first): text after a nested field ends is the parent's. */
  owned: Span[];
  /** Pieces of the blocks in `owned`, clipped (a paragraph split at a field line is two pieces). */
  blocks: Block[];
  /** Index of the enclosing section in `Doc.sections`, or -1. */
  parent: number;
  /** Indices of the sections directly nested in this one. */
  children: number[];
  /**
   * Set on a section carried by a table column whose header names it (`| When | Delegated work |
   * Checkpoint |`): added once the kind is known (kinds/detect.ts), after the parsed sections, so
   * it is not in document order; it owns its column's cells and the row names beside them.
   */
  column?: true;
}

export interface FrontMatter {
  data: Record<string, unknown>;
  span: Span;
  /** Set when the YAML could not be read; `data` then holds the top-level `key: value` lines that could be read one by one. */
  error?: { message: string; span: Span };
}

export interface Doc {
  text: string;
  lineStarts: number[];
  frontMatter?: FrontMatter;
  /**
   * `text` with every HTML comment outside code blanked to spaces (line breaks kept, so offsets
   * hold): the skeleton's hints are not the writer's text. The same string as `text` when the
   * document has no comments.
   */
  plain: string;
  /** HTML comments (`<!-- ... -->`) outside code, in order. */
  comments: Span[];
  /** Where the writer's text starts and ends: after the front matter and a leading `# Title`. */
  body: Span;
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
