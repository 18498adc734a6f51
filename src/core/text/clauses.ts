import type { Match } from './match.ts';

/**
 * The clauses of a piece of text: split at `,` `;` and line breaks, never inside parentheses, so
 * "architect (primary, most weeks), tech lead" is two clauses. Lists written on one line
 * ("a; b; c") read as their items.
 */
export function splitClauses(text: string, piece: Match, out: Match[] = []): Match[] {
  let depth = 0;
  let start = piece.start;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (/\w/.test(body)) out.push({ start: start + lead, end: start + lead + body.length, text: body.replace(/\s+/g, ' ') });
  };
  for (let i = piece.start; i < piece.end; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '\n' || c === '\r') {
      depth = 0;
      push(i);
      start = i + 1;
    } else if (depth === 0 && (c === ',' || c === ';')) {
      push(i);
      start = i + 1;
    }
  }
  push(piece.end);
  return out;
}
