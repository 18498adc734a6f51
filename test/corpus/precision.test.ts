// Precision on real documents (issue 8, item 6): the hand judgements of test/corpus/precision.json
// against what the rules say on ../shared/corpus today. An error-level rule must stay at 90% or
// more over the judged findings it still produces, and every error-level rule that fires there
// must have its sampled findings judged (at least 5, or all of them if it fires fewer times), so
// a new false-positive pattern or a new error-level rule shows up here until someone judges it:
// `node --import tsx tools/precision.ts --todo`. Judgements of findings a fix removed stay in the
// file marked `"stale": true`; one whose finding comes back must lose the mark, so it counts again.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CORPUS, checkCorpus, type Finding, findingsOf, type Judgement, keyOf, loadJudgements, removedTable, SAMPLE_SIZE, sampleOf, staleOf, statsOf } from '../../tools/precision.ts';

const finding = (file: string, n: number): Finding => {
  const f = {
    file,
    collection: file.split('/')[0] ?? '',
    rule: 'x/y',
    severity: 'error' as const,
    messageId: 'm',
    message: '',
    line: n,
    words: `w${n}`,
    text: `line ${n}`,
    context: '',
  };
  return { ...f, key: keyOf(f) };
};

describe('precision sampling', () => {
  it('takes every finding of a rule that fires at most SAMPLE_SIZE times', () => {
    const fs = Array.from({ length: SAMPLE_SIZE }, (_, i) => finding('a/x.md', i));
    assert.equal(sampleOf(fs).length, SAMPLE_SIZE);
  });

  it('spreads a larger sample over the collections, the same way every time', () => {
    const fs = [...Array.from({ length: 100 }, (_, i) => finding('big/x.md', i)), ...Array.from({ length: 3 }, (_, i) => finding('small/y.md', i))];
    const sample = sampleOf(fs);
    assert.equal(sample.length, SAMPLE_SIZE);
    assert.equal(sample.filter((f) => f.collection === 'small').length, 3);
    assert.deepEqual(
      sampleOf([...fs].reverse())
        .map((f) => f.key)
        .sort(),
      sample.map((f) => f.key).sort(),
    );
  });

  it('keys a judgement by the text, not the line number', () => {
    assert.equal(keyOf({ ...finding('a/x.md', 1), line: 40 } as Finding), finding('a/x.md', 1).key);
  });
});

describe('stale judgements', () => {
  const judge = (f: Finding, verdict: Judgement['verdict'], stale?: true): Judgement => ({ file: f.file, rule: f.rule, words: f.words, text: f.text, line: f.line, verdict, reason: 'r', ...(stale ? { stale } : {}) });
  const [a, b, c, d] = [1, 2, 3, 4].map((n) => finding('a/x.md', n)) as [Finding, Finding, Finding, Finding];

  it('tells removed findings from unmarked and returned ones', () => {
    const s = staleOf([a, c], [judge(a, 'true'), judge(b, 'false', true), judge(c, 'false', true), judge(d, 'true')]);
    assert.deepEqual(
      [s.removed, s.unmarked, s.returned].map((js) => js.map((j) => j.line)),
      [[2], [4], [3]],
    );
  });

  it('counts what the fixes removed per rule and verdict', () => {
    const table = removedTable([judge(a, 'false', true), judge(b, 'false', true), judge(c, 'true', true)]);
    assert.match(table, /\| `x\/y` \| 3 \| 2 \| 1 \|/);
  });
});

describe('precision on ../shared/corpus', {
  skip: existsSync(CORPUS) ? false : `no corpus at ${CORPUS}`,
}, () => {
  const { judgements } = loadJudgements();
  const results = checkCorpus();
  const stats = statsOf(findingsOf(results), judgements);
  const errorRules = stats.filter((s) => s.severity === 'error');

  it('every error-level rule that fires on the corpus has its sample judged', () => {
    const unjudged = errorRules.flatMap((s) => s.todo.map((f) => `${f.rule} ${f.file}:${f.line} ${f.words}`));
    assert.deepEqual(unjudged, [], 'judge them: node --import tsx tools/precision.ts --todo');
    for (const s of errorRules) assert.ok(s.judged >= Math.min(5, s.findings), `${s.rule}: ${s.judged} of ${s.findings} findings judged`);
  });

  it('no finding the fixes removed has come back while still marked stale', () => {
    const back = staleOf(findingsOf(results), judgements).returned.map((j) => `${j.rule} ${j.file}:${j.line} (judged ${j.verdict})`);
    assert.deepEqual(back, [], 'the finding is produced again: drop "stale" from its judgement in test/corpus/precision.json');
  });

  it('every error-level rule is right at least 90% of the time', () => {
    const low = errorRules.filter((s) => (s.precision ?? 1) < 0.9).map((s) => `${s.rule}: ${s.truePositives}/${s.judged} = ${Math.round((s.precision ?? 0) * 100)}%`);
    assert.deepEqual(low, [], 'fix the false-positive pattern or make the rule a warning (see docs/precision.md)');
  });
});
