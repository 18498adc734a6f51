import type { TextEdit } from './diagnostic.ts';

/**
 * Applies non-overlapping edits in one pass (ESLint's source-code-fixer): edits are sorted,
 * and an edit that overlaps one already taken is skipped and returned for a later pass.
 */
export function applyFixes(text: string, edits: readonly TextEdit[]): { output: string; applied: TextEdit[]; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let out = '';
  let cursor = 0;
  let lastEnd = -1;
  for (const e of sorted) {
    const [start, end] = e.range;
    if (start < lastEnd || start < cursor || end > text.length || start > end) {
      skipped.push(e);
      continue;
    }
    out += text.slice(cursor, start) + e.text;
    cursor = end;
    lastEnd = end;
    applied.push(e);
  }
  return { output: out + text.slice(cursor), applied, skipped };
}
