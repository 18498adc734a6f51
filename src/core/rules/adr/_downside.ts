// Does a sentence of an ADR state a downside of the decision? Read by adr/no-downside. Phrase
// lists alone fail both ways on real ADRs: "must", "but" or "issues" fire on consequences that are
// all upside ("removes the issues we had"), while costs in plain words ("transition users to new
// clusters", "storage grows", "SMS is weaker than an app") use no cost word. So each clause is read
// with its lemmas, parts of speech and negation scope (src/core/nlp), and a downside is one of:
// a cost noun that does not go down, a worse comparative, a resource that grows, a burden put on
// someone, a capability withheld, a risk that may happen, a loss or an accepted price.
import type { Doc, Span } from '../../model/types.ts';
import { spacesAsWhiteSpace } from '../../lexicon/index.ts';
import { analyse, type NlpMemo, sentenceAt, type Token } from '../../nlp/index.ts';

export interface Cue extends Span {
  /** The words that stated the downside. */
  text: string;
}

// Word sets are lemmas (wink's, American spelling) unless they say forms.

/** Nouns that name a cost: "the main risk", "operational overhead", "lock-in". */
const COST_NOUN = new Set([
  'cost',
  'expense',
  'risk',
  'downside',
  'drawback',
  'disadvantage',
  'tradeoff',
  'trade-off',
  'penalty',
  'overhead',
  'burden',
  'debt',
  'lock-in',
  'caveat',
  'limitation',
  'complexity',
  'downtime',
  'outage',
  'toil',
  'weakness',
  'bottleneck',
  'regression',
  'friction',
  'disruption',
  'con',
  'lack',
  'shortcoming',
  'workaround',
]);
/** Adjectives that judge the decision bad: "the setup is complex", "a manual step", "slow to build". */
const BAD_ADJ = new Set([
  'negative',
  'bad',
  'painful',
  'awkward',
  'inconvenient',
  'disruptive',
  'expensive',
  'costly',
  'risky',
  'fragile',
  'brittle',
  'cumbersome',
  'tedious',
  'error-prone',
  'complex',
  'complicated',
  'confusing',
  'unfamiliar',
  'immature',
  'unavailable',
  'unsupported',
  'incompatible',
  'manual',
  'vulnerable',
  'insecure',
  'lossy',
  'harmful',
  'weak',
  'noisy',
  'restricted',
]);
/** Comparative forms that are worse whatever they describe. */
const WORSE_FORM = new Set(['slower', 'harder', 'weaker', 'worse', 'costlier', 'pricier', 'riskier', 'trickier', 'messier', 'clunkier', 'heavier', 'noisier', 'tougher']);
/** "more complex", "more work": with `more` (or `added`, `higher`...) a cost. */
const MORE_BAD = new Set([
  'complex',
  'complicated',
  'expensive',
  'costly',
  'difficult',
  'fragile',
  'brittle',
  'verbose',
  'error-prone',
  'involved',
  'opaque',
  'manual',
  'painful',
  'risky',
  'tedious',
  'cumbersome',
  'coupled',
  'work',
  'effort',
  'maintenance',
  'toil',
  'latency',
  'overhead',
  'complexity',
  'cost',
  'issue',
  'problem',
  'bug',
  'incident',
  'error',
  'failure',
  'vulnerability',
  'risk',
  'outage',
  'downtime',
  'moving',
]);
/** "less flexible", "less control": a good thing that goes down. */
const LESS_GOOD = new Set([
  'flexible',
  'flexibility',
  'secure',
  'security',
  'control',
  'visibility',
  'reliable',
  'portable',
  'freedom',
  'choice',
  'transparent',
  'autonomy',
  'readable',
  'discoverable',
  'mature',
  'stable',
  'familiar',
  'efficient',
  'available',
  'performant',
  'responsive',
  'isolation',
  'resilient',
]);
/** What makes "harder to X" a gain: harder to misuse, to break, to get wrong. */
const MISHAP = new Set(['misuse', 'abuse', 'attack', 'exploit', 'break', 'bypass', 'leak', 'forget', 'get', 'miss', 'corrupt', 'lose', 'ignore', 'skip', 'tamper', 'spoof', 'phish', 'guess', 'steal']);
/** A cost goes down: "support costs fall", "reduces the risk of drift", "no downtime". */
const DECREASE = new Set([
  // "we stop paying per-call fees": a cost that ends.
  'stop',
  'cease',
  'fall',
  'drop',
  'decrease',
  'reduce',
  'reduction',
  'low',
  'lower',
  'cut',
  'few',
  'fewer',
  'less',
  'save',
  'saving',
  'eliminate',
  'remove',
  'avoid',
  'prevent',
  'mitigate',
  'minimize',
  'minimise',
  'disappear',
  'shrink',
  'cheap',
  'cheaper',
  'small',
  'smaller',
  'minimal',
  'negligible',
  'little',
  'zero',
  'no',
  'without',
  'free',
  'effective',
  'cost-effective',
  'address',
  'solve',
  'fix',
  'resolve',
  'lessen',
  'ease',
  'end',
]);
/** Verbs that make a resource grow: "storage grows", "adds a conversion step". */
const INCREASE = new Set(['add', 'increase', 'grow', 'raise', 'double', 'triple', 'incur', 'introduce', 'cause', 'create', 'pose', 'bring']);
/** What growing costs: a resource, a step, a delay, a bad thing caused. */
const RESOURCE = new Set([
  'cost',
  'bill',
  'spend',
  'spending',
  'price',
  'storage',
  'latency',
  'load',
  'complexity',
  'step',
  'dependency',
  'work',
  'call',
  'ticket',
  'wait',
  'delay',
  'lag',
  'minute',
  'hour',
  'day',
  'week',
  'maintenance',
  'overhead',
  'toil',
  'risk',
  'burden',
  'debt',
  'friction',
  'hop',
  'fee',
  'footprint',
  'surface',
  'issue',
  'problem',
  'concern',
  'confusion',
  'bug',
  'incident',
  'conflict',
  'churn',
  'noise',
  'disruption',
]);
/** "takes two sprints", "will take a week". */
const TIME = new Set(['minute', 'hour', 'day', 'week', 'sprint', 'month', 'quarter', 'year', 'iteration', 'cycle']);
/** What "extra" or "additional" may add without a cost: "an additional layer of security". */
const GOOD_EXTRA = new Set([
  'capacity',
  'headroom',
  'safety',
  'security',
  'protection',
  'redundancy',
  'flexibility',
  'visibility',
  'benefit',
  'option',
  'feature',
  'insight',
  'context',
  'assurance',
  'confidence',
  'resilience',
  'coverage',
  'value',
  'revenue',
  'check',
  'validation',
]);
/** People a decision puts work on: "users will have to", "transition users", "asking teams to". */
const PEOPLE = new Set([
  'user',
  'team',
  'customer',
  'developer',
  'engineer',
  'staff',
  'student',
  'client',
  'consumer',
  'operator',
  'tenant',
  'owner',
  'people',
  'everyone',
  'everybody',
  'contributor',
  'maintainer',
  'reader',
  'admin',
  'administrator',
  'member',
  'colleague',
  'partner',
  'you',
  'we',
  'they',
  'service',
  'each',
  'every',
  'squad',
  'researcher',
  'analyst',
  'caller',
  'integrator',
]);
/** Work moved onto people: migrate them, move them, ask them to. */
const IMPOSE = new Set(['transition', 'migrate', 'move', 'switch', 'port', 'convert', 'ask', 'force', 'oblige', 'compel', 'expect', 'train', 'onboard']);
/** Work done again: "re-enter their token", "rewrite the importers". */
const REDO = /^re-?(?:enter|type|write|train|learn|configure|create|build|deploy|test|certify|implement|install|register|authenticate|apply|tag|index|key)/;
/** Capabilities withheld when negated: "won't support Windows", "is no longer available". */
const CAPABILITY = new Set(['support', 'available', 'possible', 'able', 'allow', 'compatible', 'work', 'run', 'supported', 'allowed']);
/** Bad things that may happen: "a bad config can take down every cluster", "the caches may drift". */
const MISHAP_VERB = new Set([
  'break',
  'fail',
  'leak',
  'drift',
  'diverge',
  'conflict',
  'lose',
  'exceed',
  'overload',
  'delay',
  'slow',
  'confuse',
  'corrupt',
  'expose',
  'stall',
  'block',
  'miss',
  'degrade',
  'crash',
  'hurt',
  'suffer',
  'complicate',
  'duplicate',
  'sacrifice',
  'forgo',
  'forego',
  'pay',
  'spend',
  'wait',
  'accept',
  'tolerate',
  'acknowledge',
]);
/** Verbs that admit a price only when someone admits it: "we accept it", not "the API accepts JSON". */
const ADMIT = new Set(['accept', 'tolerate', 'acknowledge']);
/** Good qualities that, negated, are a downside: "which is not ideal", "won't be testing the exact same thing". */
const GOOD_ADJ = new Set(['ideal', 'great', 'good', 'optimal', 'perfect', 'similar', 'identical', 'same', 'consistent', 'simple', 'easy', 'straightforward', 'fast', 'cheap', 'secure', 'reliable', 'exact', 'seamless', 'trivial', 'clean']);
/** What a team may no longer have: "we don't have any admin power over the cluster". */
const CONTROL = new Set(['control', 'access', 'power', 'visibility', 'say', 'option', 'choice', 'ability', 'way', 'insight', 'flexibility', 'freedom']);
/** What makes "learn" news rather than work: "learn about", "learn sooner". */
const LEARN_OF = new Set(['about', 'of', 'that', 'from', 'how', 'when', 'what', 'why', 'sooner', 'faster', 'quickly', 'early', 'earlier', 'more']);
/** Bad events that, said as possible ("could have impact", "might find bugs"), are a risk. */
const RISK_NOUN = new Set(['impact', 'issue', 'problem', 'outage', 'incident', 'failure', 'bug', 'conflict', 'breakage', 'error', 'disruption', 'delay']);
/** Verbs that put a cost on the people they name: "affects every team", "disrupts users". */
const AFFECT = new Set(['impact', 'affect', 'disrupt', 'inconvenience', 'burden', 'confuse']);
/** Phrases no token test covers (a space matches white space with at most one line break: entries wrap). Global: read with `matchAll`, which copies it. */
const PHRASE = new RegExp(
  spacesAsWhiteSpace(
    String.raw`\b(?:at the (?:expense|cost|price) of|in exchange for|comes? at a (?:cost|price)|the catch is|the (?:price|downside) is|accepting that|learning curve|single point of failure|points? of failure|(?:tie|ties|tied|lock|locks|locked) (?:us|teams|the \w+) (?:in|into|to)\b|gives? up\b|giving up\b|(?:take|takes|took|bring|brings|brought) down\b|on the hook\b|work(?:ed|s|ing)? around\b|requirement to\b|only (?:works?|supports?|runs?|available)\b|no(?: [\w-]+)? support\b|unfortunately|it is (?:important|essential|vital|critical|crucial) (?:for \w+(?: \w+){0,5} )?to|care (?:must|should|needs to) be taken|take care|be careful|beware|(?:further|follow-?up|ongoing|additional|extra) (?:work|effort|maintenance|migration|research|investigation)|still (?:to|need to) (?:figure out|decide|work out)|open questions?)\b`,
  ),
  'gi',
);

const isWord = (t: Token) => t.pos !== 'PUNCT' && t.pos !== 'SYM';
/** Clause boundaries inside a sentence: `;`, `:`, dashes, commas and contrasts. */
const BOUNDARY = new Set([';', ':', ',', '—', '–', '--', 'but', 'however', 'while', 'whereas', 'although', 'though', 'yet']);

/** The first downside stated in `span` of the document, or undefined. */
export function downsideIn(doc: Doc, span: Span, nlp: NlpMemo | undefined): Cue | undefined {
  return mayStateDownside(doc.text.slice(span.start, span.end), doc.plain.slice(span.start, span.end)) ? readDownside(doc, span, nlp) : undefined;
}

// A lexical pre-filter, so that an entry that cannot state a downside is never tagged (most
// consequence entries are upsides, and tagging is most of this rule's cost). Every path of
// `readDownside` fires on a token whose lemma or form is in the sets above, some only with a
// second word ("hard" with "to"); an entry with no surface form of any of them yields no cue.
// A lemma's forms are the words it starts (less a final e or y: "risk" starts "risks",
// "riskier"; "lose", "lost"), plus the irregular ones listed, plus wink's contractions opened
// ("haven't" is `have` + `not`). test/rules/adr/downside-filter.test.ts proves it on every entry
// of the corpora and study sets, and on every inflection of every word of the sets.

/** Forms no prefix reaches: `worse` has the lemma `bad`, `took` has `take`. */
const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  bad: ['worse', 'worst'],
  good: ['better', 'best'],
  have: ['has', 'had', 'havin', 've'],
  take: ['took', 'taken'],
  lose: ['lost'],
  spend: ['spent'],
  break: ['broke', 'broken'],
  bring: ['brought'],
  grow: ['grew'],
  forego: ['forewent'],
  pay: ['paid'],
  run: ['ran'],
  say: ['said'],
  forgo: ['forwent'],
  work: ['wrought'],
  problem: ['prblm', 'prblms'],
  you: ['y'],
};

/** Words a signature needs one of: the forms of `lemmas`, or exactly `words`. */
export interface WordGroup {
  readonly lemmas: readonly string[];
  readonly words: readonly string[];
  readonly stems: ReadonlySet<string>;
  readonly exact: ReadonlySet<string>;
}

/** Shorter stems start too many words ("con" starts "config"): their forms are listed instead. */
const SHORTEST_STEM = 4;

function group(lemmas: Iterable<string>, words: Iterable<string> = []): WordGroup {
  const ls = [...lemmas];
  const ws = [...words];
  const stems = new Set<string>();
  const exact = new Set(ws);
  for (const l of ls) {
    const stem = l.replace(/[ey]$/, '');
    const last = l.slice(-1);
    if (stem.length >= SHORTEST_STEM) stems.add(stem);
    else {
      for (const end of ['', 's', 'es', 'd', 'ed', 'ing', 'er', 'est', `${last}ed`, `${last}ing`, `${last}er`]) exact.add(l + end);
      for (const end of ['ed', 'ing', 'er', 'est', 'ies', 'ied', 'ier', 'iest']) exact.add(stem + end);
    }
    for (const f of IRREGULAR[l] ?? []) exact.add(f);
  }
  return { lemmas: ls, words: ws, stems, exact };
}

const exactly = (...words: string[]) => group([], words);

// The words that start a negation's scope: wink's model's patterns ("not", "nope", "rule out",
// "fail to"; their words as wink normalises them, so exact), and the pronouns `scopeNegators` adds.
const NEGATION = exactly('not', 'no', 'nah', 'nope', 'never', 'none', 'nor', 'neither', 'without', 'nobody', 'nothing', 'noone', 'hardly', 'rarely', 'scarcely', 'eliminate', 'prevent');
const RULE = exactly('rule', 'rules', 'ruled');
const FAIL = exactly('fail', 'fails', 'failed', 'failing', 'impossible', 'unlikely');
const TO = exactly('to');
/** What only a negation makes a downside: a good quality, control or capability denied; "can't" + a verb. */
const DENIED = group([...GOOD_ADJ, ...CONTROL, ...CAPABILITY], ['ca', 'can', 'could', 'cannot']);

/**
 * What each path of `readDownside` needs, one word of each group: the phrases (PHRASE) and re-work
 * (REDO) are tested apart. A path's other conditions (part of speech, negation, what comes
 * between) only narrow it, so they are left to the reading.
 */
export const SIGNATURES: readonly (readonly WordGroup[])[] = [
  [NEGATION, DENIED],
  [RULE, exactly('out'), DENIED],
  [FAIL, TO, DENIED],
  [exactly('unable'), TO],
  [group(COST_NOUN)],
  [group(BAD_ADJ)],
  [exactly('hard', 'difficult', 'harder', 'tricky'), TO],
  [exactly('later', 'longer'), exactly('than')],
  [exactly(...WORSE_FORM)],
  [exactly('more', 'added', 'higher', 'increased'), group(MORE_BAD)],
  [exactly('less'), group(LESS_GOOD)],
  [group(['take']), group(TIME, ['longer'])],
  [exactly('extra', 'additional')],
  [group(INCREASE), group(RESOURCE)],
  [group(['need', 'have']), TO],
  [group(['require'], ['must'])],
  [group(['learn'])],
  [group(IMPOSE), group(PEOPLE)],
  [group(RISK_NOUN), exactly('may', 'might', 'could')],
  [group(AFFECT)],
  [group([...MISHAP_VERB, 'lose', 'loss'])],
];

// Every group's words and stems in one index, so that an entry's words are looked up once each:
// a stem under its first letters (a word then tests the few stems it may start with).
const BY_WORD = new Map<string, WordGroup[]>();
const BY_HEAD = new Map<string, { stem: string; groups: WordGroup[] }[]>();
for (const g of new Set(SIGNATURES.flat())) {
  for (const w of g.exact) BY_WORD.set(w, [...(BY_WORD.get(w) ?? []), g]);
  for (const stem of g.stems) {
    const head = stem.slice(0, SHORTEST_STEM);
    const stems = BY_HEAD.get(head) ?? [];
    BY_HEAD.set(head, stems);
    const known = stems.find((s) => s.stem === stem);
    if (known) known.groups.push(g);
    else stems.push({ stem, groups: [g] });
  }
}

/** The groups some word of `words` belongs to: itself, or a stem that starts it. */
function groupsOf(words: ReadonlySet<string>): Set<WordGroup> {
  const out = new Set<WordGroup>();
  for (const w of words) {
    for (const g of BY_WORD.get(w) ?? []) out.add(g);
    for (const s of BY_HEAD.get(w.slice(0, SHORTEST_STEM)) ?? []) if (w.startsWith(s.stem)) for (const g of s.groups) out.add(g);
  }
  return out;
}

/** Words wink opens without an apostrophe: "dont" is `do` + `nt`, "couldve" `could` + `ve` (its whole list; the filter's test reads it). */
const BEFORE_NT = new Set(['ai', 'am', 'are', 'ca', 'cai', 'could', 'dare', 'dares', 'das', 'did', 'do', 'does', 'go', 'had', 'has', 'have', 'is', 'may', 'might', 'must', 'ought', 'sha', 'shall', 'should', 'was', 'were', 'wo', 'would']);
const BEFORE_VE = new Set(['could', 'he', 'i', 'may', 'might', 'must', 'not', 'should', 'they', 'we', 'what', 'where', 'who', 'would', 'you']);

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** The lower-case words a token of `text` may be: each word, its parts between hyphens and apostrophes, a contraction's pieces. */
function wordsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const [whole] of text.toLowerCase().matchAll(WORD)) {
    out.add(whole);
    if (!/[-'’]/.test(whole)) {
      openBare(whole, out);
      continue;
    }
    for (const w of whole.split('-')) {
      out.add(w);
      openBare(w, out);
      if (!/['’]/.test(w)) continue;
      for (const part of w.split(/['’]/)) out.add(part);
      // "haven't" is `have` + `n't` (lemma `not`), "could've" `could` + `'ve` (lemma `have`).
      const nt = w.search(/n['’]t/);
      if (nt > 0) out.add(w.slice(0, nt)).add('not');
      if (/['’]ve$/.test(w)) out.add('have');
    }
  }
  return out;
}

/** "dont", "couldve", "cannot": contractions without an apostrophe. */
function openBare(w: string, out: Set<string>): void {
  const base = w.slice(0, -2);
  if (w.endsWith('nt') && BEFORE_NT.has(base)) out.add(base).add('not');
  else if (w.endsWith('ve') && BEFORE_VE.has(base)) out.add(base).add('have');
  else if ((w.endsWith('ll') || w.endsWith('re')) && PRONOUNS.has(base)) out.add(base);
  else if (w === 'cannot') out.add('can').add('not');
}

/** "theyll", "youre": wink reads the pronoun in them. */
const PRONOUNS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it', 'who', 'that', 'there', 'what']);

/**
 * Whether an entry could state a downside: false only when no path of `readDownside` can fire
 * on it. `text` is the entry's source, `plain` the same with comments blanked (what PHRASE reads).
 */
export function mayStateDownside(text: string, plain: string = text): boolean {
  if (plain.search(PHRASE) !== -1) return true;
  const words = wordsOf(text);
  for (const w of words) if (REDO.test(w)) return true;
  const found = groupsOf(words);
  return SIGNATURES.some((needs) => needs.every((g) => found.has(g)));
}

/** `downsideIn` without the pre-filter: reads every clause of `span` (exported for the filter's test). */
export function readDownside(doc: Doc, span: Span, nlp: NlpMemo | undefined): Cue | undefined {
  const { text } = doc;
  const analysis = analyse(text, span, nlp);
  const slice = doc.plain.slice(span.start, span.end);
  for (const m of slice.matchAll(PHRASE)) {
    const start = span.start + (m.index as number);
    // "will not crash (and take down ...)", "reduce the single points of failure": denied or going down.
    const sentence = sentenceAt(analysis, start);
    const at = sentence?.tokens.findIndex((t) => t.end > start) ?? -1;
    const before = at > 0 ? (sentence?.tokens.slice(Math.max(0, at - 4), at) ?? []) : [];
    if (sentence?.tokens[at]?.negated || before.some((t) => DECREASE.has(t.lemma) || t.negated)) continue;
    return { start, end: start + m[0].length, text: m[0] };
  }
  for (const s of analysis.sentences) {
    for (const clause of clausesOf(s.tokens)) {
      const cue = clauseCue(clause, text);
      if (cue) return cue;
    }
  }
  return undefined;
}

function clausesOf(tokens: Token[]): Token[][] {
  const out: Token[][] = [[]];
  for (const t of tokens) {
    if (BOUNDARY.has(t.lower) && (t.pos === 'PUNCT' || t.pos === 'CCONJ' || t.pos === 'SCONJ' || t.pos === 'ADV')) out.push([]);
    else out[out.length - 1]!.push(t);
  }
  return out.filter((c) => c.some(isWord));
}

function clauseCue(words: Token[], text: string): Cue | undefined {
  const cue = (from: Token, to: Token = from): Cue => ({ start: from.start, end: to.end, text: text.slice(from.start, to.end) });
  const w = words.filter(isWord);
  const decreasing = w.some((t) => DECREASE.has(t.lemma) || DECREASE.has(t.lower) || /-free$|^cost-/.test(t.lower));
  for (let i = 0; i < w.length; i++) {
    const t = w[i]!;
    const next = w[i + 1];
    const prev = w[i - 1];
    // "unable to install plugins": wink does not scope a negation after `unable`.
    if (t.lower === 'unable' && next?.lower === 'to') return cue(t, w[i + 2] ?? next);
    if (t.negated) {
      // "which is not ideal", "not the same thing": a good quality denied.
      if (GOOD_ADJ.has(t.lemma) && (t.pos === 'ADJ' || t.pos === 'ADV') && !(next?.lower === 'to' && MISHAP.has(w[i + 2]?.lemma ?? ''))) return cue(t);
      // "we don't have any admin power": control withheld.
      if (CONTROL.has(t.lemma) && w.slice(Math.max(0, i - 4), i).some((x) => x.lemma === 'have' || x.lemma === 'get' || x.lemma === 'give')) return cue(t);
      // "won't support Windows", "no longer available", "can't roll back": a capability withheld.
      if (CAPABILITY.has(t.lemma) && !subjectIsOperator(w, i) && !decreasing) return cue(t);
      if (prev && canNot(w, i) && t.pos === 'VERB' && !MISHAP.has(t.lemma) && !MISHAP_VERB.has(t.lemma)) return cue(t);
      continue;
    }
    // A cost that does not go down: "the main risk", "adds operational overhead".
    if ((COST_NOUN.has(t.lemma) || COST_NOUN.has(t.lower)) && t.pos !== 'ADJ' && !decreasing) return cue(t);
    if (BAD_ADJ.has(t.lemma) && (t.pos === 'ADJ' || t.pos === 'ADV') && !decreasing && !(prev && /^(?:less|not|no|never|nothing)$/.test(prev.lower))) return cue(t);
    // "hard to debug", "difficult to test"; "harder to misuse" is a gain.
    if ((t.lower === 'hard' || t.lower === 'difficult' || t.lower === 'harder' || t.lower === 'tricky') && next?.lower === 'to') {
      if (!MISHAP.has(w[i + 2]?.lemma ?? '')) return cue(t, w[i + 2] ?? next);
      continue;
    }
    // "some failures will page later than before"; not a deadline ("no later than Friday").
    if ((t.lower === 'later' || t.lower === 'longer') && next?.lower === 'than' && prev?.lower !== 'no') return cue(t, next);
    if (WORSE_FORM.has(t.lower) && !(t.lower === 'harder' && next?.lower === 'to')) return cue(t);
    if (/^(?:more|added|higher|increased)$/.test(t.lower) && next) {
      // "more complex", "more security issues" (the noun may come second).
      const bad = w.slice(i + 1, i + 3).find((x) => MORE_BAD.has(x.lemma));
      if (bad && (bad === next || bad.pos === 'NOUN')) return cue(t, bad);
    }
    if (t.lower === 'less' && next && LESS_GOOD.has(next.lemma)) return cue(t, next);
    if (t.lemma === 'take' && next && (next.lower === 'longer' || ((next.pos === 'NUM' || next.pos === 'DET') && TIME.has(w[i + 2]?.lemma ?? '')))) return cue(t, w[i + 2] ?? next);
    if ((t.lower === 'extra' || t.lower === 'additional') && next && (next.pos === 'NOUN' || next.pos === 'PROPN') && !w.slice(i + 1, i + 4).some((x) => GOOD_EXTRA.has(x.lemma))) return cue(t, next);
    // "storage grows", "adds a conversion step", "introduces a dependency".
    if (INCREASE.has(t.lemma) && t.pos === 'VERB' && !(t.lemma === 'add' && next?.lemma === 'support')) {
      const r = grown(w, i);
      if (r !== undefined) return r < i ? cue(w[r]!, t) : cue(t, w[r]!);
    }
    // A burden: "users will have to re-enter it", "sampling will need to be configured", "teams must".
    const lessBefore = w.slice(0, i).some((x) => DECREASE.has(x.lemma) || DECREASE.has(x.lower));
    if ((t.lemma === 'need' || t.lemma === 'have') && next?.lower === 'to' && !onlyBefore(w, i) && !lessBefore) return cue(t, next);
    // "the required changes" names what is needed, it puts no burden on anyone.
    const attributive = t.lower === 'required' && prev?.pos === 'DET';
    if ((t.lower === 'must' || t.lower === 'required' || t.lemma === 'require') && !attributive && !onlyBefore(w, i) && !lessAfter(w, i) && !lessBefore && (t.lower !== 'must' || personBefore(w, i))) return cue(t);
    if (REDO.test(t.lower) && t.pos === 'VERB') return cue(t);
    // "the team will commit to learning Pkl": a new tool to learn (not "learn about failures sooner").
    if (t.lemma === 'learn' && !LEARN_OF.has(next?.lower ?? '') && personBefore(w, i)) return cue(t);
    // Work moved onto people: "transition users to new clusters", "asking teams to continue".
    if (IMPOSE.has(t.lemma) && next && PEOPLE.has(next.lemma) && next.lemma !== 'we') return cue(t, next);
    if (IMPOSE.has(t.lemma) && t.pos === 'VERB' && t.lemma !== 'ask' && prev?.lower !== 'been' && personBefore(w, i, false)) return cue(t);
    // A risk: "could potentially have impact if there is an issue with that instance".
    if (RISK_NOUN.has(t.lemma) && t.pos === 'NOUN' && !decreasing && w.slice(0, i).some((x) => /^(?:may|might|could)$/.test(x.lower))) return cue(t);
    // "affects every team", "may impact our management of it"; not "decisions which affect our work".
    if (AFFECT.has(t.lemma) && t.pos === 'VERB' && (/^(?:may|might|could|can|will)$/.test(prev?.lower ?? '') || w.slice(i + 1, i + 4).some((x) => PEOPLE.has(x.lemma) && x.lemma !== 'we')))
      return cue(prev && /^(?:may|might|could|can|will)$/.test(prev.lower) ? prev : t, t);
    // A mishap, a loss or a price: "the caches may drift", "we lose the audit trail", "we accept it".
    if (MISHAP_VERB.has(t.lemma) && t.pos === 'VERB' && !decreasing && !(ADMIT.has(t.lemma) && !personBefore(w, i)) && !(t.lemma === 'fail' && next?.lower === 'over')) return cue(t);
    if ((t.lemma === 'lose' || t.lemma === 'loss') && !decreasing) return cue(t);
  }
  return undefined;
}

/**
 * The resource the increase verb at `i` grows: its object ("adds a step") with no decrease between
 * ("adds latency"), or its subject right before it ("storage grows"), unless a decrease governs
 * that subject ("addresses the concerns raised").
 */
function grown(w: Token[], i: number): number | undefined {
  for (let k = i + 1; k < w.length; k++) {
    if (DECREASE.has(w[k]!.lemma)) break;
    if (RESOURCE.has(w[k]!.lemma) && !w[k]!.negated) return k;
  }
  let subject = i - 1;
  while (subject >= 0 && !['NOUN', 'PROPN', 'PRON'].includes(w[subject]!.pos)) subject--;
  if (subject >= 0 && RESOURCE.has(w[subject]!.lemma) && !w.slice(0, subject).some((x) => DECREASE.has(x.lemma))) return subject;
  return undefined;
}

/** "can't", "cannot", "can no longer", "unable to", "not able to" right before the verb at `i`. */
function canNot(w: Token[], i: number): boolean {
  const before = w
    .slice(Math.max(0, i - 3), i)
    .map((t) => t.lower)
    .join(' ');
  return /\b(?:ca|can|could|cannot)\b/.test(before) || /\bunable to$|\bnot able to$/.test(before);
}

/** "we no longer run the mail server" is relief: the operator itself stops running it. */
function subjectIsOperator(w: Token[], i: number): boolean {
  if (w[i]!.lemma !== 'run' && w[i]!.lemma !== 'work') return false;
  const subject = [...w.slice(0, i)].reverse().find((t) => t.pos === 'PRON' || t.pos === 'NOUN' || t.pos === 'PROPN');
  return !!subject && /^(?:we|i|you|they)$/.test(subject.lower);
}

/** "only need to", "only have to": less work, not more. */
function onlyBefore(w: Token[], i: number): boolean {
  return w.slice(Math.max(0, i - 2), i).some((t) => t.lower === 'only' || t.lower === 'just');
}

/** "requires no changes", "requires only one file", "needs less setup". */
function lessAfter(w: Token[], i: number): boolean {
  const after = w[i + 1];
  return !!after && /^(?:no|nothing|only|less|fewer|zero|little|minimal|just)$/.test(after.lower);
}

/** A person or team is the subject: "teams must", "the service desk must", "we accept". */
function personBefore(w: Token[], i: number, withWe = true): boolean {
  return w.slice(0, i).some((t) => PEOPLE.has(t.lemma) && (withWe || t.lemma !== 'we') && (t.pos === 'NOUN' || t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'PROPN'));
}
