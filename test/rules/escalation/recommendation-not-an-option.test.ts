import rule from '../../../src/core/rules/escalation/recommendation-not-an-option.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const brief = (body: string) => `---\nkind: escalation\n---\n\n${body}`;
const numbered = 'Options:\n1. Team A owns a v1-to-v2 adapter until shutdown.\n2. Team B owns dual support of v1 and v2.\n\n';
const bullets = 'Options:\n- Team A owns a v1-to-v2 adapter.\n- Team B owns dual support.\n\n';
const headed = '## Options\n\n### Option A: adapter\n\nTeam A builds it.\n\n### Option B: dual support\n\nTeam B runs both.\n\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a recommendation that names an option by its words and calls it "a new approach for us"',
      code: brief(`${numbered}Recommendation: Team B owns dual support of v1 and v2. It is a new approach for us, but Team B already runs v2.\n`),
    },
    { name: 'a recommendation that is not "something different"', code: brief(`${numbered}Recommendation:\nOption 2. It is not something new for Team B, who already run both versions.\n`) },
    {
      name: 'an option named by its owner, for now',
      code: brief(
        'Options:\n1. **Field Apps owns it**: a merge UI in the tablet app.\n2. **Sync Platform owns it**: the sync service keeps both versions.\n\nRecommendation:\nSync Platform owns it for now; we revisit it in Q3 once web and desktop have data.\n',
      ),
    },
    {
      name: 'an interim option that is one of the options',
      code: brief('Options:\n- Team A owns the adapter.\n- Team B owns dual support.\n- Wait for the vendor fix and revisit in March.\n\nRecommendation:\nFor now, wait for the vendor fix; we revisit in March.\n'),
    },
    {
      name: 'by label, for the time being',
      code: brief(`${numbered}Recommendation:\nOption 1 for the time being, and revisit once v1 traffic drops.\n`),
    },
    brief(`${numbered}Recommendation:\nOption 2: it needs no new code path.\n`),
    { name: 'by its words', code: brief(`${bullets}Recommendation:\nWe recommend the adapter, owned by team A, because it has one owner.\n`) },
    { name: 'by ordinal', code: brief(`${bullets}Recommendation:\nThe second option: it needs no new code.\n`) },
    { name: "by the options' own letters", code: brief(`${headed}## Recommendation\n\nOption B, until v1 shuts down.\n`) },
    { name: "by a heading option's name", code: brief(`${headed}## Recommendation\n\nDual support, because it is cheapest.\n`) },
    { name: 'no options section', code: brief('Recommendation:\nOption 2.\n') },
    {
      name: 'deferral that is one of the options',
      code: brief('Options:\n- Team A owns the adapter now.\n- Defer the decision to Q3, once the vendor ships.\n\nRecommendation:\nDefer to Q3: the vendor date decides which adapter we need.\n'),
    },
    {
      name: 'an option in a field inside a numbered item',
      code: brief('1. **Options.**\n   - A. Keep storage free.\n   - B. Charge everyone from August.\n   - C. Charge new grants only.\n\n2. **Recommendation.** Option C, because no group faces an unplanned charge.\n'),
    },
  ],
  invalid: [
    {
      name: "a recommendation that says it is none of them, though it reuses the options' words",
      code: brief(`${numbered}Recommendation:\nWe would rather try a hybrid approach: Team A owns the adapter for reads and Team B owns dual support for writes.\n`),
      errors: [{ messageId: 'notAnOption', line: 10, column: 1, endLine: 10, endColumn: 114, words: ['a hybrid approach'] }],
    },
    {
      name: 'an interim answer none of the options is, with a revisit',
      code: brief(
        'Options:\n1. **Field Apps owns it**: conflict detection and a merge UI in the tablet app only. Cost: web and desktop still lose markups.\n2. **Sync Platform owns it**: the sync service keeps both versions for every client.\n3. **Buy**: a vendor sync SDK across all clients.\n\nRecommendation:\nLet each client team handle conflicts in its own app for now, and revisit a platform answer in Q3.\n',
      ),
      errors: [{ messageId: 'notAnOption', line: 11, column: 1, endLine: 11, endColumn: 99, words: ['for now'] }],
    },
    {
      name: 'in the meantime, a fourth thing',
      code: brief(`${numbered}Recommendation:\nIn the meantime, each consumer pins its own client version and we reassess after the summer.\n`),
      errors: [{ messageId: 'notAnOption', line: 10, column: 1, endLine: 10, endColumn: 93, words: ['In the meantime'] }],
    },
    {
      name: 'a number past the end of the list',
      code: brief(`${numbered}Recommendation:\nOption 4, because it is cheapest.\n`),
      errors: [{ messageId: 'noSuchOption', line: 10, column: 1, endLine: 10, endColumn: 9, data: { words: 'Option 4', options: 'Options' } }],
    },
    {
      spellings: true,
      name: 'a letter the options do not use',
      code: brief(`${headed}## Recommendation\n\nOption C.\n`),
      errors: [{ messageId: 'noSuchOption', line: 17, column: 1, endLine: 17, endColumn: 9 }],
    },
    {
      name: 'the case study: escalate to leadership instead of choosing',
      code: brief(`${numbered}Recommendation:\nLeadership should tell team B to prioritise the migration.\n`),
      errors: [{ messageId: 'notAnOption', line: 10, column: 1, endLine: 10, endColumn: 59, data: { words: 'Leadership should tell team B to prioritise the migration.', options: 'Options' } }],
    },
    {
      name: 'pause and revisit, when no option defers',
      code: brief(`${numbered}Recommendation:\nPause the v2 rollout for new customers and revisit ownership in Q3, once we have a season of data.\n`),
      errors: [{ messageId: 'notAnOption', line: 10, column: 1, endLine: 10, endColumn: 99, words: ['Pause'] }],
    },
  ],
});
