import type { Position } from '../model/types.ts';

export type Severity = 'error' | 'warning' | 'info';

/** Replace [start, end) with `text`; offsets are absolute in the checked text. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

/** A fix the rule offers, with what it does in words (for a quick-fix title or a button). */
export interface Fix extends TextEdit {
  /** A key of the rule's `messages` (e.g. `insertSection`), or `fix` when the rule gave none. */
  messageId: string;
  data?: Record<string, string | number>;
  /** The message filled in: "Insert the `Diagnosis` section skeleton". */
  title: string;
}

/** An edit the rule suggests but that is not safe to apply without a look (never applied by --fix). */
export type Suggestion = Fix;

/** One finding, in the same shape on every surface (CLI, workbench, LSP). */
export interface Diagnostic {
  /**
   * Stable identity: a hash of the rule, messageId, data and the text the finding points at (not
   * its position), so it survives edits elsewhere in the document; `#2`, `#3` for repeats.
   */
  id: string;
  ruleId: string;
  messageId: string;
  /** The values of the message's placeholders, exactly as the rule gave them. */
  data?: Record<string, string | number>;
  message: string;
  severity: Severity;
  /** Absolute UTF-16 offsets, end-exclusive: the source of truth for positions. */
  range: [number, number];
  /** Derived from `range`; 1-based lines and columns. */
  loc: { start: Omit<Position, 'offset'>; end: Omit<Position, 'offset'> };
  /** The words in the text that made the rule fire. */
  words?: string[];
  /** The better approach, from the case study, in a sentence. */
  note?: string;
  fix?: Fix;
  suggestions?: Suggestion[];
  related?: { message: string; range: [number, number] }[];
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
