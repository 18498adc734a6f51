// The lexical pre-filter of adr/no-downside (_downside.ts `mayStateDownside`) is sound: it
// rejects no entry on which the language layer finds a downside. Proved three ways: on every entry
// of every document we have (corpora, examples, fixtures, the study sets; never the sealed sets),
// on every inflection of every word the filter is built from, and on every word of wink's lexicon
// whose lemma (as wink gives it in a sentence) the filter needs.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { detectKind, assignSections } from '../../../src/core/kinds/detect.ts';
import { defaultModule } from '../../../src/core/modules.ts';
import { parse } from '../../../src/core/model/parse.ts';
import type { Span } from '../../../src/core/model/types.ts';
import { analyse, createMemo } from '../../../src/core/nlp/index.ts';
import { readSpans } from '../../../src/core/query/doc-query.ts';
import { SectionView } from '../../../src/core/query/section-view.ts';
import { mayStateDownside, readDownside, SIGNATURES } from '../../../src/core/rules/adr/_downside.ts';
import { entriesOf } from '../../../src/core/text/entries.ts';

const require = createRequire(import.meta.url);
const repo = join(import.meta.dirname, '../../..');
const shared = join(repo, '../shared');
// Listed one by one: holdout-4 and holdout-6 are sealed and must not be read.
const FOLDERS = [
  join(shared, 'corpus'),
  join(shared, 'accuracy'),
  join(shared, 'examples'),
  join(repo, 'test/fixtures/real'),
  join(repo, 'test/fixtures/examples'),
  join(repo, 'test/fixtures/summary'),
  join(repo, 'test/fixtures/holdout'),
  join(repo, 'test/fixtures/holdout-2'),
  join(repo, 'test/fixtures/holdout-3'),
  join(repo, 'test/fixtures/holdout-5'),
];

function markdown(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return (readdirSync(folder, { recursive: true }) as string[])
    .filter((f) => /\.(?:md|markdown)$/.test(f))
    .sort()
    .map((f) => join(folder, f));
}

/** Every span downsideIn could be handed: the entries of every section (as the rule's views read them) and of the whole document. */
function spansOf(text: string): { doc: ReturnType<typeof parse>; spans: Span[] } {
  const doc = parse(text);
  const kind = detectKind(doc, defaultModule).kind;
  if (kind) assignSections(doc, kind);
  const seen = new Map<string, Span>();
  const add = (s: Span) => seen.set(`${s.start}:${s.end}`, { start: s.start, end: s.end });
  for (const e of entriesOf(doc.plain, doc.blocks)) add(e);
  for (const b of doc.blocks) add(b);
  for (const section of doc.sections) {
    for (const e of new SectionView(doc, section, readSpans(doc, section)).entries()) add(e);
    for (const e of new SectionView(doc, section, [section.span]).entries()) add(e);
  }
  return { doc, spans: [...seen.values()] };
}

describe('adr/no-downside pre-filter', () => {
  it('rejects no entry of any corpus or study set on which the reading finds a downside', () => {
    const files = FOLDERS.flatMap(markdown);
    assert.ok(files.length > 100, `too few documents found (${files.length})`);
    const memo = createMemo();
    let rejected = 0;
    let total = 0;
    const unsound: string[] = [];
    for (const file of files) {
      const { doc, spans } = spansOf(readFileSync(file, 'utf8'));
      for (const span of spans) {
        total++;
        if (mayStateDownside(doc.text.slice(span.start, span.end), doc.plain.slice(span.start, span.end))) continue;
        rejected++;
        const cue = readDownside(doc, span, memo);
        if (cue) unsound.push(`${file}: ${JSON.stringify(cue.text)} in ${JSON.stringify(doc.text.slice(span.start, span.end))}`);
      }
    }
    assert.deepEqual(unsound, []);
    // The filter must also earn its keep: most entries of real documents state no downside.
    assert.ok(rejected > total / 4, `only ${rejected} of ${total} entries rejected`);
  });

  it('passes every inflection of every word it is built from, with the words its path needs', () => {
    const missed: string[] = [];
    for (const needs of SIGNATURES) {
      // A word of each group, so that only the group under test can fail the sentence.
      const partners = needs.map((g) => g.words[0] ?? g.lemmas[0]!);
      needs.forEach((g, k) => {
        const rest = partners.filter((_, j) => j !== k).join(' ');
        for (const w of g.words) if (!mayStateDownside(`${w} ${rest}`)) missed.push(w);
        for (const lemma of g.lemmas) {
          for (const form of inflections(lemma)) {
            // Only forms wink reads as the lemma; "costlier" is `costly`'s, "lost" is `lose`'s.
            const token = analyse(`we ${form} it`).sentences[0]?.tokens.find((t) => t.lower === form);
            if (!token || (token.lemma !== lemma && form !== lemma)) continue;
            if (!mayStateDownside(`${form} ${rest}`)) missed.push(`${form} (${lemma})`);
          }
        }
      });
    }
    assert.deepEqual(missed, []);
  });

  it('opens contractions as wink does', () => {
    for (const text of ["we can't roll back", 'we cant roll back', 'it cannot run', "it won't work", 'it wont work', "we haven't got to", "we've to migrate them", 'weve to wait', "this isn't ideal", 'it doesnt support Windows']) {
      assert.ok(mayStateDownside(text), text);
    }
    assert.equal(mayStateDownside('Faster lookups for every team.'), false);
  });

  it("opens every contraction of wink's model that carries a word it needs", () => {
    // wink's lexicon, read as wink reads it: a contraction looks up to its pieces (form, normal, lemma, pos).
    const model = require('wink-eng-lite-web-model');
    const core = model.core();
    const cache = require('wink-nlp/src/cache.js')(core, model.featureFn);
    const partner: Record<string, string> = { not: 'ideal', have: 'to', need: 'to', must: '' };
    const missed: string[] = [];
    let contractions = 0;
    for (let i = 0; i < cache.intrinsicSize(); i++) {
      const word: string = cache.value(i);
      const pieces: number[] | null = cache.lookup(word);
      if (!pieces || pieces.length < 8) continue;
      contractions++;
      for (let k = 0; k < pieces.length; k += 4) {
        const lemma: string = cache.value(pieces[k + 2]);
        const rest = partner[lemma];
        if (rest !== undefined && !mayStateDownside(`${word} ${rest}`)) missed.push(`${word} (${lemma})`);
      }
    }
    assert.ok(contractions > 500, `wink's contractions not found (${contractions})`);
    assert.deepEqual(missed, []);
  });

  it("passes every word of wink's lexicon whose lemma a path needs, as wink lemmatises it in a sentence", () => {
    // Inflections made from the lemmas miss what wink knows besides: "wrought" (work), "theyll" (they), "prblm" (problem).
    const model = require('wink-eng-lite-web-model');
    const cache = require('wink-nlp/src/cache.js')(model.core(), model.featureFn);
    const words: string[] = [];
    for (let i = 0; i < cache.intrinsicSize(); i++) {
      const w: string = cache.value(i);
      if (/^[a-z][a-z'-]*$/.test(w)) words.push(w);
    }
    assert.ok(words.length > 50_000, `wink's lexicon not found (${words.length})`);
    const needed = new Set(SIGNATURES.flatMap((needs) => needs.flatMap((g) => g.lemmas)));
    const lemmas = new Map<string, Set<string>>();
    // Each word alone and as a verb, noun and adjective would be used, for the lemmas wink gives it in each.
    for (const [before, after] of [
      ['', ''],
      ['we ', ' it'],
      ['the ', ' is here'],
      ['it is ', ''],
    ] as const) {
      for (let at = 0; at < words.length; at += 2000) {
        const chunk = words.slice(at, at + 2000);
        let text = '';
        const starts = new Map<number, string>();
        for (const w of chunk) {
          starts.set(text.length + before.length, w);
          text += `${before}${w}${after}.\n\n`;
        }
        for (const sentence of analyse(text).sentences)
          for (const t of sentence.tokens) {
            const w = starts.get(t.start);
            if (w && needed.has(t.lemma)) (lemmas.get(w) ?? lemmas.set(w, new Set()).get(w))?.add(t.lemma);
          }
      }
    }
    const missed: string[] = [];
    for (const needs of SIGNATURES) {
      const partners = needs.map((g) => g.words[0] ?? g.lemmas[0] ?? '');
      needs.forEach((g, k) => {
        const own = new Set(g.lemmas);
        const rest = partners.filter((_, j) => j !== k).join(' ');
        for (const [w, ls] of lemmas) for (const l of ls) if (own.has(l) && !mayStateDownside(`${w} ${rest}`)) missed.push(`${w} (${l})`);
      });
    }
    assert.ok(lemmas.size > 300, `too few words lemmatised to a needed lemma (${lemmas.size})`);
    assert.deepEqual([...new Set(missed)].sort(), []);
  });
});

/** Regular and irregular English inflections of a lemma (over-generating is harmless: wink decides). */
function inflections(lemma: string): string[] {
  const base = lemma.replace(/[ey]$/, '');
  const last = lemma.slice(-1);
  const out = [
    lemma,
    `${lemma}s`,
    `${lemma}es`,
    `${lemma}d`,
    `${lemma}ed`,
    `${lemma}ing`,
    `${lemma}er`,
    `${lemma}est`,
    `${lemma}ly`,
    `${base}ing`,
    `${base}ies`,
    `${base}ied`,
    `${base}ier`,
    `${base}iest`,
    `${base}ily`,
    `${lemma}${last}ed`,
    `${lemma}${last}ing`,
    `${lemma}${last}er`,
    `${lemma}${last}est`,
  ];
  const irregular: Record<string, string[]> = {
    bad: ['worse', 'worst'],
    good: ['better', 'best'],
    have: ['has', 'had', 'having'],
    take: ['took', 'taken'],
    spend: ['spent'],
    break: ['broke', 'broken'],
    bring: ['brought'],
    grow: ['grew', 'grown'],
    forgo: ['forwent', 'forgone'],
    forego: ['forewent', 'foregone'],
    pay: ['paid'],
    run: ['ran'],
    say: ['said'],
    lose: ['lost'],
    learn: ['learnt'],
    hurt: ['hurt'],
    cost: ['cost'],
    lead: ['led'],
  };
  return [...new Set([...out, ...(irregular[lemma] ?? [])])];
}
