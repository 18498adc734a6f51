// One normaliser for every heading and label that is matched against the module's section names.
// Two stages: `cleanTitle` removes what is decoration rather than wording (markup, emoji,
// numbering, HTML comments, anchors, escapes, case, trailing colon) and keeps the words as
// written; `titleKey` reduces the wording itself to a comparable key (parentheticals dropped,
// contractions expanded, British spelling to American, leading articles dropped, stems).
// Both are pure and cheap; callers memoise per document (see detect.ts), never globally.
import { trimEndOf } from '../text/format.ts';
import { porterStem } from './stem.ts';

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const ANCHOR = /\{#[^}]*\}/g;
const LINK = /!?\[([^\]]*)\]\([^)]*\)/g;
// Pictographs, plus what emoji sequences are built of: variation selectors, joiners, keycaps,
// regional-indicator flags, skin tones.
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F\u200D\u20E3]/gu;
// "2.", "2)", "2.1", "II.", "A.", "b)", "#3", "§4", "Step 3:", "Part II -": only before more words.
// A bare number is numbering only up to three digits, so "2025 roadmap" keeps its year.
const NUMBERING = /^(?:(?:step|part|section|phase|stage|slide)\s+(?:\d+|[ivxlc]+|[a-z])\b\s*[:.)\u2013\u2014-]?|[#§]?\d{1,3}(?:\.\d+)*[.):\u2013\u2014-]?|[ivxlc]+[.)]|[a-z][.)])\s+(?=\S)/i;

/** The title's words as written, lower-cased, without markup, emoji, numbering or trailing colon. */
export function cleanTitle(title: string): string {
  if (PLAIN_WORDS.test(title)) return unnumbered(title.toLowerCase());
  // Each step runs only when its trigger character is there: most titles are plain words.
  let t = title;
  const ascii = !/[^\x00-\x7f]/.test(t);
  if (!ascii) t = t.normalize('NFKC');
  if (t.includes('<')) t = t.replace(COMMENT, ' ');
  if (t.includes('{#')) t = t.replace(ANCHOR, ' ');
  if (t.includes('](')) t = t.replace(LINK, '$1');
  if (t.includes('#')) t = t.replace(/^#{1,6}\s+|\s+#+\s*$/g, '');
  if (t.includes('\\')) {
    // A Google Docs escape (`\_`) is a literal character, not emphasis: keep it through the strip.
    t = t.replace(/\\_/g, '\u0000').replace(/\\([\\`*{}[\]()#+\-.!|~<>])/g, '$1');
  }
  if (t.includes('<')) t = t.replace(/<\/?[a-z][^>]*>/gi, ' ');
  if (!ascii) t = t.replace(PICTOGRAPH, ' ');
  if (/[`*~_]/.test(t)) t = t.replace(/[`*~]|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '');
  if (t.includes('\u0000')) t = t.replace(/\u0000/g, '_');
  if (!ascii) t = t.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u2010-\u2015]/g, '-');
  // Single spaces between words (most titles) are already what the collapse makes.
  if (/\s\s|[^\S ]/.test(t)) t = t.replace(/\s+/g, ' ');
  t = t.trim().toLowerCase();
  // Numbering may sit after an emoji ("🧭 2. Policy"), so strip it after them.
  t = unnumbered(t);
  return trimEndOf(t, TRAILING).trim();
}
const TRAILING = /[\s:;.,?!\u2013\u2014-]/;

/** Without numbering, twice for "1. a)". */
function unnumbered(t: string): string {
  return t.replace(NUMBERING, '').replace(NUMBERING, '');
}

/** Words of ASCII letters between single spaces: most titles ("Design Details"), which need none of the cleaning but case and numbering. */
const PLAIN_WORDS = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

const CONTRACTIONS: [RegExp, string][] = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/\bshan't\b/g, 'shall not'],
  [/\bcannot\b/g, 'can not'],
  [/n't\b/g, ' not'],
  [/'ll\b/g, ' will'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'d\b/g, ' would'],
  [/\bi'm\b/g, 'i am'],
  [/\blet's\b/g, 'let us'],
  [/'s\b/g, ''],
];

// Words dropped from a key: leading articles and possessives ("The ask", "Our bet"), and the
// perfect auxiliary ("What we've decided" = "What we decided").
const LEADING = new Set(['the', 'a', 'an', 'our', 'my', 'your', 'their', 'its']);
const DROPPED = new Set(['have', 'has', 'had']);
// A growth plan is about one person, written "they", "she" or "he" ("What she's working towards",
// "The piece of work that's his", "How I'll back her up"): one person word, and one form of "be",
// so the module's synonyms need one spelling.
const SAME = new Map<string, string>(
  Object.entries({
    she: 'they',
    he: 'they',
    her: 'them',
    him: 'them',
    his: 'their',
    hers: 'their',
    theirs: 'their',
    is: 'be',
    are: 'be',
    am: 'be',
  }),
);

// British spellings that differ by more than a suffix the stemmer removes.
const BRITISH = new Map<string, string>(
  Object.entries({
    programme: 'program',
    programmes: 'programs',
    catalogue: 'catalog',
    dialogue: 'dialog',
    analogue: 'analog',
    judgement: 'judgment',
    acknowledgement: 'acknowledgment',
    licence: 'license',
    defence: 'defense',
    offence: 'offense',
    artefact: 'artifact',
    artefacts: 'artifacts',
    whilst: 'while',
    amongst: 'among',
    towards: 'toward',
    learnt: 'learned',
    enrol: 'enroll',
    fulfil: 'fulfill',
    skilful: 'skillful',
    grey: 'gray',
    tonne: 'ton',
    tyre: 'tire',
  }),
);
const OUR = /^(behavi|col|fav|hon|lab|neighb|harb|rum|flav|hum|vap|sav|endeav|arm|vig|cand|parl|savi|splend|tum|val|od)our(s|ed|ing|able|ably|ite|ites|ful)?$/;
const TRE = /^(cent|met|theat|fib|lit|calib|spect|somb|lust|sabre|manoeuv)re(s|d)?$/;
const DOUBLE_L = /^(model|label|travel|cancel|signal|fuel|level|channel|tunnel|marshal|counsel|total|dial|funnel|panel)l(ed|ing|er|ers)$/;
// -ise/-isation to -ize/-ization, except words that are -ise in American English too.
const ISE = /^([a-z]{3,})is(e|es|ed|ing|er|ers|ation|ations|ational|ationally|able)$/;
const ISE_KEEP = new Set(
  'prom exert exerc otherw adv rev dev superv enterpr comprom franch prem prec conc surpr no ra pra w r cru po merchand treat disgu dem compr appr circumc improv inc exc parad desp likew clockw repr exp chast'.split(' '),
);

/** American spelling of one lower-case word ("prioritise" -> "prioritize", "behaviour" -> "behavior"). */
export function americanise(word: string): string {
  const fixed = BRITISH.get(word);
  if (fixed) return fixed;
  let m = OUR.exec(word);
  if (m) return `${m[1]}or${m[2] ?? ''}`;
  m = TRE.exec(word);
  if (m) return `${m[1]}er${m[2] ?? ''}`;
  m = DOUBLE_L.exec(word);
  if (m) return `${m[1]}${m[2]}`;
  m = ISE.exec(word);
  if (m && !ISE_KEEP.has(m[1] as string)) return `${m[1]}iz${m[2]}`;
  if (word.endsWith('yse') || word.endsWith('ysed') || word.endsWith('ysing')) return word.replace(/ys(e|ed|ing)$/, 'yz$1');
  return word;
}

/** Stems kept in one memo before it starts over. */
const MAX_STEMS = 50_000;
/** Longer "words" (a run of letters in hostile input) are kept whole: the stemmer's patterns are quadratic in length. */
const MAX_STEMMED = 40;

/**
 * The stem of one lower-case word (Porter2, after American spelling). Stemming is most of the
 * cost of matching titles, so callers pass a memo (per check, or the surface's CheckMemo).
 */
export function stem(word: string, memo?: Map<string, string>): string {
  if (word.length > MAX_STEMMED) return word;
  let out = memo?.get(word);
  if (out === undefined) {
    out = porterStem(americanise(word));
    if (memo) {
      if (memo.size >= MAX_STEMS) memo.clear();
      memo.set(word, out);
    }
  }
  return out;
}

// Questions as headings ("How will we know it worked?", "What do we need from you?", "What's
// mine?") name the same section as the statement ("How we will know", "What we need from you",
// "What is mine"): after a question word, the auxiliary goes back behind its subject and
// do-support is dropped.
const WH = new Set(['what', 'how', 'who', 'whom', 'whose', 'why', 'when', 'where', 'which']);
const SUBJECT = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it']);
const DO = new Set(['do', 'does', 'did']);
const AUX = new Set(['will', 'would', 'should', 'shall', 'can', 'could', 'must', 'might', 'may', 'is', 'are', 'am', 'was', 'were']);

function unquestion(words: string[]): string[] {
  // "What else did we consider?": "what else" is the question word.
  if (words[1] === 'else' && words[0] && WH.has(words[0])) return [words[0], 'else', ...unquestion([words[0], ...words.slice(2)]).slice(1)];
  const [wh, aux, a, b] = words;
  if (!wh || !WH.has(wh) || !aux) return words;
  if (DO.has(aux) && a && SUBJECT.has(a)) return [wh, ...words.slice(2)];
  if (DO.has(aux) && a === 'not' && b && SUBJECT.has(b)) return [wh, b, 'not', ...words.slice(4)];
  if (AUX.has(aux) && a && SUBJECT.has(a)) return [wh, a, aux, ...words.slice(3)];
  if (AUX.has(aux) && a === 'not' && b && SUBJECT.has(b)) return [wh, b, aux, 'not', ...words.slice(4)];
  return words;
}

// A growth plan names its person: "Lena owns:", "Priya will lead:" are "they own", "they will lead".
const NAMED_OWNER = /^[^\p{L}]*\p{Lu}[\p{Ll}'\u2019-]+(?:\s+\p{Lu}[\p{Ll}'\u2019-]+)?\s+(?=(?:owns|leads|drives|runs|takes on|will (?:own|lead|drive|run|take on)|is (?:taking on|leading|driving|owning))\b)/u;
const NOT_A_NAME = /^[^\p{L}]*(?:who|what|which|nobody|no one|everyone|everybody|someone|somebody|each|it|this|that|team|the)\b/iu;

/** The tokens of a title's key: see `titleKey`. */
export function titleTokens(title: string, stems?: Map<string, string>): string[] {
  return titleWords(title).map((w) => stem(w, stems));
}

/** Words NAMED_OWNER's lookahead needs, one of them written as is: most titles have none, and are told apart without the pattern. */
const OWNER_WORDS = ['owns', 'leads', 'drives', 'runs', 'takes on', 'will ', 'is '];

/** The words of a title's key before stemming (`titleTokens` stems each). */
export function titleWords(title: string): string[] {
  const named = OWNER_WORDS.some((w) => title.includes(w)) && NAMED_OWNER.test(title) && !NOT_A_NAME.test(title);
  if (!named && PLAIN_WORDS.test(title)) return keyWords(unnumbered(title.toLowerCase()).split(' '));
  let t = cleanTitle(named ? title.replace(NAMED_OWNER, 'They ') : title);
  if (/[([]/.test(t)) t = t.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  if (t.includes('&')) t = t.replace(/&/g, ' and ');
  // "Pros/cons", "Risk/rollback": two names joined.
  if (t.includes('/')) t = t.replace(/(?<=\p{L}{2})\s*\/\s*(?=\p{L}{2})/gu, ' and ');
  if (t.includes("'")) {
    // "what's", "who's", "how's": the question word's "'s" is "is", not a possessive.
    t = t.replace(/\b(what|who|how|where|when|why|which|that|it|there|here|she|he)'s\b/g, '$1 is');
    for (const [re, to] of CONTRACTIONS) t = t.replace(re, to);
  }
  // The key is lower case: an ASCII title splits on ASCII letters and digits, without the Unicode pattern.
  const parts = /[^\x00-\x7f]/.test(t) ? t.split(/[^\p{L}\p{N}]+/u) : t.split(/[^A-Za-z0-9]+/);
  return keyWords(parts.filter(Boolean));
}

/** A title's lower-case words as its key has them: questions turned round, one person word, no leading article or perfect auxiliary. */
function keyWords(parts: string[]): string[] {
  const words = unquestion(parts);
  for (let k = 0; k < words.length; k++) words[k] = SAME.get(words[k] as string) ?? (words[k] as string);
  let i = 0;
  while (i < words.length - 1 && LEADING.has(words[i] as string)) i++;
  const out: string[] = [];
  for (; i < words.length; i++) if (!DROPPED.has(words[i] as string)) out.push(words[i] as string);
  return out;
}

/**
 * The comparable key of a heading or label: "## 🧭 2. Our Guiding Policies (draft):" and
 * "guiding policy" both give "guid polici".
 */
export function titleKey(title: string): string {
  return titleTokens(title).join(' ');
}
