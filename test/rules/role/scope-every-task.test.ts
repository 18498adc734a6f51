import rule from '../../../src/core/rules/role/scope-every-task.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const memo = (body: string) => `---\nkind: role-memo\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    memo('Scope:\nCross-team architecture for payments; the ledger migration design and its review.\n'),
    { spellings: true, name: 'three kinds is a broad scope, not every task', code: memo('## Responsibilities\n\n- Architecture across three teams\n- Mentoring two senior engineers\n- Incident reviews for payments\n') },
    {
      spellings: true,
      name: 'recounting the jobs the writer was asked to do, then scoping one',
      code: memo(
        "## Scope\n\nSince the reorg I've been asked to lead the platform team, cover incidents, own the architecture, mentor\nthe new hires and brief the executives. From April I keep one of them: the architecture of the\nsettlement services and its decision log.\n",
      ),
    },
    {
      name: 'the excluded tasks are named in a non-scope field inside the paragraph',
      code: memo('Scope:\nThe settlement architecture and its reviews.\n**Non-scope:** leading the team, incidents, mentoring engineers, representing the group to executives.\n'),
    },
    {
      name: 'the excluded tasks follow an inline non-scope label',
      code: memo('Scope:\nThe settlement architecture and its reviews. **Non-scope:** leading the team, incidents, mentoring engineers, representing the group to executives.\n'),
    },
    { spellings: true, name: 'negated tasks in one sentence', code: memo('## Scope\n\nThe architecture of the ledger, not incidents, not the on-call rota, no mentoring programme and no executive reporting.\n') },
    { spellings: true, name: 'what the writer hands back', code: memo('## Scope\n\n- The search relevance architecture.\n- Handing over team lead duties, incidents, mentoring and the exec review to Priya by May.\n') },
    { spellings: true, name: 'categories named only to be excluded', code: memo('## Scope\n\nArchitecture across the three payments teams. Not on-call, not sprint planning, and not the exec review.\n') },
    { name: 'two categories in new words are not every task', code: memo('**Scope:** Architecture for checkout, plus onboarding new engineers and mentoring two mid-level engineers.\n') },
  ],
  invalid: [
    {
      name: 'the case study scope',
      code: memo('Scope:\nLead the team, unblock every incident, define the architecture, mentor engineers and\nrepresent the group to executives.\n'),
      errors: [
        {
          messageId: 'every',
          line: 6,
          column: 1,
          endLine: 7,
          endColumn: 20,
          data: { count: 5, tasks: '`Lead the team`, `unblock every`, `architecture`, `mentor`, `represent the group`' },
          words: ['Lead the team', 'unblock every', 'architecture', 'mentor', 'represent the group'],
        },
      ],
    },
    {
      spellings: true,
      name: 'leading a named team, in a list',
      code: memo('## Scope\n\n- Lead the build-tools team day to day\n- First responder for CI incidents\n- Own the developer platform architecture\n- Mentor the senior engineers\n'),
      errors: [
        {
          messageId: 'every',
          line: 7,
          column: 3,
          endLine: 10,
          endColumn: 9,
          data: { count: 4, tasks: '`Lead the build-tools team`, `First responder`, `architecture`, `Mentor`' },
          words: ['Lead the build-tools team', 'First responder', 'architecture', 'Mentor'],
        },
      ],
    },
    {
      name: 'a bold field scope',
      code: memo('**Scope:** sprint planning for the checkout team, the on-call rota, technical direction for payments, coaching two seniors and the monthly exec review.\n'),
      errors: [{ messageId: 'every', line: 5, column: 12, endLine: 5, endColumn: 151, data: { count: 5, tasks: '`sprint planning`, `on-call`, `technical direction`, `coaching`, `exec review`' } }],
    },
    {
      spellings: true,
      name: 'task categories in other words: Sev1s, the VP staff meeting, design reviews, coaching',
      code: memo('## Scope\n\n- First responder on every Sev1 for the payments stack.\n- Present progress to the VP staff meeting each month on behalf of the group.\n- Run design reviews for the three teams.\n- Coach the two new hires.\n'),
      errors: [{ messageId: 'every', line: 7, column: 3, endLine: 10, endColumn: 8, words: ['First responder', 'Present progress to the VP', 'design reviews', 'Coach'] }],
    },
    {
      name: 'rituals, the pager, tech strategy and the leadership sync in one sentence',
      code: memo('Scope:\nI will run sprint planning and retros for the ledger team, carry the pager every other week, own the tech strategy, and represent the group at the monthly leadership sync.\n'),
      errors: [{ messageId: 'every', line: 6, column: 12, endLine: 6, endColumn: 140, words: ['sprint planning', 'carry the pager', 'tech strategy', 'represent the group'] }],
    },
    {
      name: 'a bold label with a qualifier, meeting-notes items',
      code: memo(
        '**Scope** (agreed with Priya)\n- run the payments squad day to day\n- first responder for settlement outages\n- own the architecture for the ledger\n- mentor the two graduates\n- represent the group at the steering committee\n',
      ),
      errors: [{ messageId: 'every', line: 6, column: 3, endLine: 10, endColumn: 22 }],
    },
  ],
});
