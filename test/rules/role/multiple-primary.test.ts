import rule from '../../../src/core/rules/role/multiple-primary.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const memo = (body: string) => `---\nkind: role-memo\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    { name: 'Primary / Secondary / Not currently fields', code: memo('Archetype:\nPrimary: architect, for the payments architecture.\nSecondary: tech lead for the ledger migration.\nNot currently: incident solver for every escalation.\n') },
    { name: 'the case study labels', code: memo('Current need:\narchitecture across three teams\n\nPrimary archetype:\narchitect\n\nSecondary:\ntech lead for migration phase\n\nNot currently:\nincident solver for every escalation\n') },
    { name: 'secondary in the same sentence', code: memo('## Role\n\nArchitect (primary), tech lead (secondary) until the migration ends.\n') },
    { name: 'other people named as partners', code: memo('## Archetype\n\nSolver for search relevance, working with the tech lead of each search team.\n') },
    { name: 'not a role memo', code: 'Archetype:\nTech lead, architect, solver and right hand.\n' },
  ],
  invalid: [
    {
      name: 'the case study memo',
      code: memo('Archetype:\nTech lead, architect, solver and right hand. I will do all of them.\n'),
      errors: [{ messageId: 'several', line: 6, column: 1, endLine: 6, endColumn: 44, words: ['Tech lead', 'architect', 'solver', 'right hand', 'all of them'], data: { count: 4 } }],
    },
    {
      name: 'two in a Primary field',
      code: memo('## Archetype\n\n- Primary: architect and right-hand\n- Secondary: solver\n'),
      errors: [{ messageId: 'several', line: 7, column: 12, endLine: 7, endColumn: 36, data: { names: '`architect`, `right-hand`' } }],
    },
    {
      name: '"all of them" alone',
      code: memo('## Archetype\n\nAll four archetypes, as the week needs.\n'),
      errors: [{ messageId: 'all', line: 7, column: 1, endLine: 7, endColumn: 9, words: ['All four'] }],
    },
  ],
});
