// wink's Porter2 stemmer (wink-eng-lite-web-model/dist/porter-stemmer.js), step for step, with
// its costliest patterns done by string tests: `(.+)(sses)$`-style patterns backtrack from every
// position of the word, and wink finds the R1/R2 regions with a pattern up to five times per
// word. Titles are matched by these stems, so they must be wink's exactly: words of other than
// lower-case ASCII letters and digits go to wink itself, and test/core/stem.test.ts compares
// both on every word of the module and on inflections of them.
import winkStem from 'wink-eng-lite-web-model/dist/porter-stemmer.js';

const ASCII_WORD = /^[a-z0-9]+$/;

const EXCEPTIONS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  skis: 'ski',
  skies: 'sky',
  dying: 'die',
  lying: 'lie',
  tying: 'tie',
  idly: 'idl',
  gently: 'gentl',
  ugly: 'ugli',
  early: 'earli',
  only: 'onli',
  singly: 'singl',
  sky: 'sky',
  news: 'news',
  atlas: 'atlas',
  cosmos: 'cosmos',
  bias: 'bias',
  andes: 'andes',
});
const EXCEPTIONS_2 = new Set(['inning', 'outing', 'canning', 'herring', 'proceed', 'exceed', 'succeed', 'earring']);

const STEP2 = /(ization|ational|fulness|ousness|iveness|tional|biliti|lessli|entli|ation|alism|aliti|ousli|iviti|fulli|enci|anci|abli|izer|ator|alli|bli|ogi|li)$/;
const STEP2_REPLACEMENTS: [RegExp, string][] = [
  [/ational$/, 'ate'],
  [/ization$/, 'ize'],
  [/fulness$/, 'ful'],
  [/ousness$/, 'ous'],
  [/iveness$/, 'ive'],
  [/tional$/, 'tion'],
  [/biliti$/, 'ble'],
  [/lessli$/, 'less'],
  [/iviti$/, 'ive'],
  [/ousli$/, 'ous'],
  [/ation$/, 'ate'],
  [/entli$/, 'ent'],
  [/(.*)(alism|aliti)$/, '$1al'],
  [/fulli$/, 'ful'],
  [/alli$/, 'al'],
  [/ator$/, 'ate'],
  [/izer$/, 'ize'],
  [/enci$/, 'ence'],
  [/anci$/, 'ance'],
  [/abli$/, 'able'],
  [/bli$/, 'ble'],
  [/(.*)(l)(ogi)$/, '$1$2og'],
  [/(.*)([cdeghkmnrt])(li)$/, '$1$2'],
];
const STEP3 = /(ational|tional|alize|icate|iciti|ative|ical|ness|ful)$/;
const STEP3_REPLACEMENTS: [RegExp, string][] = [
  [/ational$/, 'ate'],
  [/tional$/, 'tion'],
  [/alize$/, 'al'],
  [/(.*)(icate|iciti|ical)$/, '$1ic'],
  [/(ness|ful)$/, ''],
];
const STEP4 = /(ement|ance|ence|able|ible|ment|ant|ent|ism|ate|iti|ous|ive|ize|al|er|ic)$/;
const STEP4_FULL = /(ement|ance|ence|able|ible|ment|ant|ent|ism|ate|iti|ous|ive|ize|ion|al|er|ic)$/;
const STEP4_ION = /(.*)(s|t)(ion)$/;

function isVowel(c: number): boolean {
  // a e i o u y
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121;
}

/** wink's `/[aeiouy]+([^aeiouy]{1}.+)/` region: what follows the first vowels and the consonant after them (null: no match). */
function regionAfter(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    if (!isVowel(s.charCodeAt(i))) continue;
    let j = i;
    while (j < s.length && isVowel(s.charCodeAt(j))) j++;
    // A consonant at j and at least one character after it; else no later start can match.
    return j + 1 < s.length ? s.slice(j + 1) : null;
  }
  return null;
}

function regions(s: string): { r1: string; r2: string } {
  const m1 = regionAfter(s);
  if (m1 === null) return { r1: '', r2: '' };
  const r1 = s.startsWith('gener') || s.startsWith('arsen') ? s.slice(5) : s.startsWith('commun') ? s.slice(6) : m1;
  return { r1, r2: regionAfter(r1) ?? '' };
}

/** `/[^aeiouy][aeiouy][^aeiouywx3]$/` or `/^[aeiouy][^aeiouy]{0,1}$/`. */
function isShort(s: string): boolean {
  const n = s.length;
  if (n >= 3) {
    const last = s.charCodeAt(n - 1);
    if (!isVowel(s.charCodeAt(n - 3)) && isVowel(s.charCodeAt(n - 2)) && !isVowel(last) && last !== 119 && last !== 120 && last !== 51) return true;
  }
  if (n === 1) return isVowel(s.charCodeAt(0));
  return n === 2 && isVowel(s.charCodeAt(0)) && !isVowel(s.charCodeAt(1));
}

function prelude(s: string): string {
  let out = s.charCodeAt(0) === 121 ? `3${s.slice(1)}` : s;
  // The first vowel (not y) followed by y.
  for (let i = 0; i + 1 < out.length; i++) {
    const c = out.charCodeAt(i);
    if ((c === 97 || c === 101 || c === 105 || c === 111 || c === 117) && out.charCodeAt(i + 1) === 121) {
      out = `${out.slice(0, i + 1)}3${out.slice(i + 2)}`;
      break;
    }
  }
  return out;
}

function step1a(s: string): string {
  const n = s.length;
  if (n >= 5 && s.endsWith('sses')) return `${s.slice(0, -4)}ss`;
  if (s.endsWith('ied') || s.endsWith('ies')) {
    if (n >= 5) return `${s.slice(0, -3)}i`;
    if (n >= 4) return `${s.slice(0, -3)}ie`;
  }
  if (n >= 3 && (s.endsWith('us') || s.endsWith('ss'))) return s;
  if (n >= 2 && s.endsWith('s')) {
    const part = s.slice(0, -1);
    // `/[aeiuouy](.+)$/`: a vowel with at least one character after it.
    for (let i = 0; i + 1 < part.length; i++) if (isVowel(part.charCodeAt(i))) return part;
  }
  return s;
}

function step1b(s: string): string {
  if (s.endsWith('eedly') || s.endsWith('eed')) {
    const { r1 } = regions(s);
    if (!(r1.endsWith('eedly') || r1.endsWith('eed'))) return s;
    return s.endsWith('eedly') ? `${s.slice(0, -5)}ee` : `${s.slice(0, -3)}ee`;
  }
  // The shortest of the suffixes the word ends with, after a part that holds a vowel.
  const cut = s.endsWith('ed') ? 2 : s.endsWith('ing') ? 3 : s.endsWith('edly') ? 4 : s.endsWith('ingly') ? 5 : 0;
  if (!cut) return s;
  const sd = s.slice(0, -cut);
  let vowel = false;
  for (let i = 0; i < sd.length && !vowel; i++) vowel = isVowel(sd.charCodeAt(i));
  if (!vowel) return s;
  if (sd.endsWith('at') || sd.endsWith('bl') || sd.endsWith('iz')) return `${sd}e`;
  if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(sd)) return sd.slice(0, -1);
  return isShort(sd) && regions(sd).r1 === '' ? `${sd}e` : sd;
}

function step1c(s: string): string {
  const n = s.length;
  const last = s.charCodeAt(n - 1);
  return n >= 3 && (last === 121 || last === 51) && !isVowel(s.charCodeAt(n - 2)) ? `${s.slice(0, -1)}i` : s;
}

function replaced(s: string, rules: [RegExp, string][]): string | undefined {
  for (const [re, to] of rules) {
    const out = s.replace(re, to);
    if (out !== s) return out;
  }
  return undefined;
}

function step2(s: string): string {
  const m = STEP2.exec(s);
  if (!m || !regions(s).r1.includes(m[1] as string)) return s;
  return replaced(s, STEP2_REPLACEMENTS) ?? s;
}

function step3(s: string): string {
  const m = STEP3.exec(s);
  if (!m) return s;
  const { r1, r2 } = regions(s);
  if (!r1.includes(m[1] as string)) return s;
  const out = replaced(s, STEP3_REPLACEMENTS);
  if (out !== undefined) return out;
  return r2.includes('ative') ? s.replace(/ative$/, '') : s;
}

function step4(s: string): string {
  const m = STEP4_FULL.exec(s);
  if (!m || !regions(s).r2.includes(m[1] as string)) return s;
  if (STEP4.test(s)) return s.replace(STEP4, '');
  return STEP4_ION.test(s) ? s.replace(STEP4_ION, '$1$2') : s;
}

function step5(s: string): string {
  const { r1, r2 } = regions(s);
  if (s.endsWith('e')) {
    const preceding = s.slice(0, -1);
    return r2.includes('e') || (r1.includes('e') && !isShort(preceding)) ? preceding : s;
  }
  return s.endsWith('l') && r2.endsWith('l') ? s.replace(/ll$/, 'l') : s;
}

/** The Porter2 stem of one word, as wink's stemmer gives it. */
export function porterStem(word: string): string {
  if (!ASCII_WORD.test(word)) return winkStem(word);
  if (word.length < 3) return word;
  const exception = EXCEPTIONS[word];
  if (exception) return exception;
  let s = step1a(prelude(word));
  if (!EXCEPTIONS_2.has(s)) s = step5(step4(step3(step2(step1c(step1b(s))))));
  return s.includes('3') ? s.replace(/3/g, 'y') : s;
}
