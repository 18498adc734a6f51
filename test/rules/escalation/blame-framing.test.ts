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
  ],
  invalid: [
    {
      name: 'the case study: the other team is blocking progress',
      code: brief('Team B is blocking progress on the v2 migration.\n'),
      errors: [{ messageId: 'blame', line: 5, column: 1, endLine: 5, endColumn: 19, words: ['Team B is blocking'] }],
    },
    {
      name: 'each phrase is quoted; touching phrases are one finding',
      code: brief('Facts:\nThey refuse to own v1 and keep dragging their feet.\nWe need you to make them do their job.\n'),
      errors: [
        { messageId: 'blame', line: 6, column: 1, endLine: 6, endColumn: 12, words: ['They refuse'] },
        { messageId: 'blame', line: 6, column: 32, endLine: 6, endColumn: 51, words: ['dragging their feet'] },
        { messageId: 'blame', line: 7, column: 16, endLine: 7, endColumn: 38, data: { words: 'make them do their job' } },
      ],
    },
    {
      name: 'emotion in a heading-style brief',
      code: brief('## Context\n\nThis is unacceptable and it is their fault.\n'),
      errors: [
        { messageId: 'blame', line: 7, column: 1, endLine: 7, endColumn: 21, words: ['This is unacceptable'] },
        { messageId: 'blame', line: 7, column: 32, endLine: 7, endColumn: 43, words: ['their fault'] },
      ],
    },
  ],
});
