import rule from '../../../src/core/rules/tradeoff/empty-cost.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    strategy('| Choice | Gain | Cost |\n|---|---|---|\n| friction first | teams ship faster | new features wait |\n| features first | launches | lead time grows |\n'),
    { name: 'a budget table is not a tradeoff table', code: strategy('| Item | Cost |\n|---|---|\n| licences | none |\n') },
    { name: 'a risk register is not a tradeoff table', code: strategy('| Risk | Mitigation |\n|---|---|\n| outage | n/a |\n') },
    { name: 'an unknown document (an RFC)', code: '# RFC\n\n| Option | Pros | Cons |\n|---|---|---|\n| A | fast | none |\n' },
    { name: '"no downtime" is a cost statement, not "none"', code: strategy('| Option | Gain | Cost |\n|---|---|---|\n| blue/green | no downtime | double capacity for an hour |\n') },
  ],
  invalid: [
    {
      name: 'none, an empty cell and a dash',
      code: strategy('| Choice | Gain | Cost |\n|---|---|---|\n| friction first | teams ship faster | none |\n| features first | launches | |\n| platform | speed | - |\n'),
      errors: [
        { messageId: 'nothing', line: 7, column: 40, endLine: 7, endColumn: 44, words: ['none'], data: { column: 'cost', choice: 'friction first', words: 'none' } },
        { messageId: 'empty', line: 8, column: 29, endLine: 8, endColumn: 32, data: { column: 'cost', choice: 'features first' } },
        { messageId: 'nothing', line: 9, column: 22, endLine: 9, endColumn: 23, words: ['-'] },
      ],
    },
    {
      name: 'the archetype table: risk n/a, and a row missing its risk cell',
      code: '---\nkind: role-memo\n---\n\n| Archetype | Leverage | Risk |\n|---|---|---|\n| architect | coherence | n/a |\n| solver | unblocks |\n',
      errors: [
        { messageId: 'nothing', line: 7, column: 27, endLine: 7, endColumn: 30, data: { column: 'risk', choice: 'architect', words: 'n/a' } },
        { messageId: 'empty', line: 8, column: 22, endLine: 8, endColumn: 22, data: { column: 'risk', choice: 'solver' } },
      ],
    },
    {
      name: 'pros and cons columns',
      code: strategy('| Option | Pros | Cons |\n|---|---|---|\n| Kafka | durable | **None** |\n| SQS | managed | no replay |\n'),
      errors: [{ messageId: 'nothing', line: 7, column: 21, endLine: 7, endColumn: 29 }],
    },
  ],
});
