import rule from '../../../src/core/rules/strategy/policy-not-a-choice.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    { name: 'the case study policy, label style', code: strategy('Guiding policy:\nreduce platform friction before adding new platform features\n') },
    {
      name: 'a hard-wrapped policy stays one sentence',
      code: strategy('## Guiding policy\n\nReduce platform friction before adding new platform features: until the deploy lead time\nis under one day, we take on no new platform feature work.\n'),
    },
    {
      name: 'a list of mandates (Larson order, Policy heading)',
      code: strategy('## Policy\n\n- All new services use managed Postgres; we will not run self-hosted databases.\n- Schema changes go through the migration bot rather than manual DDL.\n'),
    },
    { name: 'the choice is in the second sentence', code: strategy('## Guiding policy\n\nFocus on the checkout path. Everything else waits until checkout p95 is under 300 ms.\n') },
    { name: 'X over Y', code: strategy('Policy:\nprioritize reliability work over new features\n') },
    { name: 'no kind, no rule', code: '## Guiding policy\n\nImprove reliability.\n' },
    { name: 'no policy section', code: strategy('## Diagnosis\n\nLead time is 3.5 days.\n') },
  ],
  invalid: [
    {
      name: 'a slogan',
      code: strategy('Guiding policy:\nbe world-class\n'),
      errors: [{ messageId: 'goal', line: 6, column: 1, endLine: 6, endColumn: 15, words: ['be world-class'] }],
    },
    {
      name: 'prose: the first sentence stands for the paragraph',
      code: strategy('## Guiding policy\n\nImprove reliability. Teams will be happier.\n'),
      errors: [{ messageId: 'goal', line: 7, column: 1, endLine: 7, endColumn: 21, data: { policy: 'Improve reliability.' } }],
    },
    {
      name: '"over the next year" is a time, not a tradeoff',
      code: strategy('## Guiding policy\n\nGrow revenue 20% over the next year.\n'),
      errors: [{ messageId: 'goal', line: 7, column: 1, endLine: 7, endColumn: 37 }],
    },
    {
      name: 'a list: only the item that chooses nothing',
      code: strategy('## Guiding policy\n\n- Reduce friction before adding features.\n- Improve reliability.\n'),
      errors: [{ messageId: 'goal', line: 8, column: 3, endLine: 8, endColumn: 23, words: ['Improve reliability.'] }],
    },
    {
      name: 'a modal before a goal is still a goal',
      code: strategy('Guiding policy:\nWe must improve reliability and developer experience.\n'),
      errors: [{ messageId: 'goal', line: 6, column: 1, endLine: 6, endColumn: 54 }],
    },
  ],
});
