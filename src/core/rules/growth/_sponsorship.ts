// Who does the sponsored work: a growth plan delegates when the person owns, leads or presents,
// or when the writer nominates, introduces or names them. "I present; Sam watches" is neither.
import type { Doc, Span } from '../../model/types.ts';
import type { Match } from '../util.ts';
import { affirmed } from '../units.ts';

/** Verbs for doing the work; with "I"/"me" just before them the writer keeps the work. */
const DOER = /^(?:own|lead|led|present|drive|run|demo)/i;
const WRITER_SUBJECT = /\b(?:i|i'll|i'm|me|myself|we|we'll)\s+(?:will\s+|would\s+|can\s+|also\s+)?$/i;

/** Sponsorship in a span: delegated ownership or a sponsor's act, not negated, not done by the writer. */
export function sponsorship(doc: Doc, span: Span): Match[] {
  return affirmed(doc, span, 'sponsorship').filter((m) => !(DOER.test(m.text) && WRITER_SUBJECT.test(doc.text.slice(Math.max(span.start, m.start - 20), m.start))));
}
