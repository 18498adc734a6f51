import rule from '../../../src/core/rules/role/non-scope-none.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const memo = (body: string) => `---\nkind: role-memo\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    { name: 'a Boundaries heading that fences work off', code: memo('## 🚧 Boundaries\n\n- Not the on-call rota: the SRE team keeps it.\n- No sprint planning for the ledger team.\n') },
    memo('Non-scope:\nDay-to-day sprint planning for the ledger team; executive status reporting.\n'),
    { spellings: true, name: 'a sentence that starts with "none of"', code: memo('## Out of scope\n\nNone of the incident response: the on-call rotation owns it.\n') },
    {
      spellings: true,
      name: '"none of below" above a list',
      code: memo('## Non-scope:\n\nNone of below is my job in this half:\n\n- people management of the SRE team (Katja leads it);\n- the vendor negotiation.\n'),
    },
    {
      spellings: true,
      name: 'a secondary archetype of "none" is not a non-scope',
      code: memo('## Archetype\n\n- Primary: solver for the search latency work.\n- Secondary: none this quarter.\n- Not currently: tech lead for the indexing team.\n'),
    },
    { name: '"none" and who owns the work instead', code: memo('Not currently: none, the on-call rotation owns incident command.\n') },
    { name: '"n/a" and the work handed off', code: memo('## Non-scope\n\nN/A, sprint planning stays with Priya and the vendor calls are handled by procurement.\n') },
    { spellings: true, name: 'empty is structure/empty-section', code: memo('## Non-scope\n\n## Stakeholders\n\nVP Engineering.\n') },
    { spellings: true, name: 'a nothing that names work and its owner', code: memo('## Non-scope\n\nNothing on the incident rota: the SRE team owns it.\n') },
    { name: 'work handed off, no dodge', code: memo("## Non-scope\n\nOpen-source maintenance for the SDK; Priya's team owns it.\n") },
    { name: 'open to one thing, excluding another', code: memo("## Non-scope\n\nI'm open to reviewing designs, but I won't run the weekly release.\n") },
  ],
  invalid: [
    {
      name: 'a Boundaries heading that fences nothing off',
      code: memo("## 🚧 Boundaries\n\nHonestly, I'd rather not fence anything off yet: everything that touches the records is fair game for me.\n"),
      errors: [{ messageId: 'none', line: 7, column: 1, endLine: 7, endColumn: 106 }],
    },
    {
      code: memo('Non-scope:\nNone.\n'),
      errors: [{ messageId: 'none', line: 6, column: 1, endLine: 6, endColumn: 6, words: ['None'] }],
    },
    {
      spellings: true,
      name: 'a "Not currently" field',
      code: memo('## Archetype\n\nPrimary: architect\nNot currently: n/a\n\n## Non-scope\n\nHiring loops.\n'),
      errors: [{ messageId: 'none', line: 8, column: 16, endLine: 8, endColumn: 19, data: { section: 'Not currently', words: 'n/a' } }],
    },
    {
      spellings: true,
      name: 'everything is in scope',
      code: memo('## Not in scope\n\n- Everything is in scope for now\n'),
      errors: [{ messageId: 'none', line: 7, column: 3, endLine: 7, endColumn: 33 }],
    },
    {
      spellings: true,
      name: 'nothing in particular, and an offer to help',
      code: memo("## Non-scope\n\nNothing in particular, honestly. I'm glad to pitch in wherever the team needs me.\n"),
      errors: [{ messageId: 'none', line: 7, column: 1, endLine: 7, endColumn: 82, words: ['Nothing in particular, honestly'] }],
    },
    {
      name: 'not written yet',
      code: memo("**Not currently:** I don't have one yet, still figuring out the role with my manager.\n"),
      errors: [{ messageId: 'none', line: 5, column: 20, endLine: 5, endColumn: 86, words: ["I don't have one yet"] }],
    },
    {
      name: 'chatty lower-case label, none for now',
      code: memo('non-scope:\nnone for now, happy to take whatever comes up while the team is short-staffed.\n\nstakeholders:\nthe payments leads.\n'),
      errors: [{ messageId: 'none', line: 6, column: 1, endLine: 6, endColumn: 79, words: ['none for now'] }],
    },
    // Dodges: a sentence rather than a lone "none".
    {
      spellings: true,
      name: 'a dodge: nothing to rule out, whatever lands',
      code: memo("## Non-scope\n\nNothing I'd want to rule out at this point. Happy to pick up whatever lands.\n"),
      errors: [{ messageId: 'none', line: 7, column: 1, endLine: 7, endColumn: 77, words: ["Nothing I'd want to rule out at this point"] }],
    },
    {
      name: 'a dodge: open to anything',
      code: memo("Non-scope:\nI'm open to anything the group needs.\n"),
      errors: [{ messageId: 'none', line: 6, column: 1, endLine: 6, endColumn: 38, words: ["I'm open to anything the group needs"] }],
    },
    {
      name: 'a dodge: nothing comes to mind, whatever they throw at me',
      code: memo("**Non-scope:** Nothing comes to mind yet; I'll take on whatever the teams throw at me.\n"),
      errors: [{ messageId: 'none', line: 5, column: 16, endLine: 5, endColumn: 87, words: ['Nothing comes to mind yet'] }],
    },
    {
      name: 'a dodge: rather not limit myself',
      code: memo("## What isn't mine?\n\nI'd rather not limit myself in the first quarter.\n"),
      errors: [{ messageId: 'none', line: 7, column: 1, endLine: 7, endColumn: 50, words: ["I'd rather not limit myself in the first quarter"] }],
    },
    {
      name: 'nothing, then a refusal to draw lines',
      code: memo("**Not mine.** Nothing, really. It's early days and I'd rather not draw lines before I know where the problems are.\n"),
      errors: [{ messageId: 'none', line: 5, column: 15, endLine: 5, endColumn: 115, words: ['Nothing, really'] }],
    },
  ],
});
