// Sarcasm and passive aggression in an escalation: blame that never says "blame". No phrase list
// can hold every sarcastic sentence, but sarcasm has a shape: an ironic marker aimed at the
// other party. The marker is praise for a refusal ("graciously found the time to reject it"), a
// repetition of their refusal ("has once again declined"), mock certainty about what they know or
// what the writer's work is worth ("since they clearly know best", "apparently our dashboards
// don't count"), a mock invitation ("perhaps they would like to run it themselves") or scare
// quotes around their word ("their fourth 'no'"). The writer's own acts ("we once again ask
// for a decision") and things ("the data clearly shows") are not aimed at anyone.
import type { Doc, Span } from '../../model/types.ts';
import { analyse, memoOf, type Sentence, type Token } from '../../nlp/index.ts';
import type { Match } from '../../text/match.ts';

/** Cheap test before the language layer runs: a sentence with none of these is not sarcastic. */
const CANDIDATE =
  /\b(?:graciously|generously|magnanimously|kindly|helpfully|once again|yet again|as usual|as always|apparently|evidently|obviously|clearly|of course|naturally|surely|themselves|himself|herself|so-called)\b|['"\u2018\u201c]/i;

/** Praise words that mock when they describe the other party's act. */
const IRONIC_PRAISE = new Set(['graciously', 'generously', 'magnanimously', 'kindly', 'helpfully']);
/** Mock certainty. */
const CERTAINTY = new Set(['apparently', 'evidently', 'obviously', 'clearly', 'naturally', 'surely']);
/** Refusing, dismissing or holding up someone's work. */
const REFUSAL = new Set(['reject', 'decline', 'refuse', 'deny', 'ignore', 'veto', 'cancel', 'deprioritize', 'dismiss', 'block', 'bounce', 'overrule', 'shoot', 'stall', 'delay', 'postpone', 'push', 'turn', 'kill', 'no']);
/** What the other party is mocked for knowing or deciding: "they know best", "they decide what matters". */
const KNOWING = new Set(['know', 'understand', 'decide', 'think', 'believe', 'judge']);
/** The writer's work, said to be worth nothing: "our dashboards don't count". */
const WORTH = new Set(['count', 'matter', 'exist', 'qualify', 'deserve', 'apply']);
const THIRD = new Set(['they', 'them', 'he', 'she', 'him', 'her']);
const OWN = new Set(['we', 'our', 'us', 'i', 'my', 'me']);
const PEOPLE = /^(?:team|teams|squad|folks|people|engineers?|leads?|managers?|director|owners?|org|organi[sz]ation|department|group|colleagues|reviewers?|leadership|committee|board|council|architects?|security|platform|ops|sre)$/i;

export function sarcasmIn(doc: Doc, sentences: readonly Match[]): Match[] {
  const out: Match[] = [];
  for (const span of sentences) {
    if (!CANDIDATE.test(doc.plain.slice(span.start, span.end))) continue;
    for (const s of analyse(doc.text, span, memoOf(doc)).sentences) {
      const hit = sarcastic(doc, s);
      if (hit) out.push(hit);
    }
  }
  return out;
}

function sarcastic(doc: Doc, s: Sentence): Match | undefined {
  const words = s.tokens;
  for (let i = 0; i < words.length; i++) {
    const t = words[i] as Token;
    if (t.pos === 'PUNCT') continue;
    const lower = t.lower;
    const two = `${lower} ${words[i + 1]?.lower ?? ''}`;
    let clause = clauseAround(words, i);
    // "As usual, the infra team pushed it back": an opening adverbial belongs to the next clause.
    if (clause.to + 1 < words.length && words[clause.to]?.text === ',' && words.slice(clause.from, i).every((w) => w.pos === 'PUNCT' || w.pos === 'ADV' || w.pos === 'ADP')) {
      const next = clauseAround(words, clause.to + 1);
      clause = { from: clause.from, to: next.to };
    }
    const subject = subjectBefore(words, i, clause.from) ?? subjectBefore(words, clause.to, i + 1);
    const whole = () => clauseSpan(doc, words, clause);
    if (IRONIC_PRAISE.has(lower) && subject === 'them' && refusalIn(words, i + 1, clause.to)) return whole();
    if ((two === 'once again' || two === 'yet again' || two === 'as usual' || two === 'as always') && subject === 'them' && refusalIn(words, clause.from, clause.to)) return whole();
    if (CERTAINTY.has(lower) || two === 'of course') {
      const after = i + (two === 'of course' ? 2 : 1);
      // "they clearly know best": mock certainty about what the other party knows.
      if (subject === 'them' && words.slice(after, clause.to).some((w) => w.pos === 'VERB' && KNOWING.has(w.lemma)) && words.slice(after, clause.to).some((w) => w.lower === 'best' || w.lower === 'better')) return whole();
      // "apparently our dashboards don't count": the writer's work, worth nothing.
      const rest = words.slice(after, clause.to);
      if (words.slice(clause.from, clause.to).some((w) => w.lower === 'our' || w.lower === 'my') && rest.some((w) => WORTH.has(w.lemma) && w.negated)) return whole();
    }
    // "Perhaps they would like to run the pipeline themselves": a mock invitation.
    if ((lower === 'themselves' || lower === 'himself' || lower === 'herself') && subject !== 'us') {
      const lead = words.slice(clause.from, i);
      const invited = lead.some((w) => w.lemma === 'like' || w.lemma === 'want' || w.lemma === 'welcome' || w.lower === 'free');
      const third = lead.some((w) => THIRD.has(w.lower) || PEOPLE.test(w.lower));
      if (invited && third && lead.some((w) => w.lower === 'perhaps' || w.lower === 'maybe' || w.lower === 'welcome' || w.lower === 'free')) return whole();
    }
  }
  return scareQuote(doc, s);
}

/** Scare quotes around the other party's word: "their fourth 'no'", 'their "review"'. */
function scareQuote(doc: Doc, s: Sentence): Match | undefined {
  const text = doc.plain.slice(s.start, s.end);
  // Quoting a term is common in technical writing ('their "owner" field'); quoting their word as
  // one more of its kind ("their fourth 'no'", 'their latest "priority"') is not.
  const re = /\b(?:their|his|her)\s+(?:so-called|latest|usual|umpteenth|another|(?:second|third|fourth|fifth|sixth|nth|\d+(?:st|nd|rd|th)))\s+(?:'|\u2018|"|\u201c)([a-z]+(?: [a-z]+){0,2})(?:'|\u2019|"|\u201d)(?![\w-])/g;
  for (const m of text.matchAll(re)) {
    const start = s.start + m.index;
    return { start, end: start + m[0].length, text: doc.text.slice(start, start + m[0].length) };
  }
  const called = /\b(?:their|his|her)\s+so-called\s+[a-z]+/i.exec(text);
  if (called) {
    const start = s.start + called.index;
    return { start, end: start + called[0].length, text: called[0] };
  }
  return undefined;
}

/** The clause around token `i`: from the last clause break before it to the next after it. */
function clauseAround(words: Token[], i: number): { from: number; to: number } {
  const isBreak = (w: Token) => (w.pos === 'PUNCT' && /[,;:()\u2013\u2014]/.test(w.text)) || ['since', 'because', 'but', 'while', 'although', 'though', 'so'].includes(w.lower);
  let from = i;
  while (from > 0 && !isBreak(words[from - 1] as Token)) from--;
  let to = Math.min(i + 1, words.length);
  while (to < words.length && !isBreak(words[to] as Token)) to++;
  // The clause ends at its last word, not at the full stop.
  while (to > i + 1 && (words[to - 1] as Token).pos === 'PUNCT') to--;
  return { from, to };
}

/** Who the clause is about: the other party, the writer, or nobody named. */
function subjectBefore(words: Token[], i: number, from: number): 'them' | 'us' | undefined {
  const at = subjectAt(words, i, from);
  if (at === -1) return undefined;
  const w = words[at] as Token;
  return OWN.has(w.lower) ? 'us' : 'them';
}

/** The subject nearest before token `i` in the clause: a pronoun or a people noun ("the Security team"). */
function subjectAt(words: Token[], i: number, from: number): number {
  for (let k = i - 1; k >= from; k--) {
    const w = words[k] as Token;
    if (OWN.has(w.lower) || THIRD.has(w.lower)) return k;
    if (PEOPLE.test(w.lower)) return k;
  }
  return -1;
}

/** The clause's words, first to last (punctuation at its edges left out). */
function clauseSpan(doc: Doc, words: Token[], clause: { from: number; to: number }): Match {
  let a = clause.from;
  let b = clause.to - 1;
  while (a < b && (words[a] as Token).pos === 'PUNCT') a++;
  while (b > a && (words[b] as Token).pos === 'PUNCT') b--;
  return span(doc, words[a] as Token, words[b] as Token);
}

function refusalIn(words: Token[], from: number, to: number): boolean {
  return words.slice(from, to).some((w) => REFUSAL.has(w.lemma) && (w.pos === 'VERB' || w.lower === 'no'));
}

function span(doc: Doc, a: Span, b: Span): Match {
  return { start: a.start, end: b.end, text: doc.text.slice(a.start, b.end) };
}
