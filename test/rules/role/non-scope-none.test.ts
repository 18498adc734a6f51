import rule from '../../../src/core/rules/role/non-scope-none.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const memo = (body: string) => `---\nkind: role-memo\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    memo('Non-scope:\nDay-to-day sprint planning for the ledger team; executive status reporting.\n'),
    { name: 'a sentence that starts with "none"', code: memo('## Out of scope\n\nNone of the incident response: the on-call rotation owns it.\n') },
    { name: 'empty is structure/empty-section', code: memo('## Non-scope\n\n## Stakeholders\n\nVP Engineering.\n') },
  ],
  invalid: [
    {
      code: memo('Non-scope:\nNone.\n'),
      errors: [{ messageId: 'none', line: 6, column: 1, endLine: 6, endColumn: 6, words: ['None.'] }],
    },
    {
      name: 'a "Not currently" field',
      code: memo('## Archetype\n\nPrimary: architect\nNot currently: n/a\n\n## Non-scope\n\nHiring loops.\n'),
      errors: [{ messageId: 'none', line: 8, column: 16, endLine: 8, endColumn: 19, data: { section: 'Not currently', text: 'n/a' } }],
    },
    {
      name: 'everything is in scope',
      code: memo('## Not in scope\n\n- Everything is in scope for now\n'),
      errors: [{ messageId: 'none', line: 7, column: 3, endLine: 7, endColumn: 33 }],
    },
  ],
});
