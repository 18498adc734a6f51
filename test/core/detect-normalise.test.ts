import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultModule } from '../../src/core/builtin.ts';
import { americanise, cleanTitle, titleKey, titleTokens } from '../../src/core/kinds/normalise.ts';

describe('cleanTitle', () => {
  const cases: [string, string][] = [
    ['🩺 Diagnosis', 'diagnosis'],
    ['🛠️ Coherent actions', 'coherent actions'],
    ['2. Guiding policy', 'guiding policy'],
    ['2) Guiding policy', 'guiding policy'],
    ['1.3 Scope', 'scope'],
    ['II. Options', 'options'],
    ['A. Context', 'context'],
    ['Step 3: Coherent actions', 'coherent actions'],
    ['🧭 2. Policy', 'policy'],
    ['Non-scope:', 'non-scope'],
    ['Weekly allocation (5 days)', 'weekly allocation (5 days)'],
    ['Negative Consequences <!-- optional -->', 'negative consequences'],
    ['Decision {#decision}', 'decision'],
    ['**Decision:**', 'decision'],
    ['`Status`', 'status'],
    ['Non\\_goals', 'non_goals'],
    ['[Options](#options)', 'options'],
    ['Why now?', 'why now'],
    ['2025 roadmap', '2025 roadmap'],
    ['What we won’t do', "what we won't do"],
  ];
  for (const [input, want] of cases) it(JSON.stringify(input), () => assert.equal(cleanTitle(input), want));
});

describe('titleKey: spellings of one name give one key', () => {
  const same: [string, string][] = [
    ['Guiding policies', 'guiding policy'],
    ['Our guiding policy (draft)', 'Guiding Policy'],
    ['Weekly allocation (40 hours)', 'weekly allocation'],
    ['Options (3)', 'options'],
    ['The stretch assignment', 'stretch assignment'],
    ['How we’ll know', 'how we will know'],
    ["What we won't do", 'what we will not do'],
    ["What we've decided", 'what we decided'],
    ['TL;DR', 'tl dr'],
    ['Behaviour changes', 'behavior change'],
    ['Prioritisation', 'prioritization'],
    ['Organisational context', 'organizational context'],
    ['Modelling the centre', 'modeling the center'],
    ['Non-goals', 'non goals'],
    ['Tradeoffs', 'tradeoff'],
    ['How will we know?', 'How we will know'],
    ['What do we need from you?', 'What we need from you'],
    ["What won't we do?", 'what we will not do'],
    ["What's mine?", 'What is mine'],
    ['What am I not doing?', "What I'm not doing"],
    ['What else did we consider?', 'what else we consider'],
  ];
  for (const [a, b] of same) it(`${a} = ${b}`, () => assert.equal(titleKey(a), titleKey(b)));

  const different: [string, string][] = [
    ['What we will do', 'What we will not do'],
    ['Decision', 'Decision drivers'],
    ['Options', 'Optional extras'],
    ["What's mine?", "What isn't mine?"],
    ['Who does the review?', 'Who the review'],
  ];
  for (const [a, b] of different) it(`${a} != ${b}`, () => assert.notEqual(titleKey(a), titleKey(b)));
});

describe('americanise', () => {
  const cases: [string, string][] = [
    ['prioritise', 'prioritize'],
    ['organisation', 'organization'],
    ['analyse', 'analyze'],
    ['behaviour', 'behavior'],
    ['centre', 'center'],
    ['labelled', 'labeled'],
    ['programme', 'program'],
    ['promise', 'promise'],
    ['exercise', 'exercise'],
    ['hour', 'hour'],
    ['constructor', 'constructor'],
  ];
  for (const [input, want] of cases) it(input, () => assert.equal(americanise(input), want));
});

describe('module synonyms', () => {
  // A synonym whose words reduce to a numbering word names every "Part 3" or "Step 2" heading:
  // "my part" (key "part") once made each numbered part of a document a growth plan's support.
  const NUMBERING_WORDS = new Set(['part', 'step', 'section', 'phase', 'stage', 'slide', 'item', 'point', 'page']);
  it('each names something beyond a numbering word', () => {
    const bad: string[] = [];
    for (const kind of defaultModule.kinds)
      for (const section of kind.sections)
        for (const synonym of [...section.synonyms, ...(section.fallbackSynonyms ?? [])]) {
          const tokens = titleTokens(synonym);
          if (tokens.every((t) => NUMBERING_WORDS.has(t))) bad.push(`${kind.id}/${section.id}: "${synonym}"`);
        }
    assert.deepEqual(bad, []);
  });
});
