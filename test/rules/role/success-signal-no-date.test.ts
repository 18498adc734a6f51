import rule from '../../../src/core/rules/role/success-signal-no-date.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const memo = (body: string) => `---\nkind: role-memo\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    memo('Success signal:\nBy June, the three teams ship against one written payments architecture.\n'),
    { spellings: true, name: 'a relative date', code: memo('## Success criteria\n\nNDCG up 5 points by end of Q3.\n') },
    { spellings: true, name: 'empty is structure/empty-section', code: memo('## Success signal\n') },
  ],
  invalid: [
    {
      code: memo('Success signal:\nThe three teams ship against one written payments architecture.\n'),
      errors: [{ messageId: 'noDate', line: 5, column: 1, endLine: 5, endColumn: 16, words: ['Success signal'] }],
    },
  ],
});
