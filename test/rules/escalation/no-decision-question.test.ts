import rule from '../../../src/core/rules/escalation/no-decision-question.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const brief = (body: string) => `---\nkind: escalation\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    brief('Decision needed:\nWho owns v1 compatibility during the v2 migration?\n'),
    { name: 'a real question next to a plea', code: brief('## Decision needed\n\nWho owns v1 compatibility? Thoughts welcome.\n') },
    { name: 'an approval ask as a field', code: brief('Decision needed: approve option 2 by Friday.\n') },
    { name: 'a choice without a question mark', code: brief('Decision needed:\nShould team A or team B own the adapter\n') },
    { name: 'an empty section is empty-section\'s finding', code: brief('Decision needed:\n\nFacts:\nv1 has 14 consumers.\n') },
  ],
  invalid: [
    {
      name: 'what should we do?',
      code: brief('Decision needed:\nWe are stuck on the migration. What should we do?\n'),
      errors: [{ messageId: 'plea', line: 6, column: 32, endLine: 6, endColumn: 49, words: ['What should we do'] }],
    },
    {
      name: 'need guidance, thoughts?',
      code: brief('Decision needed:\nNeed guidance on the migration. Thoughts?\n'),
      errors: [{ messageId: 'plea', line: 6, column: 1, endLine: 6, endColumn: 14, words: ['Need guidance', 'Thoughts?'] }],
    },
    {
      name: 'a topic, not a question',
      code: brief('Decision needed:\nOwnership of the v1 compatibility work.\n'),
      errors: [{ messageId: 'noQuestion', line: 6, column: 1, endLine: 6, endColumn: 40, data: { words: 'Ownership of the v1 compatibility work.' } }],
    },
  ],
});
