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
      name: 'one window in three formats and time zones: ISO with Z, "Sunday 9 March, 2am", and the New York evening before',
      files: set(
        ['exec.md', `${fm('executive', 'ledger')}**Decision:** We move the payouts ledger to PostgreSQL on Sunday 9 March, pausing payouts from 02:00 to 05:00 UTC.\n\n**Ask:** Approve the 9 March window by Friday 21 February.\n`],
        ['peer.md', `${fm('peer', 'ledger')}## Decision\n\nOne-shot cutover on 2025-03-09 02:00Z to 05:00Z, payouts paused, $410,000 a year of Oracle licence saved.\n\n## Ask of you\n\n- Review the runbook PR by 2025-02-19.\n`],
        [
          'junior.md',
          `${fm('junior', 'ledger')}## What we decided\n\nOn Sunday 9 March, 2am to 5am UTC, we move the ledger in one go. (In New York that is Saturday 8 March, 9pm to midnight.) It saves $410k a year.\n\n## What we need from you\n\nSign up for a rehearsal shift by Friday 14 February.\n`,
        ],
      ),
    },
    {
      name: 'a variant that adds details the others lack (a warning date, a pool size) and a year the others leave out',
      files: set(
        ['exec.md', `${fm('executive', 'gpu')}Decision:\nFrom 1 July the GPU pool moves to team quotas, with 25% kept as a shared pool.\n\nAsk:\nApprove the quota policy by 13 June.\n`],
        ['peer.md', `${fm('peer', 'gpu')}Decision:\nOn 1 July 2025 we switch to per-team quotas; 25% of the pool (64 GPUs) stays shared, and the webhook warns from 16 June.\n\nAsk:\nReview the quota table by 6 June.\n`],
        ['junior.md', `${fm('junior', 'gpu')}## What we decided\n\nFrom July 1st every team gets a quota. A quarter of the cluster stays shared.\n\n## What you need to do\n\nAdd the queue label to your jobs by 27 June.\n`],
      ),
    },
    {
      name: 'the workbench flow: every variant keeps the skeleton hint (with its 14 May), the writers agree on 21 May',
      files: set(
        ['exec.md', `${fm('executive')}## Decision\n\n<!-- The decision, first, in one sentence: "Delay the launch two weeks, to 14 May." -->\nDelay the launch three weeks, to 21 May.\n`],
        ['junior.md', `${fm('junior')}## Decision\n\n<!-- The decision, first, in one sentence: "Delay the launch two weeks, to 14 May." -->\nWe are delaying the launch by 21 days, to May 21st.\n`],
      ),
    },
    {
      name: 'a variant that states no date is not in conflict',
      files: set(['a.md', `${fm('executive')}Decision:\nDelay the launch two weeks, to 14 May.\n`], ['b.md', `${fm('junior')}Decision:\nWe are delaying the launch a little.\n`]),
    },
  ],
  invalid: [
    {
      name: 'the workbench flow: the hint keeps 14 May in every variant; the peer writer moved the date to 28 May',
      files: set(
        ['exec.md', `${fm('executive')}## Decision\n\n<!-- The decision, first, in one sentence: "Delay the launch two weeks, to 14 May." -->\nDelay the launch to 21 May.\n`],
        ['peer.md', `${fm('peer')}## Decision\n\n<!-- The decision, first, in one sentence: "Delay the launch two weeks, to 14 May." -->\nWe are delaying the launch to 28 May.\n`],
        ['junior.md', `${fm('junior')}## Decision\n\n<!-- The decision, first, in one sentence: "Delay the launch two weeks, to 14 May." -->\nThe launch moves to 21 May.\n`],
      ),
      errors: [
        { file: 'peer.md', messageId: 'fact', line: 10, column: 31, endLine: 10, endColumn: 37, words: ['28 May'], data: { audience: 'peer', role: 'decision', mine: '28 May', file: 'exec.md', theirs: 'executive', other: '21 May' } },
      ],
    },
    {
      name: 'a range whose end moved while its start and the other facts agree (British, weekday names, years)',
      files: set(
        ['exec.md', `${fm('executive', 'freeze')}Decision:\nWe will freeze changes from Monday 2 December 2024 to Monday 6 January 2025.\n\nAsk:\nApprove the freeze and £64,000 of support cover by Friday 22 November.\n`],
        [
          'peer.md',
          `${fm('peer', 'freeze')}## 1. Decision\n\nChange freeze from Monday 2 December 2024 to Monday\n13 January 2025, security fixes only.\n\n## 2. Ask\n\n- Service teams: agree your last release with your delivery manager by 22 November.\n`,
        ],
        ['junior.md', `${fm('junior', 'freeze')}## What we've decided\n\nFrom 2 December to 6 January we won't deploy changes.\n\n## What we need from you\n\n- Get your work merged by Wednesday 27 November.\n`],
      ),
      errors: [
        {
          file: 'peer.md',
          messageId: 'fact',
          line: 9,
          column: 46,
          endLine: 10,
          endColumn: 16,
          data: { audience: 'peer', role: 'decision', mine: 'Monday 13 January 2025', file: 'exec.md', theirs: 'executive', other: 'Monday 6 January 2025' },
        },
      ],
    },
    {
      name: 'an amount that changed: $410k against $450,000',
      files: set(['exec.md', `${fm('executive', 'ledger')}Decision:\nMove the ledger on 9 March to save $410k a year.\n`], ['peer.md', `${fm('peer', 'ledger')}Decision:\nOne-shot cutover on 9 March, saving $450,000 a year in licences.\n`]),
      errors: [{ file: 'peer.md', messageId: 'fact', line: 8, column: 37, endLine: 8, endColumn: 46, data: { audience: 'peer', role: 'decision', mine: '$450,000', file: 'exec.md', theirs: 'executive', other: '$410k' } }],
    },
    {
      name: 'the junior variant says three weeks, to 21 May',
      files: set(['executive.md', executive], ['peer.md', peer], ['junior.md', edit(junior, 'by two weeks, to 14 May', 'by three weeks, to 21 May')]),
      errors: [
        {
          file: 'junior.md',
          messageId: 'fact',
          line: 8,
          column: 54,
          endLine: 8,
          endColumn: 65,
          words: ['three weeks'],
          data: { audience: 'junior', role: 'decision', mine: 'three weeks', file: 'executive.md', theirs: 'executive', other: 'two weeks' },
        },
        { file: 'junior.md', messageId: 'fact', line: 8, column: 70, endLine: 8, endColumn: 76, words: ['21 May'], data: { audience: 'junior', role: 'decision', mine: '21 May', file: 'executive.md', theirs: 'executive', other: '14 May' } },
      ],
    },
    {
      name: 'the peer variant asks for approval by Thursday, the others by Friday',
      files: set(['executive.md', executive], ['peer.md', edit(peer, 'by Friday;', 'by Thursday;')], ['junior.md', junior]),
      errors: [{ file: 'peer.md', messageId: 'fact', line: 31, column: 46, endLine: 31, endColumn: 54, data: { audience: 'peer', role: 'ask', mine: 'Thursday', file: 'executive.md', theirs: 'executive', other: 'Friday' } }],
    },
    {
      name: 'the junior variant launches as planned while the others delay',
      files: set(['executive.md', executive], ['peer.md', peer], ['junior.md', edit(junior, 'We are delaying the payments launch by two weeks, to 14 May.', 'We will launch payments on 14 May as planned.')]),
      errors: [
        { file: 'junior.md', messageId: 'verdict', line: 8, column: 18, endLine: 8, endColumn: 29, words: ['will launch'], data: { audience: 'junior', mine: 'will launch', file: 'executive.md', theirs: 'executive', other: 'Delay' } },
      ],
    },
    {
      name: 'two variants that disagree: the executive one is the reference',
      files: set(['peer.md', `${fm('peer')}## Decision\n\nWe are delaying the launch three weeks.\n`], ['exec.md', `${fm('executive')}Decision:\nDelay the launch two weeks.\n`]),
      errors: [{ file: 'peer.md', messageId: 'fact', line: 9, column: 28, endLine: 9, endColumn: 39, data: { audience: 'peer', role: 'decision', mine: 'three weeks', file: 'exec.md', theirs: 'executive', other: 'two weeks' } }],
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
