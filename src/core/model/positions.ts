import type { Position } from './types.ts';

/** Offsets at which each line starts; `\r\n`, `\n` and a lone `\r` end a line, as in CommonMark. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // The common case; indexOf is several times faster than a charCodeAt loop.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Offset just past the last character of line `index` (0-based), before its line break. */
export function lineEnd(text: string, lineStarts: number[], index: number): number {
  const next = lineStarts[index + 1];
  if (next === undefined) return text.length;
  let end = next;
  if (text.charCodeAt(end - 1) === 10) end--;
  if (text.charCodeAt(end - 1) === 13) end--;
  return end;
}

export function positionAt(lineStarts: number[], offset: number): Position {
  const lo = lineIndexAt(lineStarts, offset);
  return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1, offset };
}

/** The 0-based index of the line that holds `offset` (positionAt's line - 1, without making a Position). */
export function lineIndexAt(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Offset of the start of the line that holds `offset`, whatever the line endings. */
export function lineStartAt(lineStarts: number[], offset: number): number {
  return lineStarts[lineIndexAt(lineStarts, offset)] ?? 0;
}
