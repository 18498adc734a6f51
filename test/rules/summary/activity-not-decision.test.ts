import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rule from '../../../src/core/rules/summary/activity-not-decision.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const examples = join(import.meta.dirname, '../../fixtures/examples');
const fm = '---\nkind: exec-summary\naudience: executive\n---\n\n';

ruleTester(rule, {
  valid: [
    { name: 'a decision beside a review that follows it', code: `${fm}We reviewed the retry path. We will delay the launch and review the path again in June.\n` },
    { name: 'a review that will be done is a plan', code: fm + 'Decision: move the launch to 14 May.\n\nThe retry path will be reviewed by the payments team next week.\n' },
    { name: 'passive and future forms report no work done', code: `${fm}## Decision\n\nThe retry path is considered unsafe and will be reviewed again after launch.\n`, spellings: true },
    { name: 'the module example, `Label:` lines', code: readFileSync(join(examples, 'good/launch-delay-exec.md'), 'utf8') },
    {
      name: 'headings; activity in the reason is fine once the decision is stated',
      code: `${fm}## Decision\n\nDelay the payments launch two weeks, to 14 May.\n\n## Reason\n\nWe evaluated the retry path and looked into processor timeouts: a timeout can charge twice.\n`,
    },
    {
      name: 'prose with a bolded decision line',
      code: `${fm}**Decision:** Delay the payments launch two weeks, to 14 May.\n\nWe looked into the retry path and discussed timeouts with the processor team.\n`,
    },
    { name: 'prose: a recommendation after the activity', code: `${fm}We evaluated reliability concerns across payments. We recommend delaying the launch two weeks.\n` },
    { name: 'activity and decision in one sentence', code: `${fm}Decision:\nWe evaluated three options and decided to delay the launch to 14 May.\n` },
    { name: 'a plan to evaluate is not a report of activity', code: `${fm}Decision:\nPayments launch: reliability first; we evaluate the retry path next week.\n` },
    { name: 'other kinds are not summaries', code: '---\nkind: strategy\n---\n\n## Diagnosis\n\nWe evaluated build times and discussed flaky tests.\n' },
  ],
  invalid: [
    {
      name: 'a Summary heading that only sets the scene, over sections of what was done, and a promise to keep working with people',
      code: `${fm}## Summary\n\nFollowing the March outage, this note covers the payments stack.\n\n## What we did\n\n- Interviewed the on-call engineers.\n- Analysed six months of error budgets.\n\n## Next\n\nWe will continue to work with the processor and report back in May.\n`,
      errors: [{ messageId: 'activity', line: 13, column: 3, endLine: 13, endColumn: 11, words: ['Analysed'] }],
    },
    {
      name: 'meetings as the news, then a promise to keep exploring (no decision)',
      code: `${fm}# Comments: update for the editor\n\nThe working group met four times and reviewed the vendor contract. We will continue to explore the options over the coming months.\n`,
      errors: [{ messageId: 'activity', line: 8, column: 19, endLine: 8, endColumn: 33, words: ['met four times', 'reviewed'] }],
    },
    {
      name: 'keeping the board informed is not a decision',
      code: `${fm}A review of the pipeline has been carried out. The Board will be kept informed as this work progresses.\n`,
      errors: [{ messageId: 'activity', line: 6, column: 35, endLine: 6, endColumn: 46, words: ['carried out'] }],
    },
    {
      name: 'a review launched and workshops held: deciding to look is not deciding',
      code: `${fm}In March we launched a review of the comments platform and held three workshops with the desks.\n`,
      errors: [{ messageId: 'activity', line: 6, column: 13, endLine: 6, endColumn: 30, words: ['launched a review', 'held three workshops'] }],
    },
    {
      name: 'the passive register: undertaken, emerged, being worked through',
      code: fm + 'A thorough review of the checkout programme has been undertaken. Several observations have emerged and these are being worked through with the teams.\n',
      errors: [{ messageId: 'activity', line: 6, column: 54, endLine: 6, endColumn: 64, words: ['undertaken', 'have emerged', 'worked through'] }],
    },
    {
      name: "the module's wrong approach (shared bad example)",
      code: readFileSync(join(examples, 'bad/activity-exec-summary.md'), 'utf8'),
      errors: [{ messageId: 'activity', line: 7, column: 30, endLine: 7, endColumn: 39, words: ['evaluated', 'looked into', 'discussed', 'explored', 'The full analysis'] }],
    },
    {
      name: '`Label:` decision that reports activity',
      code: `${fm}Decision:\nWe looked into the retry path and discussed timeouts.\n\nAsk:\nApprove by Friday.\n`,
      errors: [{ messageId: 'activityInDecision', line: 7, column: 4, endLine: 7, endColumn: 15, words: ['looked into', 'discussed'] }],
    },
    {
      name: 'heading decision that reports activity, even with a plan that decides',
      code: `${fm}## Decision\n\nWe evaluated reliability concerns.\n\n## Plan\n\nWe will add idempotency keys.\n`,
      errors: [{ messageId: 'activityInDecision', line: 8, column: 4, endLine: 8, endColumn: 13, data: { words: '`evaluated`' } }],
    },
    {
      name: 'bolded decision line that reports activity; the next paragraph is not the decision',
      code: `${fm}**Decision:** We discussed the launch date with the processor team.\n\nWe will ship idempotency keys next.\n`,
      errors: [{ messageId: 'activityInDecision', line: 6, column: 18, endLine: 6, endColumn: 27 }],
    },
    {
      name: 'a decision verb after the activity is still activity',
      code: `${fm}We looked into whether to delay the launch, and reviewed the retry path.\n`,
      errors: [{ messageId: 'activity', line: 6, column: 4, endLine: 6, endColumn: 15, words: ['looked into', 'reviewed'] }],
    },
  ],
});

// An activity is a verb of doing with the team as its subject, not a participle that names a thing.
ruleTester(rule, {
  valid: [
    {
      name: 'a participle modifying a noun in a recommendation list',
      code: `${fm}## Recommendations\n\n- Align the developer experience with the priorities seen across the evaluated specifications.\n- Publish examples for every reviewed dependency type.\n`,
    },
    { name: 'a possessive before the participle', code: `${fm}Decision:\nShip our reviewed plan, with the assessed risks listed in the appendix.\n` },
    { name: 'after a preposition', code: `${fm}**Decision:** Keep the discussed options open; the list of analysed vendors is attached.\n` },
  ],
  invalid: [
    {
      name: 'the same word as a verb with the team as its subject',
      code: `${fm}## Recommendations\n\nWe evaluated five specifications and discussed them with the maintainers.\n`,
      errors: [{ messageId: 'activityInDecision', line: 8, column: 4, endLine: 8, endColumn: 13, words: ['evaluated', 'discussed'] }],
    },
    {
      name: 'a status line with no subject still reports work',
      code: `${fm}Decision:\nReviewed the retry path; assessed three vendors.\n`,
      errors: [{ messageId: 'activityInDecision', line: 7, column: 1, endLine: 7, endColumn: 9, words: ['Reviewed', 'assessed'] }],
    },
  ],
});
