import rule from '../../../src/core/rules/strategy/anti-scope-none.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    strategy('## Anti-scope\n\n- No Kubernetes upgrade this half unless a security deadline forces it.\n'),
    { name: 'a non-goal that mentions "none"', code: strategy('## Non-goals\n\nNone of the analytics workloads move off the warehouse.\n') },
    { name: 'empty is structure/empty-section', code: strategy('## Anti-scope\n\n## Success metrics\n\n- Lead time below 1 day by Q2.\n') },
  ],
  invalid: [
    {
      code: strategy('## Out of scope\n\nNothing for now.\n'),
      errors: [{ messageId: 'none', line: 7, column: 1, endLine: 7, endColumn: 17, words: ['Nothing for now.'] }],
    },
    {
      name: 'label style',
      code: strategy('Anti-scope:\nN/A\n'),
      errors: [{ messageId: 'none', line: 6, column: 1, endLine: 6, endColumn: 4, data: { text: 'N/A' } }],
    },
  ],
});
