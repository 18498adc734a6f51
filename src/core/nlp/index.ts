// The language layer the rules call: sentences, tokens with part of speech, lemma and negation
// scope, with absolute offsets into the text the rule was given. Built on wink-nlp and its
// English light web model (docs/nlp.md says why, with the numbers). Pure: no I/O, no network;
// the model is data bundled from the npm package.
import type { ItsFunction } from 'wink-nlp';
import type { Span } from '../model/types.ts';
import { type Engine, load } from './engine.ts';
import { clean } from './markdown.ts';

/** Universal POS tags as wink's model gives them. */
export type Pos = 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X';

export interface Token extends Span {
  /** The source text of the token (for `can't`: `ca`, then `n't`). */
  text: string;
  /** Lower case. */
  lower: string;
  /** Lower-case lemma: `reminders` -> `reminder`, `blocked` -> `block`, `n't` -> `not`. */
  lemma: string;
  pos: Pos;
  /** Inside a negation's scope: after `not`, `never`, `no longer`, `without`... up to the clause's end. */
  negated: boolean;
}

export interface Sentence extends Span {
  /** The source text (Markdown markers included). */
  text: string;
  tokens: Token[];
}

export interface Analysis extends Span {
  sentences: Sentence[];
}

/**
 * What the layer remembers, owned by the caller (there is no module-level cache): the tagging of
 * each unit (paragraph, item, cell) by its text, kept across checks by a surface that re-checks
 * the same document (typing changes one paragraph at a time, so a re-check pays for that one),
 * and the analyses of spans of one text. Make one with `createMemo()`.
 */
export interface NlpMemo {
  /** Unit text -> its tagged sentences; a pure function of the text, bounded (cleared when full). */
  readonly units: Map<string, RelToken[][]>;
  /** `start:end` -> the analysis of that span of `text`. */
  readonly spans: Map<string, { text: string; analysis: Analysis }>;
}

const PUNCTUATION_RUN = /([^\s\p{L}\p{N}])\1{7,}/gu;

/** Units remembered before the memo starts over (a few large documents' worth). */
const MAX_UNITS = 5_000;

export function createMemo(units: Map<string, RelToken[][]> = new Map()): NlpMemo {
  return { units, spans: new Map() };
}

// The check's memo for its document (the engine binds it), so helpers that are handed only the
// Doc (text/negated.ts, text/dodges.ts) share the check's tagging instead of tagging again.
const docMemos = new WeakMap<object, NlpMemo>();

/** Makes `memo` the language layer's memo for `doc` (for as long as the Doc lives). */
export function bindMemo(doc: object, memo: NlpMemo): void {
  docMemos.set(doc, memo);
}

/** The memo bound to `doc`, if any. */
export function memoOf(doc: object): NlpMemo | undefined {
  return docMemos.get(doc);
}

/**
 * The sentences of `text` inside `span` (all of it by default). Markdown is read as prose:
 * headings, list items, table cells and paragraphs are separate units (a list item without a
 * full stop does not run into the next); a hard-wrapped line does not end a sentence; HTML
 * comments, code, link targets and emphasis markers are not words. Offsets are absolute.
 */
export function analyse(text: string, span: Span = { start: 0, end: text.length }, memo?: NlpMemo): Analysis {
  const key = `${span.start}:${span.end}`;
  const hit = memo?.spans.get(key);
  if (hit && hit.text === text) return hit.analysis;
  const sentences: Sentence[] = [];
  for (const unit of clean(text, span)) {
    for (const rel of unitSentences(unit.text, memo)) {
      const tokens = rel.map((t): Token => {
        const start = unit.start + t.start;
        const end = unit.start + t.end;
        return { start, end, text: text.slice(start, end), lower: t.lower, lemma: t.lemma, pos: t.pos, negated: t.negated };
      });
      const start = tokens[0]!.start;
      const end = tokens[tokens.length - 1]!.end;
      sentences.push({ start, end, text: text.slice(start, end), tokens });
    }
  }
  const analysis = { start: span.start, end: span.end, sentences };
  if (memo) {
    if (memo.spans.size >= MAX_UNITS) memo.spans.clear();
    memo.spans.set(key, { text, analysis });
  }
  return analysis;
}

/** A token with offsets relative to its unit. */
export type RelToken = Omit<Token, 'text'>;

function unitSentences(text: string, memo: NlpMemo | undefined): RelToken[][] {
  let hit = memo?.units.get(text);
  if (!hit) {
    // A long run of one punctuation mark ("!!!!...") sends wink's e-mail pattern quadratic; it
    // holds no words, so all but its first mark is tagged as white space (offsets unchanged).
    hit = tagUnit(
      load(),
      text.replace(PUNCTUATION_RUN, (m) => m[0] + ' '.repeat(m.length - 1)),
    );
    if (memo) {
      if (memo.units.size >= MAX_UNITS) memo.units.clear();
      memo.units.set(text, hit);
    }
  }
  return hit;
}

function tagUnit(engine: Engine, unit: string): RelToken[][] {
  const doc = engine.nlp.readDoc(unit);
  const bounds = doc.sentences().out(engine.its.span as ItsFunction<[number, number]>) as [number, number][];
  const all = tag(engine, unit, doc);
  const out: RelToken[][] = [];
  let prev: RelToken[] | undefined;
  for (const [first, last] of bounds) {
    let raw = all.slice(first, last + 1).filter((t) => t.pos !== 'SPACE');
    if (!raw.length) continue;
    // The light model reads a capitalised first word as a proper noun ("Owners were named",
    // "Review meetings happen weekly"): tag the sentence again with that letter in lower case.
    const head = raw[0]!;
    if (head.pos === 'PROPN' && /^\p{Lu}\p{Ll}+$/u.test(head.value)) {
      const from = head.start;
      const to = raw[raw.length - 1]!.end;
      const again = tag(engine, unit[from]!.toLowerCase() + unit.slice(from + 1, to)).filter((t) => t.pos !== 'SPACE');
      if (again.length === raw.length) raw = again.map((t, k) => ({ ...t, start: raw[k]!.start, end: raw[k]!.end, value: raw[k]!.value }));
    }
    const toks = raw.map((t): RelToken => ({ start: t.start, end: t.end, lower: t.value.toLowerCase(), lemma: t.lemma, pos: t.pos as Pos, negated: t.negated }));
    scopeNegators(toks);
    // wink ends a sentence at "v2." in "v2.1" and at "e.g." before a capital: a boundary with no
    // white space after it, or after a lower-case abbreviation, is not one.
    const tail = prev?.[prev.length - 1];
    if (prev && tail && (toks[0]!.start === tail.end || ABBREVIATION.test(unit.slice(Math.max(0, tail.end - 8), tail.end)))) {
      // The false boundary also cut a negation's scope short: carry it on to the clause's end.
      if (prev[prev.length - 2]?.negated) {
        for (const t of toks) {
          if (t.pos === 'PUNCT' && t.lower !== '.') break;
          t.negated = true;
        }
      }
      prev.push(...toks);
      continue;
    }
    prev = toks;
    out.push(prev);
  }
  return out;
}

const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|esp|resp|viz)\.$/i;

interface Tagged {
  value: string;
  /** Offsets in the tagged string. */
  start: number;
  end: number;
  lemma: string;
  pos: string;
  negated: boolean;
}

function tag(engine: Engine, text: string, doc = engine.nlp.readDoc(text)): Tagged[] {
  const { its } = engine;
  const tokens = doc.tokens();
  // wink's typings do not accept every `its` helper they document; the columns are plain arrays.
  const column = <T>(f: unknown) => tokens.out(f as ItsFunction<T>) as T[];
  const values = column<string>(its.value);
  const normals = column<string>(its.normal);
  const lemmas = column<string>(its.lemma);
  const tags = column<string>(its.pos);
  const negs = column<boolean>(its.negationFlag);
  // wink gives no character offsets: find each token's value in the text, left to right.
  const out: Tagged[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const at = text.indexOf(v, cursor);
    // A value not found verbatim stays zero-width at the cursor rather than misplaced.
    const start = at === -1 ? cursor : at;
    const end = at === -1 ? cursor : at + v.length;
    cursor = end;
    // Lemmas follow wink's American spelling ("prioritised" -> "prioritize"); "cannot" has none.
    out.push({ value: v, start, end, lemma: (lemmas[i] || normals[i] || v).toLowerCase(), pos: tags[i]!, negated: !!negs[i] });
  }
  return out;
}

// Negative pronouns wink's negation model leaves out: "Nobody owns the rotation".
const NEGATORS = new Set(['nobody', 'nothing', 'none', 'neither', 'nor', 'noone']);

function scopeNegators(toks: RelToken[]): void {
  for (let i = 0; i < toks.length; i++) {
    if (!NEGATORS.has(toks[i]!.lower)) continue;
    for (let k = i + 1; k < toks.length; k++) {
      const t = toks[k]!;
      if ((t.pos === 'PUNCT' && t.lower !== '-') || t.lower === 'but') break;
      t.negated = true;
    }
  }
}

/** The sentence containing `offset`, if any. */
export function sentenceAt(a: Analysis, offset: number): Sentence | undefined {
  let lo = 0;
  let hi = a.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = a.sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** The token containing `offset`, if any. */
export function tokenAt(a: Analysis, offset: number): Token | undefined {
  return sentenceAt(a, offset)?.tokens.find((t) => offset >= t.start && offset < t.end);
}

/** Whether the word at `offset` is inside a negation's scope ("we will not *migrate*", "without *review*"). */
export function negatedAt(a: Analysis, offset: number): boolean {
  return tokenAt(a, offset)?.negated ?? false;
}

/** The lemmas of the words (not punctuation) of an analysis or a sentence. */
export function lemmaSet(x: Analysis | Sentence): Set<string> {
  const out = new Set<string>();
  for (const t of tokensOf(x)) if (t.pos !== 'PUNCT' && t.pos !== 'SYM') out.add(t.lemma);
  return out;
}

/** The first verb whose lemma is `lemma` (or one of them), e.g. `hasVerb(s, 'fund')`. */
export function hasVerb(x: Analysis | Sentence, lemma: string | ReadonlySet<string>): Token | undefined {
  const want = typeof lemma === 'string' ? (l: string) => l === lemma : (l: string) => lemma.has(l);
  return tokensOf(x).find((t) => t.pos === 'VERB' && want(t.lemma));
}

/** Whether `word` (its form or lemma) is used as a noun or a verb in the sentence: "The fund is empty" vs "We fund two teams". */
export function nounOrVerb(s: Sentence, word: string): 'noun' | 'verb' | undefined {
  const w = word.toLowerCase();
  const t = s.tokens.find((k) => k.lower === w || k.lemma === w);
  if (!t) return undefined;
  if (t.pos === 'VERB') return 'verb';
  if (t.pos === 'NOUN' || t.pos === 'PROPN') return 'noun';
  return undefined;
}

const LEAD = new Set(['please', 'kindly', 'so', 'now', 'then', 'also', 'finally', 'next', 'first', 'lastly', 'ideally', 'and', 'just', 'simply']);
const CONDITION = new Set(['if', 'when', 'once', 'before', 'after', 'unless', 'whenever', 'until', 'as']);
const MODAL = new Set(['can', 'could', 'would', 'will']);
const ASK = new Set(['ask', 'request', 'need', 'want', 'like', 'require', 'expect']);

/**
 * An ask: an imperative ("Approve the plan", "Please decide by Friday", "Don't ship on Fridays",
 * "Let's move the date", "If you own a service, run the drill") or a request to the reader
 * ("Can you confirm...", "We need you to...", "We ask that you...", "We ask leadership to...",
 * "Your approval is needed"). A statement about what someone did ("We evaluated reliability")
 * or a noun-led line ("Review meetings happen weekly") is not one.
 */
export function isImperativeOrRequest(s: Sentence): boolean {
  const words = s.tokens.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM');
  // A leading `Label:` ("Ask: approve the plan") is not the sentence's first word.
  const colon = s.tokens.findIndex((t) => t.text === ':');
  let i = colon !== -1 && colon <= 4 ? words.findIndex((t) => t.start > s.tokens[colon]!.start) : 0;
  if (i === -1) return false;
  while (words[i] && (LEAD.has(words[i]!.lower) || words[i]!.pos === 'INTJ')) i++;
  // A leading condition ("If you own a service, run the drill") is not the command.
  if (words[i] && CONDITION.has(words[i]!.lower)) {
    const comma = s.tokens.find((t) => t.text === ',' && t.start > words[i]!.start);
    const after = comma ? words.findIndex((t) => t.start > comma.start) : -1;
    if (after !== -1) i = after;
  }
  const first = words[i];
  const second = words[i + 1];
  if (!first) return false;
  if (words.some((t) => t.lower === 'please' || t.lower === 'kindly')) return true;
  // "Research on five specifications confirms ...": a noun with its own verb later is the subject.
  const marked = s.tokens.filter((t) => (t.pos !== 'PUNCT' && t.pos !== 'SYM') || CLAUSE_MARKS.has(t.text));
  if (headsSubject(marked, marked.indexOf(first))) return false;
  if (first.pos === 'VERB' && first.lower === first.lemma && !isGerundOrPast(first.lower)) return true;
  if (first.lower === 'let' || first.lower === 'be' || (first.lower === 'do' && second?.pos !== 'PRON')) return true;
  if (verblessCommand(words.slice(i))) return true;
  for (let k = 0; k < words.length - 1; k++) {
    const w = words[k]!;
    const next = words[k + 1]!;
    if (MODAL.has(w.lower) && next.lower === 'you') return true;
    const verb = words[k - 1];
    // "we need you to", "we want your sign-off", "I'd like you to"; not "we like your idea".
    if ((w.lower === 'you' || w.lower === 'your') && verb && ASK.has(verb.lemma) && (verb.lemma !== 'like' || /^(?:would|'d|’d)$/.test(words[k - 2]?.lower ?? ''))) return true;
    if ((w.lower === 'we' || w.lower === 'i') && (next.lemma === 'ask' || next.lemma === 'request') && !isGerundOrPast(next.lower)) return true;
    if (w.lower === 'your' && words.slice(k + 1, k + 4).some((t) => t.lemma === 'need' || t.lemma === 'require')) return true;
  }
  return false;
}

/**
 * "Fund the team", "Move the launch to June", "Sign off on the plan": the light model tags a
 * sentence-initial verb that is also a noun as a noun. When nothing else in the clause is a
 * verb and an object or particle follows, ask the model again with a subject in front.
 */
function verblessCommand(words: Token[]): boolean {
  const [first, second] = words;
  if (!first || !second || (first.pos !== 'NOUN' && first.pos !== 'PROPN')) return false;
  if (!['DET', 'PRON', 'NUM', 'ADP', 'PART', 'ADV'].includes(second.pos)) return false;
  if (words.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return false;
  const again = tag(load(), `you ${words.map((t) => t.lower).join(' ')}`);
  return again[1]?.pos === 'VERB';
}

function isGerundOrPast(lower: string): boolean {
  return /(?:ing|ed)$/.test(lower);
}

function tokensOf(x: Analysis | Sentence): Token[] {
  return 'tokens' in x ? x.tokens : x.sentences.flatMap((s) => s.tokens);
}

// Words that open a noun phrase: after one of these, a participle is the noun's modifier.
const NOUN_PHRASE_OPENERS = new Set(['DET', 'ADJ', 'NUM', 'ADP']);
const POSSESSIVES = new Set(['our', 'their', 'its', 'his', 'her', 'my', 'your', 'whose']);

/**
 * Whether a `-ed`/`-en` verb form modifies a noun instead of being a clause's verb: "the
 * *evaluated* specifications", "three *reviewed* options", "of *assessed* risk", "our *reviewed*
 * plan". A participle right after its subject ("we *evaluated* three vendors") or opening the line
 * ("*Evaluated* three vendors") is a verb.
 */
export function isAttributive(s: Sentence, token: Token): boolean {
  const words = s.tokens.filter((t) => t.pos !== 'PUNCT' || t.text === '(' || t.text === ',');
  const i = words.findIndex((t) => t.start === token.start);
  if (i <= 0) return false;
  const prev = words[i - 1]!;
  const next = words[i + 1];
  const opensPhrase = NOUN_PHRASE_OPENERS.has(prev.pos) || POSSESSIVES.has(prev.lower);
  return opensPhrase && next !== undefined && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ');
}

// What ends the clause a subject's verb must stand in: a verb after one of these has a subject of its own.
const CLAUSE_BREAK = new Set(['that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'why', 'how', 'whether', 'if', 'because', 'so', 'while', 'until', 'unless']);
// Prepositions that tie a noun to its complement: "Research *on* five specifications", "Review *of* the plan".
const NOUN_COMPLEMENT = new Set(['of', 'on', 'into', 'across', 'from', 'in', 'for', 'about', 'with', 'among', 'between', 'by', 'at', 'over', 'under']);
/** Punctuation headsSubject reads: brackets it skips, marks that end a clause. */
export const CLAUSE_MARKS: ReadonlySet<string> = new Set(['(', ')', ',', ';', ':', '–', '—']);
const FINITE_AUX = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'did', 'will', 'would', 'should', 'must', 'can', 'could', 'may', 'might', 'shall']);

/**
 * Whether the word at `words[i]` is the head noun of its clause's subject, not a command: a
 * finite verb of its own follows, directly or after a prepositional phrase ("Research *confirms*",
 * "Research on five specifications (CNAB, OCM) *confirms*", "Review of the plan *shows*"). After
 * an object ("Confirm the budget is approved") the later verb is the object's clause, so an
 * imperative stays one.
 */
export function headsSubject(words: readonly Token[], i: number): boolean {
  const next = words[i + 1];
  if (!next) return false;
  if (isFiniteVerb(next)) return true;
  if (next.pos !== 'ADP' || !NOUN_COMPLEMENT.has(next.lower)) return false;
  let depth = 0;
  for (let k = i + 2; k < words.length; k++) {
    const t = words[k]!;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    if (CLAUSE_BREAK.has(t.lower) || t.text === ';' || t.text === ':' || t.text === ',' || t.text === '—' || t.text === '–') return false;
    if (isFiniteVerb(t)) return true;
    if (t.pos === 'VERB' && t.lower === t.lemma) return false;
  }
  return false;
}

/** A verb form that carries tense and agrees with a subject: "confirms", "shows", "is", "will". */
function isFiniteVerb(t: Token): boolean {
  if (t.pos === 'AUX') return FINITE_AUX.has(t.lower);
  return t.pos === 'VERB' && t.lower !== t.lemma && /[^s]s$/.test(t.lower);
}

const COMMITMENT = new Set(['will', 'shall', "'ll", '’ll']);
const STATE_VERBS = new Set(['be', 'have', 'become', 'remain', 'seem', 'stay', 'exist', 'need', 'want', 'depend']);
/** An item that names work longer than this is prose, not a project line. */
const MAX_ITEM_WORDS = 20;

/**
 * Whether an item is led by an action, as a project on a roadmap is: a command ("Migrate CI",
 * "Move census processing to the cloud"), a deliverable named as a noun phrase with no verb of its
 * own ("Modern tills", "Loyalty app v2", "Disaster recovery for etcd"), or a commitment to do
 * something ("We will migrate the ledger by Q2"). Not a property stated with a modal ("Etcd should
 * be easy to operate"), a prediction ("there will be follow-up use cases"), or a statement of how
 * things are ("Currently, there are many steps", "Etcd supports live upgrades").
 */
export function isActionLed(s: Sentence): boolean {
  const words = s.tokens.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM');
  if (!words.length || words.length > MAX_ITEM_WORDS) return false;
  // A verb right after a noun or pronoun is that subject's ("customers *hit* the ceiling",
  // "tickets about it *doubled*"); an -ing form there modifies the noun ("teams owning services").
  // Not inside a compound: "bbolt *supported* storage size", "self-*serve* portal", "store *rework*".
  const afterSubject = (t: Token, k: number) => {
    const next = words[k + 1];
    if (k === 0 || t.pos !== 'VERB' || /ing$/.test(t.lower) || !next || next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PROPN') return false;
    const prev = words[k - 1]!;
    return ['NOUN', 'PROPN', 'PRON'].includes(prev.pos) && !/-$/.test(s.text.slice(0, t.start - s.start));
  };
  const finite = words.findIndex((t, k) => (t.pos === 'AUX' && FINITE_AUX.has(t.lower)) || (t.pos === 'VERB' && k > 0 && isFiniteVerb(t)) || afterSubject(t, k));
  if (finite === -1) {
    // No finite verb: a command, or a noun phrase that names the deliverable; not a gerund of state.
    return true;
  }
  // A command keeps its own clauses: "Ship the flow so that merchants can sign up alone".
  if ((isImperativeOrRequest(s) || commandLead(words)) && !headsSubject(words, 0)) return true;
  const aux = words[finite]!;
  const subject = words[finite - 1];
  if (!COMMITMENT.has(aux.lower) || !subject || subject.lower === 'there' || subject.lower === 'it') return false;
  const verb = words.slice(finite + 1).find((t) => t.pos === 'VERB' || t.pos === 'AUX');
  return verb !== undefined && verb.pos === 'VERB' && !STATE_VERBS.has(verb.lemma);
}

/**
 * "Ship the new flow so that ...": the light model reads a sentence-initial verb that is also a
 * noun as a noun, and a later clause's verb keeps verblessCommand from asking again. When an
 * object's determiner follows, ask the model with a subject in front.
 */
function commandLead(words: readonly Token[]): boolean {
  const [first, second] = words;
  if (!first || !second || (first.pos !== 'NOUN' && first.pos !== 'PROPN') || !['DET', 'PRON', 'NUM'].includes(second.pos)) return false;
  const again = tag(load(), `you ${first.lower} ${second.lower}`);
  return again[1]?.pos === 'VERB' && again[1].lemma === first.lower;
}

const RECOMMENDING = new Set(['should', 'must', 'shall']);
/** What a recommendation may not go on to do: keep looking, or only be ("should be aware"). */
const NOT_DECIDING = new Set(['be', 'have', 'consider', 'explore', 'continue', 'keep', 'review', 'discuss', 'investigate', 'evaluate', 'look', 'think', 'monitor', 'assess', 'study']);

/**
 * A recommendation with a subject other than the reader: "The TAG should proceed with a
 * specification", "We must delay the launch". Not "You should read the appendix", "Teams
 * should be aware", "We should look into it", nor a negated one.
 */
export function recommends(s: Sentence): boolean {
  const words = s.tokens.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM');
  const k = words.findIndex((t) => RECOMMENDING.has(t.lower));
  const subject = words[k - 1];
  const verb = words[k + 1];
  if (k <= 0 || !subject || !verb || subject.lower === 'you' || subject.lower === 'it' || subject.lower === 'there') return false;
  if (!['NOUN', 'PROPN', 'PRON'].includes(subject.pos)) return false;
  return verb.pos === 'VERB' && !verb.negated && !NOT_DECIDING.has(verb.lemma);
}
