import rule from '../../../src/core/rules/escalation/recommendation-not-an-option.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const brief = (body: string) => `---\nkind: escalation\n---\n\n${body}`;
const numbered = 'Options:\n1. Team A owns a v1-to-v2 adapter until shutdown.\n2. Team B owns dual support of v1 and v2.\n\n';
const bullets = 'Options:\n- Team A owns a v1-to-v2 adapter.\n- Team B owns dual support.\n\n';
const headed = '## Options\n\n### Option A: adapter\n\nTeam A builds it.\n\n### Option B: dual support\n\nTeam B runs both.\n\n';

ruleTester(rule, {
  valid: [
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
