import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rule from '../../../src/core/rules/summary/variants-disagree.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

// A realistic set: one launch-delay summary written for an executive, a peer engineer and a
// junior engineer (the module's required artifact for case study 5).
const dir = join(import.meta.dirname, '../../fixtures/summary/launch-delay');
const executive = readFileSync(join(dir, 'executive.md'), 'utf8');
const peer = readFileSync(join(dir, 'peer.md'), 'utf8');
const junior = readFileSync(join(dir, 'junior.md'), 'utf8');
const set = (...files: [string, string][]) => files.map(([path, code]) => ({ path, code }));
const edit = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`fixture has no "${from}"`);
  return text.replace(from, to);
};
const fm = (audience: string, name = 'launch') => `---\nkind: exec-summary\naudience: ${audience}\nset: ${name}\n---\n\n`;

ruleTester(rule, {
  valid: [
    { name: 'executive, peer and junior variants that agree', files: set(['executive.md', executive], ['peer.md', peer], ['junior.md', junior]) },
    {
      name: 'same facts in other words: 2-week = two weeks = 14 days, May 14th = 14 May = 2026-05-14',
      files: set(
        ['a.md', `${fm('executive')}Decision:\nDelay the launch two weeks, to 14 May.\n`],
        ['b.md', `${fm('peer')}## Decision\n\nWe take a 2-week delay; launch is now May 14th.\n`],
        ['c.md', `${fm('junior')}**Decision:** We are pushing the launch back 14 days, to 2026-05-14.\n`],
      ),
    },
    {
      name: 'different asks for different readers are not compared',
      files: set(
        ['exec.md', `${fm('executive')}Decision:\nDelay the launch two weeks.\n\nAsk:\nApprove the revised date by Friday.\n`],
        ['peer.md', `${fm('peer')}Decision:\nDelay the launch two weeks.\n\nAsk:\nReview the idempotency pull request by Wednesday.\n`],
      ),
    },
    {
      name: 'different sets are different summaries',
      files: set(['a.md', `${fm('executive', 'a')}Decision:\nDelay the launch to 14 May.\n`], ['b.md', `${fm('executive', 'b')}Decision:\nDelay the launch to 21 May.\n`]),
    },
    {
      name: 'a variant that states no date is not in conflict',
      files: set(['a.md', `${fm('executive')}Decision:\nDelay the launch two weeks, to 14 May.\n`], ['b.md', `${fm('junior')}Decision:\nWe are delaying the launch a little.\n`]),
    },
  ],
  invalid: [
    {
      name: 'the junior variant says three weeks, to 21 May',
      files: set(['executive.md', executive], ['peer.md', peer], ['junior.md', edit(junior, 'by two weeks, to 14 May', 'by three weeks, to 21 May')]),
      errors: [
        { file: 'junior.md', messageId: 'fact', line: 8, column: 54, endLine: 8, endColumn: 65, words: ['three weeks'], data: { mine: '`three weeks`', other: '`two weeks`', file: '`executive.md`' } },
        { file: 'junior.md', messageId: 'fact', line: 8, column: 70, endLine: 8, endColumn: 76, words: ['21 May'], data: { other: '`14 May`' } },
      ],
    },
    {
      name: 'the peer variant asks for approval by Thursday, the others by Friday',
      files: set(['executive.md', executive], ['peer.md', edit(peer, 'by Friday;', 'by Thursday;')], ['junior.md', junior]),
      errors: [{ file: 'peer.md', messageId: 'fact', line: 31, column: 46, endLine: 31, endColumn: 54, data: { role: 'ask', mine: '`Thursday`', other: '`Friday`' } }],
    },
    {
      name: 'the junior variant launches as planned while the others delay',
      files: set(['executive.md', executive], ['peer.md', peer], ['junior.md', edit(junior, 'We are delaying the payments launch by two weeks, to 14 May.', 'We will launch payments on 14 May as planned.')]),
      errors: [{ file: 'junior.md', messageId: 'verdict', line: 8, column: 18, endLine: 8, endColumn: 29, words: ['will launch'], data: { other: '`Delay`' } }],
    },
    {
      name: 'two variants that disagree: the executive one is the reference',
      files: set(
        ['peer.md', `${fm('peer')}## Decision\n\nWe are delaying the launch three weeks.\n`],
        ['exec.md', `${fm('executive')}Decision:\nDelay the launch two weeks.\n`],
      ),
      errors: [{ file: 'peer.md', messageId: 'fact', line: 9, column: 28, endLine: 9, endColumn: 39, data: { mine: '`three weeks`', other: '`two weeks`', theirs: 'executive' } }],
    },
    {
      name: 'prose variant without sections: the decision sentence is compared',
      files: set(
        ['exec.md', `${fm('executive')}Decision:\nDelay the launch to 14 May.\n\nAsk:\nApprove the new date by Friday.\n`],
        ['junior.md', `${fm('junior')}The retry path can charge a customer twice. So we will delay the launch to 21 May. Please approve the new date by Friday.\n`],
      ),
      errors: [{ file: 'junior.md', messageId: 'fact', line: 7, column: 76, endLine: 7, endColumn: 82, words: ['21 May'] }],
    },
  ],
});
