import rule from '../../../src/core/rules/tradeoff/too-few-rows.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    strategy('| Choice | Gain | Cost |\n|---|---|---|\n| friction first | teams ship faster | features wait |\n| features first | launches | lead time grows |\n'),
    { name: 'a one-row table that is not a tradeoff table', code: strategy('| Metric | Target |\n|---|---|\n| lead time | 1 day |\n') },
    { name: 'an unknown document', code: '# RFC\n\n| Option | Pros | Cons |\n|---|---|---|\n| A | fast | slow |\n' },
  ],
  invalid: [
    {
      name: 'one row',
      code: strategy('| Choice | Gain | Cost |\n|---|---|---|\n| friction first | teams ship faster | new features wait |\n'),
      errors: [{ messageId: 'one', line: 5, column: 1, endLine: 5, endColumn: 25, words: ['friction first'] }],
    },
    {
      spellings: true,
      name: 'no rows',
      code: strategy('## Tradeoffs\n\n| Archetype | Leverage | Risk |\n|---|---|---|\n'),
      errors: [{ messageId: 'none', line: 7, column: 1, endLine: 7, endColumn: 32 }],
    },
  ],
});
