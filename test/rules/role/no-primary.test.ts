import rule from '../../../src/core/rules/role/no-primary.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const memo = (body: string) => `---\nkind: role-memo\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    memo('Archetype:\nPrimary: architect across the three payments teams.\n'),
    { spellings: true, name: 'archetype in prose', code: memo('## Role\n\nI am the solver for search relevance this half.\n') },
    { name: 'several primaries is multiple-primary, not this', code: memo('Archetype:\nTech lead and architect.\n') },
    { spellings: true, name: 'empty is structure/empty-section', code: memo('## Archetype\n\n## Scope\n\nPayments.\n') },
    {
      spellings: true,
      name: "a charter's governance section is the group's roles",
      code: memo('## Roles and Organisation Management\n\nThis working group adheres to the roles outlined in the governance guide.\n\n## Scope\n\nLong-term support.\n'),
    },
    { name: 'a group as the subject of every sentence', code: memo('Role:\nThe committee follows the project governance. Its members rotate every year.\n') },
    { name: 'team roles listed by a charter', code: memo('## Roles\n\n- Chairs run the meetings and keep the agenda.\n- Members review proposals.\n') },
  ],
  invalid: [
    {
      name: 'roles in the title, but the writer speaks of themself',
      code: memo('Roles:\nI help wherever the team needs me this half.\n'),
      errors: [{ messageId: 'none', line: 5, column: 1, endLine: 5, endColumn: 7, words: ['Roles'] }],
    },
    {
      name: 'a team in the sentence, but not its subject',
      code: memo('Archetype:\nA generalist who helps the team wherever needed.\n'),
      errors: [{ messageId: 'none', line: 5, column: 1, endLine: 5, endColumn: 11, words: ['Archetype'] }],
    },
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
