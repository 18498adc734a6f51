// The language layer (src/core/nlp): sentences, offsets, negation scope, POS, lemmas and asks,
// on sentences written for this test.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { build } from 'esbuild';
import { analyse, createMemo, hasVerb, isImperativeOrRequest, lemmaSet, negatedAt, nounOrVerb, sentenceAt, tokenAt, type Sentence } from '../../src/core/nlp/index.ts';

const only = (text: string): Sentence => {
  const { sentences } = analyse(text);
  assert.equal(sentences.length, 1, `one sentence in ${JSON.stringify(text)}: ${JSON.stringify(sentences.map((s) => s.text))}`);
  return sentences[0]!;
};

describe('sentences', () => {
  const cases: [string, string[]][] = [
    ['We shipped v2.1 last week. It broke.', ['We shipped v2.1 last week.', 'It broke.']],
    ['Dr. Lee approved it. We start Monday.', ['Dr. Lee approved it.', 'We start Monday.']],
    ['Use a queue, e.g. SQS, for retries. Then alert.', ['Use a queue, e.g. SQS, for retries.', 'Then alert.']],
    ['Pick one, i.e. Kafka or SQS. Then decide.', ['Pick one, i.e. Kafka or SQS.', 'Then decide.']],
    ['The cost is $3.5M per year. That is too much.', ['The cost is $3.5M per year.', 'That is too much.']],
    ['Read docs/adr/0003.md first. Then vote.', ['Read docs/adr/0003.md first.', 'Then vote.']],
    ['We decided\nto migrate the ledger.', ['We decided\nto migrate the ledger.']],
    ['First paragraph without a stop\n\nSecond one', ['First paragraph without a stop', 'Second one']],
    ['- approve the budget\n- name an owner', ['approve the budget', 'name an owner']],
    ['## Decision\nWe keep Postgres.', ['Decision', 'We keep Postgres.']],
    ['**Decision:** We keep Postgres.', ['Decision:', 'We keep Postgres.']],
    ['Before.\n\n```\ncode. More code.\n```\n\nAfter.', ['Before.', 'After.']],
    ['| Owner | Date |\n|---|---|\n| Ana | by Friday |', ['Owner', 'Date', 'Ana', 'by Friday']],
  ];
  for (const [text, want] of cases) {
    test(JSON.stringify(text), () => {
      assert.deepEqual(
        analyse(text).sentences.map((s) => s.text),
        want,
      );
    });
  }

  test('every token and sentence span is the source text, with a span inside a larger text', () => {
    const text = "# Plan\n\nIntro we skip.\n\n## Ask\n\n- Please **approve** the [new date](https://x.test/a) by Friday.\n- We can't, won't — and shouldn't — wait; café “quotes” 🚀 ok.\n";
    const from = text.indexOf('## Ask');
    const a = analyse(text, { start: from, end: text.length });
    assert.ok(a.sentences.length >= 2);
    for (const s of a.sentences) {
      assert.ok(s.start >= from && s.end <= text.length);
      assert.equal(s.text, text.slice(s.start, s.end));
      for (const t of s.tokens) {
        assert.equal(t.text, text.slice(t.start, t.end));
        assert.ok(t.end > t.start, `empty token in ${JSON.stringify(s.text)}`);
      }
    }
    assert.equal(
      a.sentences.some((s) => s.text.includes('Intro')),
      false,
    );
    const approve = text.indexOf('approve');
    assert.equal(tokenAt(a, approve)?.text, 'approve');
    assert.equal(sentenceAt(a, approve)?.tokens[0]?.text, 'Please');
  });

  test('a memo returns the same analysis for the same text and span, and a new one for a changed text', () => {
    const memo = createMemo();
    const a = analyse('We will not migrate.', undefined, memo);
    assert.equal(analyse('We will not migrate.', undefined, memo), a);
    assert.notEqual(analyse('We will now migrate.', { start: 0, end: 20 }, memo), a);
  });

  test('an HTML comment (a skeleton hint) is not words', () => {
    const words = analyse('Text <!-- a hint: approve it --> more text.').sentences.flatMap((s) => s.tokens.map((t) => t.text));
    assert.deepEqual(words, ['Text', 'more', 'text', '.']);
  });

  test('empty and markup-only text has no sentences', () => {
    for (const text of ['', '   \n\n', '---', '<!-- only a hint -->', '```\ncode.\n```']) assert.deepEqual(analyse(text).sentences, [], JSON.stringify(text));
  });
});

describe('negation scope', () => {
  const cases: [string, string, boolean][] = [
    ['We will not migrate the billing service.', 'migrate', true],
    ['We will not migrate the billing service.', 'billing', true],
    ['We no longer support Windows.', 'support', true],
    ['We never deploy on Fridays.', 'deploy', true],
    ["We don't need a second region.", 'need', true],
    ['We ship without a manual review.', 'review', true],
    ['We ship without a manual review.', 'ship', false],
    ['It is not cheap, but we will migrate.', 'migrate', false],
    ['We will migrate the ledger and keep the old API.', 'migrate', false],
    ['Nobody owns the pager rotation.', 'owns', true],
    ['The team cannot hire before June.', 'hire', true],
    ['We will not migrate v2.1 or the ledger.', 'ledger', true],
  ];
  for (const [text, word, want] of cases) {
    test(`${text} [${word}] -> ${want}`, () => {
      const a = analyse(text);
      assert.equal(negatedAt(a, text.indexOf(word)), want);
    });
  }
  test('an offset between words is not negated', () => {
    const text = 'We will not migrate.';
    assert.equal(negatedAt(analyse(text), text.indexOf(' migrate')), false);
  });
});

describe('noun or verb', () => {
  const cases: [string, string, 'noun' | 'verb'][] = [
    ['We fund two teams.', 'fund', 'verb'],
    ['The fund is empty.', 'fund', 'noun'],
    ['Please fund the migration.', 'fund', 'verb'],
    ['Our fund covers the tooling.', 'fund', 'noun'],
    ['Leadership should fund the platform team.', 'fund', 'verb'],
    ['A training fund exists for this.', 'fund', 'noun'],
    ['We plan to migrate in May.', 'plan', 'verb'],
    ['The plan is ready.', 'plan', 'noun'],
    ['Ship dates slipped twice.', 'ship', 'noun'],
    ['Budgets were cut.', 'budget', 'noun'],
  ];
  for (const [text, word, want] of cases) test(`${text} [${word}] -> ${want}`, () => assert.equal(nounOrVerb(only(text), word), want));
  test('a word the sentence does not have', () => assert.equal(nounOrVerb(only('The plan is ready.'), 'fund'), undefined));
});

describe('lemmas', () => {
  const cases: [string, string, string][] = [
    ['Several reminders went unanswered.', 'reminders', 'reminder'],
    ['The work was blocked for weeks.', 'blocked', 'block'],
    ['The work was blocked for weeks.', 'was', 'be'],
    ['Owners were named.', 'Owners', 'owner'],
    ['Two dependencies are late.', 'dependencies', 'dependency'],
    ['We chose the second option.', 'chose', 'choose'],
    ['We went with Postgres.', 'went', 'go'],
    // wink spells lemmas the American way, so both spellings meet.
    ['We prioritised the escalations.', 'prioritised', 'prioritize'],
    ['We prioritized the escalations.', 'prioritized', 'prioritize'],
  ];
  for (const [text, word, want] of cases) {
    test(`${word} -> ${want}`, () => {
      const a = analyse(text);
      assert.equal(tokenAt(a, text.indexOf(word))?.lemma, want);
      assert.ok(lemmaSet(a).has(want));
    });
  }
  test('lemmaSet leaves punctuation out', () => assert.deepEqual([...lemmaSet(analyse('Reminders, again!'))].sort(), ['again', 'reminder']));
  test('hasVerb finds a verb by lemma, not the noun', () => {
    assert.equal(hasVerb(only('We funded two teams.'), 'fund')?.text, 'funded');
    assert.equal(hasVerb(only('The fund is empty.'), 'fund'), undefined);
    assert.equal(hasVerb(analyse('Ana decided. We blocked it.'), new Set(['block', 'stall']))?.text, 'blocked');
  });
});

describe('asks: an imperative or a request to the reader', () => {
  const asks = [
    'Please approve the revised date by Friday.',
    'We need you to choose an owner.',
    'Can you confirm the budget by 3 March?',
    'Could you sign off on the headcount?',
    'Approve the plan.',
    'Decide between option A and option B by Tuesday.',
    'We ask that you fund one more engineer.',
    'We ask leadership to fund one more engineer.',
    'Choose one of the two vendors.',
    'Move the launch to June.',
    'Fund the platform team for two quarters.',
    "Don't ship on Fridays.",
    "Let's move the date.",
    'Ask: approve the second region.',
    'Your approval is needed by Friday.',
    '- pick an owner for the pager',
    'Sign off on the vendor contract by Thursday.',
    'Check the capacity sheet before the review.',
    'Budget accordingly.',
    'email me with objections',
    'Platform teams: nominate one reviewer each.',
    'If you run a batch job, add a retry.',
    'When the freeze lifts, merge the branch.',
    'Be on the call at noon.',
    'We want your sign-off on the scope.',
    "I'd like you to review the rollout plan.",
  ];
  const notAsks = [
    'We evaluated reliability.',
    'The team approved the plan.',
    'We chose an owner last week.',
    'Reliability improved after the migration.',
    'Ship dates slipped twice.',
    'Review meetings happen weekly.',
    'Can we ship faster without more people?',
    'Plans changed in March.',
    'Budget approval came late.',
    'We asked for more time.',
    'Funding ran out in May.',
    'Last quarter the team grew.',
    'Do we need a second region?',
    'If the vendor slips, we lose a quarter.',
    'Security matters most.',
    'Owner: the platform team.',
    'We like your idea of a second region.',
  ];
  for (const text of asks) test(`ask: ${text}`, () => assert.equal(isImperativeOrRequest(only(text)), true));
  for (const text of notAsks) test(`not an ask: ${text}`, () => assert.equal(isImperativeOrRequest(only(text)), false));
});

test('the layer bundles for the browser with no Node built-ins and no dynamic require', async () => {
  const out = await build({ entryPoints: ['src/core/nlp/index.ts'], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
  const code = out.outputFiles[0]!.text;
  // esbuild leaves `__require("x")` for a require it could not bundle; node: imports would fail the browser build.
  assert.doesNotMatch(code, /__require\(["']|from ["']node:/);
});

test('any text: no throw, spans inside the span, token text is the source', async () => {
  const fc = (await import('fast-check')).default;
  const piece = fc.constantFrom(
    'We will not ship. ',
    'v2.1',
    'e.g. ',
    '**Decision:** ',
    '- item\n',
    '# H\n',
    '| a | b |\n',
    '```\nx.\n',
    '<!-- c ',
    '-->',
    "can't ",
    '\r\n',
    '\n\n',
    '  ',
    'é',
    '🚀',
    '“q”',
    '[l](u)',
    '_x_',
    'Fund the team',
    '.',
    ',',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), fc.nat(), (parts, a, b) => {
      const text = parts.join('');
      const start = text.length ? a % text.length : 0;
      const end = start + (text.length ? b % (text.length - start + 1) : 0);
      const result = analyse(text, { start, end });
      for (const s of result.sentences) {
        assert.ok(s.start >= start && s.end <= end && s.start < s.end);
        isImperativeOrRequest(s);
        for (const t of s.tokens) assert.equal(t.text, text.slice(t.start, t.end));
      }
    }),
    { numRuns: 300, seed: 8 },
  );
});
