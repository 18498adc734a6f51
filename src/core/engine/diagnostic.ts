import type { Position } from '../model/types.ts';

export type Severity = 'error' | 'warning' | 'info';

/** Replace [start, end) with `text`; offsets are absolute in the checked text. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

export interface Suggestion {
  messageId: string;
  message: string;
  fix: TextEdit;
}

/** One finding, in the same shape on every surface (CLI, workbench, LSP). */
export interface Diagnostic {
  ruleId: string;
  messageId: string;
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
  fix?: TextEdit;
  suggestions?: Suggestion[];
  related?: { message: string; range: [number, number] }[];
  url: string;
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
