import rule from '../../../src/core/rules/role/multiple-primary.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const memo = (body: string) => `---\nkind: role-memo\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    { name: 'someone else\'s role before "equally" is not a claim', code: memo("## Archetype\n\nDara is the tech lead of the release team, and I'm equally the architect for the build system.\n") },
    {
      spellings: true,
      name: 'no markers: the main role, then a smaller share of the time as another archetype',
      code: memo("## Role\n\nI'm the tech lead for the build team, and that is most of my week. A smaller part of my time goes to acting as architect for the build system across the organisation.\n"),
    },
    { name: 'one Primary row in an archetype table', code: memo('## Archetype\n\n| Archetype | Level |\n|---|---|\n| Architect | Primary |\n| Tech lead | Secondary |\n| Solver | Not currently |\n') },
    {
      name: 'Primary / Secondary / Not currently fields',
      code: memo('Archetype:\nPrimary: architect, for the payments architecture.\nSecondary: tech lead for the ledger migration.\nNot currently: incident solver for every escalation.\n'),
    },
    { name: 'the better approach on one line', code: memo('Archetype:\nPrimary: architect. Secondary: tech lead for the migration. Not currently: incident solver.\n') },
    { name: 'the case study labels', code: memo('Current need:\narchitecture across three teams\n\nPrimary archetype:\narchitect\n\nSecondary:\ntech lead for migration phase\n\nNot currently:\nincident solver for every escalation\n') },
    { spellings: true, name: 'secondary in the same sentence', code: memo('## Role\n\nArchitect (primary), tech lead (secondary) until the migration ends.\n') },
    { spellings: true, name: 'other people named as partners', code: memo('## Archetype\n\nSolver for search relevance, working with the tech lead of each search team.\n') },
    {
      spellings: true,
      name: 'bold markers in list items, a hand-over to someone else',
      code: memo(
        '## Archetype\n\n- **Primary: solver** for checkout latency.\n- **Secondary: tech lead** for the cache rewrite until it ships in May. After that, Priya\n  takes over as its tech lead.\n- **Not currently: architect.** Dana keeps the platform architecture.\n',
      ),
    },
    { name: 'chatty lower-case, one paragraph', code: memo("archetype:\nprimary is right hand to our VP. secondary: none this half. not currently: tech lead for search, that's Omar's.\n\nscope:\nthe platform consolidation.\n") },
    { spellings: true, name: 'em dashes, one paragraph each', code: memo('## Archetype\n\nPrimary — tech lead for the mobile platform team.\n\nSecondary — architect of the offline sync layer, only until the design is signed off.\n') },
    { spellings: true, name: 'a nested not-currently list', code: memo('## Archetype\n\n- **Primary: architect** for the ledger.\n- **Not currently:**\n  - tech lead for the reporting team;\n  - solver for ledger incidents.\n') },
    { spellings: true, name: 'a table', code: memo('## Archetype\n\n| Role | Archetype |\n|---|---|\n| Primary | architect for billing |\n| Secondary | tech lead for the invoicing rewrite |\n') },
    { name: 'a possessive names someone else', code: memo("## Archetype\n\nPrimary: architect for payments. I meet each team's tech lead weekly.\n") },
    { name: 'bold fields (British)', code: memo('**Primary archetype:** Right hand to the CTO, organising the programme’s priorities.\n\n**Secondary:** Architect for the data-centre exit.\n\n**Not currently:** Tech lead for identity.\n') },
    {
      spellings: true,
      name: 'a hint comment that lists every archetype',
      code: memo('## Archetype\n\n<!-- One primary archetype (tech lead, architect, solver, right hand), a secondary if any. -->\nPrimary: solver for the ranking latency.\n'),
    },
    { name: 'not a role memo', code: 'Archetype:\nTech lead, architect, solver and right hand.\n' },
    { name: "primarily one archetype, another team's lead named", code: memo("## Role\n\nI'm mainly the architect for the ledger; I meet each team's tech lead on Mondays.\n") },
    { name: "primarily, with the team's tech lead as a partner", code: memo("## Role\n\nPrimarily the solver for the billing backlog. I work with the squad's tech lead on sequencing.\n") },
  ],
  invalid: [
    {
      name: 'a second primary put beside the first with "equally", after a sentence of preamble',
      code: memo('## Archetype\n\nWe talked it over and split the job down the middle. For now I act as the solver for the flaky-build problem, and I am equally the tech lead of the release team.\n'),
      errors: [{ messageId: 'several', line: 7, column: 75, endLine: 7, endColumn: 141, words: ['solver', 'tech lead'], data: { count: 2, names: '`solver`, `tech lead`' } }],
    },
    {
      name: 'no markers, and no smaller share: both archetypes are the role',
      code: memo("## Role\n\nI'm the tech lead for the build team, and I'm the architect for the build system across the organisation.\n"),
      errors: [{ messageId: 'several', line: 7, column: 9, endLine: 7, endColumn: 60, words: ['tech lead', 'architect'], data: { count: 2, names: '`tech lead`, `architect`' } }],
    },
    {
      name: 'two Primary rows in an archetype table',
      code: memo('## Archetype\n\n| Archetype | Level |\n|---|---|\n| Architect | Primary |\n| Tech lead | **Primary** |\n| Solver | Not currently |\n'),
      errors: [{ messageId: 'several', line: 9, column: 3, endLine: 10, endColumn: 12, words: ['Architect', 'Tech lead'] }],
    },
    {
      name: 'the case study memo',
      code: memo('Archetype:\nTech lead, architect, solver and right hand. I will do all of them.\n'),
      errors: [
        { messageId: 'several', line: 6, column: 1, endLine: 6, endColumn: 44, words: ['Tech lead', 'architect', 'solver', 'right hand', 'all of them'], data: { count: 4, names: '`Tech lead`, `architect`, `solver`, `right hand`' } },
      ],
    },
    {
      spellings: true,
      name: 'two in a Primary field',
      code: memo('## Archetype\n\n- Primary: architect and right-hand\n- Secondary: solver\n'),
      errors: [{ messageId: 'several', line: 7, column: 12, endLine: 7, endColumn: 36, data: { names: '`architect`, `right-hand`', count: '2' } }],
    },
    {
      spellings: true,
      name: 'two primaries, politely justified, then a not-currently',
      code: memo('## Archetype\n\n**Primary (for now, both):** tech lead for the ingestion team and architect for the\nstorage migration.\n\n**Not currently:** solver for pipeline incidents.\n'),
      errors: [{ messageId: 'several', line: 7, column: 30, endLine: 7, endColumn: 76, words: ['tech lead', 'architect'] }],
    },
    {
      name: 'two primaries on one line before a secondary',
      code: memo('Archetype:\nprimary: architect and tech lead. secondary: solver.\n'),
      errors: [{ messageId: 'several', line: 6, column: 10, endLine: 6, endColumn: 33, data: { count: 2, names: '`architect`, `tech lead`' } }],
    },
    {
      spellings: true,
      name: '"all of them" alone',
      code: memo('## Archetype\n\nAll four archetypes, as the week needs.\n'),
      errors: [{ messageId: 'all', line: 7, column: 1, endLine: 7, endColumn: 9, words: ['All four'] }],
    },
    {
      name: 'two primaries in prose: "primarily" and "equally"',
      code: memo("## Role\n\nThis half I'll be primarily the architect for the clinic platform and, equally, the team's tech lead.\n"),
      errors: [{ messageId: 'several', line: 7, column: 33, endLine: 7, endColumn: 101, words: ['architect', 'tech lead'] }],
    },
    {
      name: 'co-primary, British spelling',
      code: memo('**Archetype.** Mainly the right hand to the CTO, and co-primary as solver for the organisation-wide cost programme.\n'),
      errors: [{ messageId: 'several', line: 5, column: 27, endLine: 5, endColumn: 74, words: ['right hand', 'solver'] }],
    },
  ],
});
