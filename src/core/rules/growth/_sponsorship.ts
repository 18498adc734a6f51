// Who does the sponsored work: a growth plan delegates when the person owns, leads or presents,
// or when the writer nominates, introduces or names them. "I present; Sam watches" is neither,
// and neither are the nouns and adjectives that share the verbs' spelling ("his own time", "the
// tech lead", "be present").
import type { SectionView } from '../../query/section-view.ts';
import type { Match } from '../../text/match.ts';

/** Verbs for doing the work; with "I"/"me" just before them the writer keeps the work. */
const DOER = /^(?:own|lead|led|present|drive|run|demo|chair|facilitat|host|author)/i;
/** The writer (or the writer's role) as the subject just before a verb: "I'll sit in", "we present". */
export const WRITER_SUBJECT = /\b(?:i|i'll|i'm|i've|me|myself|we|we'll|mentor|manager)\s+(?:will\s+|would\s+|can\s+|also\s+|just\s+|only\s+|then\s+)*$/i;
/** "own" after a possessive is an adjective ("on his own", "their own time"). */
const OWN_ADJECTIVE = /\b(?:my|his|her|their|our|your|its|one's|\w+['’]s)\s+$/i;
/** "lead" after these words is a noun ("the tech lead", "a workstream lead"). */
const LEAD_NOUN = /\b(?:the|a|an|tech|team|technical|project|workstream|our|my|his|her|their|as|your)\s+$/i;
/** "present" after these words is an adjective or a noun ("be present at", "at present"). */
const PRESENT_ADJECTIVE = /\b(?:be|is|are|was|were|being|been|at|the)\s+$/i;

/**
 * Sponsorship in a view: delegated ownership or a sponsor's act, not negated, not done by the
 * writer, and not a noun or adjective; matches inside `except` (the skill goal, whose "Leo leads
 * the design" states the goal, it does not delegate anything) are left out.
 */
export function sponsorship(view: SectionView, except?: SectionView): Match[] {
  const plain = view.doc.plain;
  const outside = (m: Match) => !except?.spans.some((s) => m.start >= s.start && m.start < s.end);
  return view.find('sponsorship', { affirmed: true }).filter((m) => {
    if (!outside(m)) return false;
    const before = plain.slice(Math.max(0, m.start - 24), m.start);
    const word = m.text.toLowerCase();
    if (DOER.test(word) && WRITER_SUBJECT.test(before)) return false;
    if (word === 'own' && OWN_ADJECTIVE.test(before)) return false;
    if (/^lead$/.test(word) && LEAD_NOUN.test(before)) return false;
    if (/^present$/.test(word) && PRESENT_ADJECTIVE.test(before)) return false;
    return true;
  });
}
