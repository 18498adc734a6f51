// Precision on real documents (issue 8, item 6): the hand judgements of test/corpus/precision.json
// against what the rules say on ../shared/corpus today. An error-level rule must stay at 90% or
// more over the judged findings it still produces, and every error-level rule that fires there
// must have its sampled findings judged (at least 5, or all of them if it fires fewer times), so
// a new false-positive pattern or a new error-level rule shows up here until someone judges it:
// `node --import tsx tools/precision.ts --todo`.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CORPUS, checkCorpus, type Finding, findingsOf, keyOf, loadJudgements, SAMPLE_SIZE, sampleOf, statsOf } from '../../tools/precision.ts';

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

describe('precision on ../shared/corpus', {
  skip: existsSync(CORPUS) ? false : `no corpus at ${CORPUS}`,
}, () => {
  const { judgements } = loadJudgements();
  const stats = statsOf(findingsOf(checkCorpus()), judgements);
  const errorRules = stats.filter((s) => s.severity === 'error');

  it('every error-level rule that fires on the corpus has its sample judged', () => {
    const unjudged = errorRules.flatMap((s) => s.todo.map((f) => `${f.rule} ${f.file}:${f.line} ${f.words}`));
    assert.deepEqual(unjudged, [], 'judge them: node --import tsx tools/precision.ts --todo');
    for (const s of errorRules) assert.ok(s.judged >= Math.min(5, s.findings), `${s.rule}: ${s.judged} of ${s.findings} findings judged`);
  });

  it('every error-level rule is right at least 90% of the time', () => {
    const low = errorRules.filter((s) => (s.precision ?? 1) < 0.9).map((s) => `${s.rule}: ${s.truePositives}/${s.judged} = ${Math.round((s.precision ?? 0) * 100)}%`);
    assert.deepEqual(low, [], 'fix the false-positive pattern or make the rule a warning (see docs/precision.md)');
  });
});
