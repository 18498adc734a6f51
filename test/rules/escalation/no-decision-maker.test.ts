import rule from '../../../src/core/rules/escalation/no-decision-maker.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const brief = (body: string) => `---\nkind: escalation\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    brief('Decision maker:\nVP of Engineering, by 1 March.\n'),
    { name: 'a person by name, as a field', code: brief('Decision maker: Priya Shah, by 1 March.\n') },
    { name: 'a body, with the deadline in the decision needed', code: brief('Decision needed:\nWho owns v1? We need an answer by 1 March.\n\nDecision maker:\nThe architecture review board\n') },
    { spellings: true, name: 'an @handle under a heading synonym', code: brief('## Decider\n\n@maria, before the 12 March planning.\n') },
    { name: 'a deadline in its own section', code: brief('Decision maker:\nDirector of Platform\n\nDeadline:\nEnd of the quarter.\n') },
    { name: 'no section: required-section reports it', code: brief('Decision needed:\nWho owns v1?\n') },
    { name: 'a named person with a role, bold field', code: brief('**Decision maker:** Grace Liu, Director of Platform Engineering, by Friday 25 April.\n') },
    { spellings: true, name: 'a hedge inside a parenthesis is an aside', code: brief('## Who decides\n\nThe CTO (probably delegated to the Head of Platform), by 3 May.\n') },
    { spellings: true, name: 'a deadline table', code: brief('Decision maker:\nHead of Mobile\n\n## Timeline\n\n| Step | When |\n|---|---|\n| Decision | Friday 14 June |\n') },
  ],
  invalid: [
    {
      name: '"leadership, probably"',
      code: brief('Decision maker:\nLeadership, probably, by 1 March.\n'),
      errors: [{ messageId: 'noDecider', line: 6, column: 1, endLine: 6, endColumn: 34, words: ['probably'] }],
    },
    {
      spellings: true,
      name: '"someone senior", heading style',
      code: brief('## Who decides\n\nSomeone senior in Platform, by 3 May.\n'),
      errors: [{ messageId: 'noDecider', line: 7, column: 1, endLine: 7, endColumn: 38, words: ['Someone'] }],
    },
    {
      spellings: true,
      name: 'not sure who owns it, maybe a council',
      code: brief('## Decision maker\n\nNot sure who owns this. Maybe the security council, or engineering leadership more broadly?\n'),
      errors: [
        { messageId: 'noDeadline', line: 5, column: 4, endLine: 5, endColumn: 18 },
        { messageId: 'noDecider', line: 7, column: 1, endLine: 7, endColumn: 24, words: ['Not sure'] },
      ],
    },
    {
      name: 'leadership, no date',
      code: brief('Decision maker:\nLeadership\n'),
      errors: [
        { messageId: 'noDeadline', line: 5, column: 1, endLine: 5, endColumn: 16 },
        { messageId: 'noDecider', line: 6, column: 1, endLine: 6, endColumn: 11, words: ['Leadership'] },
      ],
    },
    {
      name: 'a role but no date',
      code: brief('Decision maker:\nVP of Engineering\n'),
      errors: [{ messageId: 'noDeadline', line: 5, column: 1, endLine: 5, endColumn: 16 }],
    },
    {
      name: 'a date but nobody named',
      code: brief('Decision maker:\nsomeone in management, by 1 March\n'),
      errors: [{ messageId: 'noDecider', line: 6, column: 1, endLine: 6, endColumn: 34, data: { words: 'someone in management, by 1 March' } }],
    },
  ],
});
