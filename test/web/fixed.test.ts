// The "Fixed" note's judgement, on its own: a finding is fixed when the text that fired changed,
// not when it was deleted, and findings are matched by identity, not message text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/core/index.ts';
import { fixedFindings, type Deleted } from '../../src/web/fixed.ts';

function finding(ruleId: string, messageId: string, range: [number, number], message = 'A message.'): Diagnostic {
  return { ruleId, messageId, message, severity: 'error', range, loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, id: '' };
}

/** A single replacement of [from, to) by `insert`, judged as the editor judges its changes. */
function edit(from: number, to: number, insert: string): Deleted {
  return (a, b) => b > a && from <= a && to >= b && insert.trim() === '';
}

describe('fixed findings', () => {
  const before = '## Diagnosis\n\n## Policy\n\nWe will improve things.\n';

  it('filling an empty section fixes its finding', () => {
    const empty = finding('structure/empty-section', 'empty', [3, 12]);
    const after = before.replace('## Diagnosis\n\n', '## Diagnosis\n\nCI is slow.\n\n');
    const map = edit(14, 14, 'CI is slow.\n\n');
    assert.deepEqual(fixedFindings([empty], before, [], after, map), [empty]);
  });

  it('deleting the section is not fixing it', () => {
    const empty = finding('structure/empty-section', 'empty', [3, 12]);
    const after = before.slice('## Diagnosis\n\n'.length);
    assert.deepEqual(fixedFindings([empty], before, [], after, edit(0, 14, '')), []);
  });

  it('a reworded message with the same identity is not a fix, and a finding that only moved is not either', () => {
    const at = before.indexOf('improve');
    const vague = finding('strategy/vague', 'vague', [at, at + 7], 'Old wording.');
    const after = `Intro.\n${before}`;
    const moved = finding('strategy/vague', 'vague', [at + 7, at + 14], 'New wording.');
    assert.deepEqual(fixedFindings([vague], before, [moved], after, edit(0, 0, 'Intro.\n')), []);
  });

  it('changing the words that fired fixes it; the same rule firing as often on new words does not', () => {
    const at = before.indexOf('improve');
    const vague = finding('strategy/vague', 'vague', [at, at + 7]);
    const fixedText = before.replace('improve things', 'cut build time to 10 minutes');
    const map = edit(at, at + 'improve things'.length, 'cut build time to 10 minutes');
    assert.equal(fixedFindings([vague], before, [], fixedText, map).length, 1);
    const other = before.replace('improve', 'enhance');
    const still = finding('strategy/vague', 'vague', [at, at + 7]);
    assert.deepEqual(fixedFindings([vague], before, [still], other, edit(at, at + 7, 'enhance')), []);
  });
});
