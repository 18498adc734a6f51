// The one sentence splitter. It reads `Doc.plain` (comments blanked) so offsets stay those of
// `Doc.text`; the section view feeds it the paragraphs a section owns.
import type { Match } from './match.ts';

/**
 * One sentence: it ends at . ! ? followed by white space or the end (so "3.5 days" and "v1.2"
 * stay whole). The alternatives are disjoint, so a long run of dots cannot backtrack.
 */
export const SENTENCE = /(?:[^.!?]|[.!?](?!["')\]]*(?:\s|$)))+(?:[.!?]+["')\]]*)?/g;

/** A list marker, task box, quote marker and the emphasis left over from `**Label:**`, before a sentence. */
const LEAD = /^[\s*_>]*(?:(?:[-+*]|\d+[.)])\s+(?:\[[ xX]\]\s+)?)?[\s*_]*/;

/**
 * Sentences of `text[from, to)`: a sentence ends at . ! ? before white space, or at a blank line;
 * a hard-wrapped sentence stays one sentence (its `text` has the line breaks as spaces). Markers
 * and emphasis at the ends are left out of the span.
 */
export function splitSentences(text: string, from: number, to: number, out: Match[] = []): Match[] {
  const slice = text.slice(from, to);
  let offset = 0;
  for (const para of slice.split(/(\r?\n[ \t]*\r?\n|\r[ \t]*\r)/)) {
    for (const m of para.matchAll(SENTENCE)) {
      const lead = LEAD.exec(m[0])?.[0].length ?? 0;
      let stop = m[0].length;
      while (stop > lead && /[\s*_]/.test(m[0][stop - 1] as string)) stop--;
      const body = m[0].slice(lead, stop);
      if (!/[\p{L}\p{N}]/u.test(body)) continue;
      const start = from + offset + (m.index as number) + lead;
      out.push({ start, end: start + body.length, text: body.replace(/\s+/g, ' ') });
    }
    offset += para.length;
  }
  return out;
}
