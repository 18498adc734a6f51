import rule from '../../../src/core/rules/role/scope-every-task.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const memo = (body: string) => `---\nkind: role-memo\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    memo('Scope:\nCross-team architecture for payments; the ledger migration design and its review.\n'),
    { name: 'three kinds is a broad scope, not every task', code: memo('## Responsibilities\n\n- Architecture across three teams\n- Mentoring two senior engineers\n- Incident reviews for payments\n') },
  ],
  invalid: [
    {
      name: 'the case study scope',
      code: memo('Scope:\nLead the team, unblock every incident, define the architecture, mentor engineers and\nrepresent the group to executives.\n'),
      errors: [{ messageId: 'every', line: 6, column: 1, endLine: 7, endColumn: 20, data: { count: 5 }, words: ['Lead the team', 'unblock every', 'architecture', 'mentor', 'represent the group'] }],
    },
  ],
});
