import rule from '../../../src/core/rules/role/no-primary.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const memo = (body: string) => `---\nkind: role-memo\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    memo('Archetype:\nPrimary: architect across the three payments teams.\n'),
    { spellings: true, name: 'archetype in prose', code: memo('## Role\n\nI am the solver for search relevance this half.\n') },
    { name: 'several primaries is multiple-primary, not this', code: memo('Archetype:\nTech lead and architect.\n') },
    { spellings: true, name: 'empty is structure/empty-section', code: memo('## Archetype\n\n## Scope\n\nPayments.\n') },
  ],
  invalid: [
    {
      code: memo('Archetype:\nA senior engineer who helps wherever needed.\n'),
      errors: [{ messageId: 'none', line: 5, column: 1, endLine: 5, endColumn: 11, words: ['Archetype'] }],
    },
    {
      spellings: true,
      name: 'only a secondary and a not-currently',
      code: memo('## Archetype\n\nSecondary: tech lead for the migration.\nNot currently: solver.\n'),
      errors: [{ messageId: 'none', line: 5, column: 4, endLine: 5, endColumn: 13 }],
    },
  ],
});
