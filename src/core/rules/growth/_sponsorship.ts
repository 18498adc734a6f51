// Who does the sponsored work: a growth plan delegates when the person owns, leads, presents or
// writes the artifact, or when the writer nominates, introduces or names them. "I'll write the
// RFC and present it; Sam watches" is neither (the writer is the subject of both verbs), and
// neither are the nouns and adjectives that share the verbs' spelling ("his own time", "the tech
// lead", "be present"), work in a hypothetical ("whatever he writes") or a sponsor's act held
// back for some undated occasion ("mention her work when the opportunity comes up").
import type { SectionView } from '../../query/section-view.ts';
import type { Match } from '../../text/match.ts';

/** Verbs for doing the work: they delegate only when someone other than the writer is their subject. */
const DOER = /^(?:own|lead|led|present|drive|run|demo|giv|gave|speak|spoke|chair|facilitat|host|author|writ|wrote|draft|design|decid|propos|ship|deliver|build|built|take|took|mak|made)/i;
/** The writer (or the writer's role) as the subject just before a verb: "I'll sit in", "we present". */
export const WRITER_SUBJECT = /\b(?:i|i'll|i'm|i've|me|myself|we|we'll|mentor|manager)\s+(?:will\s+|would\s+|can\s+|also\s+|just\s+|only\s+|then\s+)*$/i;
/** The writer as a subject or object, in any case ("We'll", "i'm", "me"). */
const WRITER = /\b(?:i|i'll|i'm|i've|i'd|me|myself|we|we'll|we're|we've|us)\b/gi;
/** Anyone else: pronouns, or a capitalised name (one or two words, not a possessive). */
const OTHER = /\b(?:[Hh]e|[Ss]he|[Tt]hey|him|her|them|[Hh]e'll|[Ss]he'll|[Tt]hey'll|[A-Z][\p{Ll}]+(?:\s[A-Z][\p{Ll}]+)?)\b(?!['’]s\b)/gu;
/** Capitalised words that are not people. */
const NOT_A_NAME =
  /^(?:The|A|An|This|That|These|Those|In|On|At|By|For|With|From|To|Into|After|Before|When|While|If|Each|Every|All|Our|My|Their|His|Her|Its|Your|Then|Also|And|But|Or|So|Once|During|Until|As|Over|Both|Some|Any|No|Not|Next|Last|First|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Q[1-4]|Opportunity|Support|Visibility|Skill|Goal|Review|Checkpoint|Design|Architecture|Team|Platform|Engineering)\b/;
/** "her" is a subject only right before its verb ("let her lead"); elsewhere it may be a possessive ("her drafts"). */
const OBJECT_FORM = /^(?:her|him|them)$/i;
/**
 * A subject introduced by these is hypothetical or relative, not a commitment: "whatever he
 * writes", "if she presents", "feedback on each design note Arjun writes" (the work is whatever
 * the person happens to produce, not an artifact handed to them).
 */
const HYPOTHETICAL = /\b(?:if|whenever|when|anything|whatever|what|in case|(?:each|every|any|whichever)(?:\s+[\p{L}-]+){1,3})\s+$/iu;
/** The work done for the writer alone ("the notes Sam writes for me", "presents it to me first"): a rehearsal or homework, seen by nobody else. */
const FOR_THE_WRITER = /^(?:\s+(?!and\b|but\b)[\p{L}'’-]+){0,3}?\s+(?:for|to) (?:me|myself)\b/iu;
/** A sponsor's act left to chance: "when the opportunity comes up", "if something suitable arises", "where possible". */
const LEFT_TO_CHANCE =
  /\b(?:when(?:ever)?|if|as and when)\b[^.;]{0,40}?\b(?:comes? up|arises?|presents? itself|crops? up|is possible|possible|appropriate|suitable|relevant|makes sense|i can|i get the chance|there(?:'s| is) (?:a|an) (?:chance|opening))\b|\bwhere (?:possible|appropriate)\b|\bif (?:the|an?) (?:chance|opportunity|opening)\b/i;
/** Before a noun, not a verb ("her drafts", "the build", "a first draft"). */
const DETERMINER = /\b(?:the|a|an|my|his|her|their|our|your|its|this|that|each|every|first|second|final|\w+['’]s)\s+$/i;
/** "let her lead", "have him present": the object of these is the subject of the work verb. */
const CAUSATIVE = /\b(?:let|lets|letting|have|has|having|get|gets|help|helps|make|makes|ask|asks|want|wants|invite|invites|encourage|trust|allow|allows)\s+(?:her|him|them)\s+$/i;
/** "own" after a possessive is an adjective ("on his own", "their own time"). */
const OWN_ADJECTIVE = /\b(?:my|his|her|their|our|your|its|one's|\w+['’]s)\s+$/i;
/** "lead" after these words is a noun ("the tech lead", "a workstream lead"). */
const LEAD_NOUN = /\b(?:the|a|an|tech|team|technical|project|workstream|our|my|his|her|their|as|your|clinical|design|engineering|product)\s+$/i;
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
  const sentences = view.sentences();
  return [...view.find('sponsorship', { affirmed: true }), ...view.find('authorship', { affirmed: true })]
    .sort((a, b) => a.start - b.start)
    .filter((m) => {
      if (!outside(m)) return false;
      const before = plain.slice(Math.max(0, m.start - 24), m.start);
      const word = m.text.toLowerCase();
      const verb = CAUSATIVE.test(before);
      if (!verb && word === 'own' && OWN_ADJECTIVE.test(before)) return false;
      if (!verb && /^leads?$/.test(word) && LEAD_NOUN.test(before)) return false;
      if (/^presents?$/.test(word) && (PRESENT_ADJECTIVE.test(before) || /^\s+itself\b/.test(plain.slice(m.end, m.end + 8)))) return false;
      const sentence = sentences.find((s) => m.start >= s.start && m.start < s.end);
      const lead = sentence ? plain.slice(sentence.start, m.start) : before;
      // "her drafts", "the design": the noun that shares a work verb's spelling.
      if (!verb && DOER.test(word) && DETERMINER.test(before)) return false;
      if (DOER.test(word)) return doneByOther(lead) && !FOR_THE_WRITER.test(plain.slice(m.end, sentence?.end ?? m.end + 40));
      // The writer's own acts (nominate, introduce, name) sponsor, unless left to chance.
      return !LEFT_TO_CHANCE.test(sentence?.text ?? before);
    });
}

/** Whether the nearest person before a work verb, in its sentence, is someone other than the writer (and not in a hypothetical). */
function doneByOther(lead: string): boolean {
  if (WRITER_SUBJECT.test(lead)) return false;
  let writer = -1;
  for (const m of lead.matchAll(WRITER)) writer = m.index as number;
  let other = -1;
  for (const m of lead.matchAll(OTHER)) {
    if (NOT_A_NAME.test(m[0])) continue;
    // "her drafts ... presents": an object form counts only right before the verb.
    if (OBJECT_FORM.test(m[0]) && !/^\s*(?:\w+ly\s+)?$/.test(lead.slice((m.index as number) + m[0].length))) continue;
    other = m.index as number;
  }
  // No person in the sentence ("Owns the RFC", "Presents at the review on 12 March"): a plan's
  // imperative or subjectless field is about the person it is written for.
  if (writer < 0 && other < 0) return true;
  if (writer > other) return false;
  return !HYPOTHETICAL.test(lead.slice(0, other));
}
