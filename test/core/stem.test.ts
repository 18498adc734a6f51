// porterStem must give wink's stems exactly (titles are matched against the module's names by
// them): compared on every word of the module data, the lexicons and the rule docs, on each with
// the suffixes every step of the stemmer removes, and on every short string of the letters its
// patterns tell apart.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import winkStem from 'wink-eng-lite-web-model/dist/porter-stemmer.js';
import { porterStem } from '../../src/core/kinds/stem.ts';

const root = join(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ya?ml|md)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const vocabulary = [
  ...new Set(
    ['modules', 'src/core/lexicon', 'docs']
      .flatMap(filesUnder)
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .toLowerCase()
          .split(/[^a-z0-9]+/),
      )
      .filter((w) => w.length > 0 && w.length < 30),
  ),
];

const SUFFIXES =
  's es ed ing ingly edly ly eed eedly ied ies sses ss us y e ness ful ation ational tional ization izer ize alism aliti iviti biliti logi li enci anci abli alli entli ousli fulli lessli ator icate iciti ical ative alize ement ment ance ence able ible ant ent ism ate iti ous ive al er ic sion tion ion ll l 3'.split(
    ' ',
  );

function differences(words: Iterable<string>): string[] {
  const out: string[] = [];
  for (const w of words) if (porterStem(w) !== winkStem(w)) out.push(`${w}: ${porterStem(w)} (wink: ${winkStem(w)})`);
  return out;
}

describe('porterStem', () => {
  it('gives wink a stem for these words', () => {
    const cases: [string, string][] = [
      ['policies', 'polici'],
      ['consequences', 'consequ'],
      ['prioritizing', 'priorit'],
      ['generously', 'generous'],
      ['communities', 'communiti'],
      ['dying', 'die'],
      ['proceeding', 'proceed'],
      ['hopping', 'hop'],
      ['agreed', 'agre'],
      ['yearly', 'year'],
      ['q3', 'q3'],
      ['décisions', winkStem('décisions')],
    ];
    for (const [word, want] of cases) assert.equal(porterStem(word), want, word);
  });

  it('agrees with wink on the words of the module, the lexicons and the docs', () => {
    assert.ok(vocabulary.length > 1000, `only ${vocabulary.length} words read`);
    assert.deepEqual(differences(vocabulary), []);
  });

  it('agrees with wink on those words with each suffix the steps remove', () => {
    assert.deepEqual(differences(vocabulary.flatMap((w) => SUFFIXES.map((s) => w + s))), []);
  });

  it('agrees with wink on every string of up to four of the letters its patterns tell apart', () => {
    const letters = 'aeiouybdlgstnrmcxw3';
    const all: string[] = [];
    const grow = (s: string, depth: number) => {
      if (s) all.push(s);
      if (depth > 0) for (const c of letters) grow(s + c, depth - 1);
    };
    grow('', 4);
    assert.deepEqual(differences(all), []);
  });
});
