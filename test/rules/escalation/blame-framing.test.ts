import rule from '../../../src/core/rules/escalation/blame-framing.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const brief = (body: string) => `---\nkind: escalation\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    brief('Decision needed:\nWho owns v1 compatibility during the v2 migration?\n\nFacts:\nTeam A and team B both expected the other to keep v1 working.\n'),
    { name: 'quoting blame to warn against it', code: brief('Facts:\nWe agreed not to write `they refuse` or "is blocking" in this brief.\n') },
    { name: 'not an escalation', code: '---\nkind: strategy\n---\n\nTeam B is blocking the migration.\n' },
    { name: 'inside a code block', code: brief('Facts:\n\n```\nerror: team B is blocking on v1\n```\n') },
    { name: 'technical uses of the same verbs', code: brief('Facts:\nThe v1 gateway refuses connections and calls are blocking; lazy loading is off, and we ignore the header.\n') },
    {
      spellings: true,
      name: 'things that block are facts',
      code: brief('## Background\n\nDeploys to eu-west-2 were blocked by the same expired certificate. The manual renewal process is also blocking the security team\'s plan to shorten certificate lifetimes.\n'),
    },
    { name: 'waiting on a dated plan is a fact', code: brief("**Context:** We're waiting on the Infrastructure team's shared scheduler, expected in Q3 (INFRA-2214).\n") },
    { spellings: true, name: 'a server that never responds', code: brief('## Facts\n\n- The legacy endpoint never responds within the 2 s budget.\n- The service won\'t respond to health checks during a full GC.\n') },
  ],
  invalid: [
    {
      name: 'the case study: the other team is blocking progress',
      code: brief('Team B is blocking progress on the v2 migration.\n'),
      errors: [{ messageId: 'blame', line: 5, column: 1, endLine: 5, endColumn: 19, words: ['Team B is blocking'] }],
    },
    {
      name: 'one finding per sentence',
      code: brief('Facts:\nThey refuse to own v1 and keep dragging their feet.\nWe need you to make them do their job.\n'),
      errors: [
        { messageId: 'blame', line: 6, column: 1, endLine: 6, endColumn: 51, words: ['They refuse', 'dragging their feet'] },
        { messageId: 'blame', line: 7, column: 16, endLine: 7, endColumn: 38, words: ['make them', 'do their job'] },
      ],
    },
    {
      spellings: true,
      name: 'emotion in a heading-style brief',
      code: brief('## Context\n\nThis is unacceptable and it is their fault.\n'),
      errors: [{ messageId: 'blame', line: 7, column: 1, endLine: 7, endColumn: 43, words: ['This is unacceptable', 'their fault'] }],
    },
    {
      spellings: true,
      name: 'polite blame: waiting despite reminders, not a priority for them',
      code: brief("## Context\n\n- We asked for a node pool on 3 March. We've been waiting on the platform team for six weeks despite repeated reminders, and it's hard not to feel that our requests just aren't a priority for them.\n"),
      errors: [{ messageId: 'blame', line: 7, column: 94, endLine: 7, endColumn: 197, words: ['despite repeated reminders', 'hard not to feel', "aren't a priority for them"] }],
    },
    {
      name: 'still waiting on them; they have not prioritised it (British)',
      code: brief('**Facts:** We are still waiting on them despite several reminders. The data team have not prioritised this.\n'),
      errors: [
        { messageId: 'blame', line: 5, column: 19, endLine: 5, endColumn: 66, words: ['still waiting on them', 'despite several reminders'] },
        { messageId: 'blame', line: 5, column: 72, endLine: 5, endColumn: 102, words: ['data team have not prioritised'] },
      ],
    },
    {
      name: 'blocked by a team',
      code: brief('Context:\nThe rollout is blocked again by the security team.\n'),
      errors: [{ messageId: 'blame', line: 6, column: 16, endLine: 6, endColumn: 50, words: ['blocked again by the security team'] }],
    },
  ],
});
