// Dodges: an anti-scope or non-scope that keeps everything in without saying "none" ("We'd
// rather not close any doors yet; everything remains on the table", "Nothing I'd want to rule
// out. Happy to pick up whatever lands", "I'm open to anything"). No phrase list holds every
// wording, but they share a shape: a verb of excluding that is negated, or whose object is
// everything; being open or available, said of everything; or a "nothing" whose clause names
// no thing. Read with the language layer, one short section at a time.
import type { Doc } from '../model/types.ts';
import { analyse, memoOf, type Sentence, type Token } from '../nlp/index.ts';
import { isListed, type Entry } from './entries.ts';
import { clip } from './format.ts';
import type { Match } from './match.ts';
import { excludesSomething, type NothingListed } from './nothing-listed.ts';

/** Verbs of excluding or narrowing ("close", "exclude"); phrasal ones need their particle ("rule out", "give up", "say no"). */
const NARROW = new Set(['close', 'exclude', 'drop', 'cut', 'remove', 'limit', 'narrow', 'restrict', 'kill', 'shelve', 'deprioritize', 'decline', 'refuse', 'reject', 'abandon', 'sacrifice', 'skip', 'park', 'pause', 'defer']);
const PHRASAL: Record<string, string> = { rule: 'out', give: 'up', say: 'no', turn: 'down', leave: 'out', box: 'in', pin: 'down', write: 'off' };
/** Words that stand for everything or anything at all ("any" and "every" only before one of these or "of"). */
const INDEFINITE = new Set(['anything', 'everything', 'all', 'whatever', 'whichever', 'door', 'option', 'possibility', 'idea', 'avenue', 'myself', 'ourselves', 'yourselves']);
/** Being open or available: "open", "on the table", "fair game", "in play", "in scope", "welcome". */
const OPEN = new Set(['open', 'available', 'possible', 'welcome', 'flexible', 'game', 'play', 'table', 'scope', 'consideration']);
/** Nouns that name no thing: a "nothing" clause with only these says nothing. */
const EMPTY_NOUNS = new Set(['point', 'moment', 'time', 'stage', 'mind', 'thing', 'now', 'quarter', 'year', 'half', 'sprint', 'month', 'week', 'scope', 'particular', 'list', 'today', 'way', 'cycle', 'anti-scope', 'non-scope']);
/** Unwillingness governs a verb as a negation does: "we'd rather not", "reluctant to", "wary of". */
const UNWILLING = new Set(['reluctant', 'hesitant', 'wary', 'unwilling', 'avoid', 'loath', 'loth', 'resist']);
/** Opening words that do not change what follows: "Honestly, nothing I'd rule out." */
const OPENERS = new Set(['honestly', 'really', 'so', 'well', 'frankly', 'truthfully', 'candidly']);
/** Exceptions name something: "everything stays, except the mobile app". */
const EXCEPT = new Set(['except', 'but', 'apart', 'besides', 'excluding', 'other']);
/** Cheap test before the language layer runs. */
const CANDIDATE =
  /\b(?:any|every|all|whatever|whichever|nothing|none|open|table|door|option|possib|welcome|flexib|game|play|scope|consideration|myself|ourselves|yourselves|not|never|\w+n't|rather|reluctant|hesitant|wary|unwilling|avoid|loath|resist)/i;

/**
 * Whether a section keeps everything in: at least one of its sentences dodges, and no entry
 * names something it excludes or hands off (a list item that does not dodge is a real entry).
 */
export function dodgesAll(doc: Doc, entries: readonly Entry[]): NothingListed | undefined {
  let dodge: Match | undefined;
  for (const e of entries) {
    const d = CANDIDATE.test(e.text) ? dodgeIn(doc, e) : undefined;
    if (d) {
      dodge ??= d;
      continue;
    }
    if (isListed(e) || excludesSomething(e.text)) return undefined;
  }
  const first = entries[0];
  const last = entries[entries.length - 1];
  if (!dodge || !first || !last) return undefined;
  return { span: { start: first.start, end: last.end, text: entries.map((e) => e.text).join(' ') }, marker: { ...dodge, text: clip(dodge.text.replace(/`/g, "'"), 60) } };
}

function dodgeIn(doc: Doc, entry: Match): Match | undefined {
  for (const s of analyse(doc.text, entry, memoOf(doc)).sentences) {
    if (!dodges(s)) continue;
    const words = s.tokens.filter((t) => t.pos !== 'PUNCT');
    const a = words[0];
    const b = words[words.length - 1];
    if (a && b) return { start: a.start, end: b.end, text: doc.text.slice(a.start, b.end) };
  }
  return undefined;
}

/** Whether one sentence keeps everything in. */
export function dodges(s: Sentence): boolean {
  const words = s.tokens.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM');
  const isIndefinite = (w: Token, k: number) => {
    if (INDEFINITE.has(w.lemma) || INDEFINITE.has(w.lower)) return true;
    const next = words[k + 1];
    return (w.lower === 'any' || w.lower === 'every') && next !== undefined && (next.lower === 'of' || INDEFINITE.has(next.lemma) || next.lemma === 'thing');
  };
  const anyIndefinite = (from: number, to: number) => words.slice(from, to).some((w, k) => isIndefinite(w, from + k));
  if (words.some((w) => EXCEPT.has(w.lower))) return false;
  // "Nothing I'd want to rule out at this point": a "nothing" whose clause names no thing.
  const lead = words.find((w) => w.pos !== 'INTJ' && !OPENERS.has(w.lower));
  if (lead && (lead.lower === 'nothing' || lead.lower === 'none')) {
    const clause = clauseAfter(s, lead);
    const rest = s.text.slice(clause.length ? (clause[clause.length - 1] as Token).end - s.start : lead.end - s.start);
    // "None, the on-call rotation owns incident command": what follows names work handed off.
    if (!clause.some((w) => (w.pos === 'NOUN' || w.pos === 'PROPN') && !EMPTY_NOUNS.has(w.lemma)) && !excludesSomething(rest)) return true;
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Token;
    // "We'd rather not close any doors", "I don't want to limit myself", "we won't cut anything".
    const particle = PHRASAL[w.lemma];
    const narrows = NARROW.has(w.lemma) || (particle !== undefined && words.slice(i + 1, i + 4).some((x) => x.lower === particle));
    // The light model tags "limit" in "rather not limit myself" as a noun: after "not" or "to" it is the verb.
    const verb = w.pos === 'VERB' || ['not', "n't", 'to', 'never'].includes(words[i - 1]?.lower ?? '');
    if (verb && narrows) {
      // Denied by a negator just before it ("not", "n't", "never"), not by a "nothing" that opened
      // a clause naming things ("Nothing that touches the ledger before the audit closes").
      const before = words.slice(Math.max(0, i - 5), i);
      const denied = before.some((x) => UNWILLING.has(x.lemma) || x.lower === 'not' || x.lower === "n't" || x.lower === 'never');
      const object = words.slice(i + 1, i + 5).filter((x) => x.lower !== particle);
      const nothingNamed = object.every((x) => x.pos === 'ADP' || x.pos === 'ADV' || x.pos === 'PART');
      // "Nothing I'd want to rule out": the object is a "nothing" before the verb.
      const nothingBefore = before.some((x) => x.lower === 'nothing');
      if ((denied || nothingBefore) && (anyIndefinite(i + 1, i + 5) || nothingNamed || nothingBefore)) return true;
    }
    // "everything remains on the table", "keeping our options open", "I'm open to anything",
    // "all of it is fair game".
    if (OPEN.has(w.lemma) && !w.negated && anyIndefinite(0, words.length)) {
      if (w.lemma === 'table' && !words.slice(Math.max(0, i - 2), i).some((x) => x.lower === 'on')) continue;
      if (w.lemma === 'scope' && words[i - 1]?.lower !== 'in') continue;
      return true;
    }
    // "Happy to pick up whatever lands", "I'll take on whatever comes in".
    if (w.lower === 'whatever' && words.slice(0, i).some((x) => x.pos === 'VERB' || x.lemma === 'happy' || x.lemma === 'glad')) return true;
  }
  return false;
}

/** The words after `t`, up to the end of its clause. */
function clauseAfter(s: Sentence, t: Token): Token[] {
  const out: Token[] = [];
  for (const k of s.tokens) {
    if (k.start <= t.start) continue;
    if (k.pos === 'PUNCT' && /[,;:.!?()\u2013\u2014]/.test(k.text)) break;
    out.push(k);
  }
  return out;
}
