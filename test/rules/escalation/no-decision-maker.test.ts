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
    { name: 'prose that asks a named role', code: brief('# Search ownership\n\nWe would like the Director of Platform to decide who owns the indexer by 3 June.\n') },
    { name: 'prose that asks a council, British spelling', code: brief('Could the architecture council make the call on the cache by the end of the month? Happy to organise a session.\n') },
    { name: 'a hedge in history, not in the ask', code: brief('Last year someone above us decided the purge length.\n\nWe ask the CTO to decide by 1 May.\n') },
    { name: 'someone to own the work, not to decide', code: brief('Please decide by Friday whether Payments or SRE owns the pager; either way we need someone on the rota.\n') },
    { name: 'a leadership forum named as the decider', code: brief('We are asking the engineering leadership meeting on 4 March to choose between the two options.\n') },
    // Management or leadership as a topic is not the one asked; "could you" and a named addressee ask the reader.
    {
      name: 'the reader asked, management the topic',
      code: brief('Could you make the call on the release management process by Friday 3 March? Ruth, as VP of Engineering, you are the one who can.\n'),
    },
    { name: 'a named addressee, management in a product name', code: brief('Priya, would you decide by 14 June which team owns the management API?\n') },
    { name: 'incident management as the topic of the ask', code: brief('Please decide on the incident management rota by 1 May.\n') },
    { name: 'a named person with a role, bold field', code: brief('**Decision maker:** Grace Liu, Director of Platform Engineering, by Friday 25 April.\n') },
    { spellings: true, name: 'a hedge inside a parenthesis is an aside', code: brief('## Who decides\n\nThe CTO (probably delegated to the Head of Platform), by 3 May.\n') },
    { spellings: true, name: 'a deadline table', code: brief('Decision maker:\nHead of Mobile\n\n## Timeline\n\n| Step | When |\n|---|---|\n| Decision | Friday 14 June |\n') },
  ],
  invalid: [
    {
      name: 'prose asks whoever feels best placed, at some point',
      code: brief('Scratch is 93% full.\n\nIt would be good to get a steer on this at some point from whoever feels best placed to make the call.\n'),
      errors: [
        { messageId: 'proseDeadline', line: 7, column: 41, endLine: 7, endColumn: 54, words: ['at some point'] },
        { messageId: 'proseDecider', line: 7, column: 60, endLine: 7, endColumn: 85, data: { words: 'whoever feels best placed' }, words: ['whoever feels best placed'] },
      ],
    },
    {
      name: 'someone above us should decide, with a date',
      code: brief('# Pager for the ledger\n\nWe think someone above us needs to decide this by 14 March.\n'),
      errors: [{ messageId: 'proseDecider', line: 7, column: 10, endLine: 7, endColumn: 26, words: ['someone above us'] }],
    },
    {
      name: 'a decision from leadership, no rush',
      code: brief('Options are listed below.\n\n- Keep v1.\n- Drop v1.\n\nWe would welcome a decision from leadership, no rush.\n'),
      errors: [
        { messageId: 'proseDecider', line: 10, column: 34, endLine: 10, endColumn: 44, words: ['leadership'] },
        { messageId: 'proseDeadline', line: 10, column: 46, endLine: 10, endColumn: 53, words: ['no rush'] },
      ],
    },
    {
      name: 'senior management to decide',
      code: brief('We think senior management should decide this by 14 March.\n'),
      errors: [{ messageId: 'proseDecider', line: 5, column: 10, endLine: 5, endColumn: 27, words: ['senior management'] }],
    },
    {
      name: 'the reader asked to pass it on to leadership',
      code: brief('Could you escalate this to leadership for a decision by 1 May?\n'),
      errors: [{ messageId: 'proseDecider', line: 5, column: 28, endLine: 5, endColumn: 38, words: ['leadership'] }],
    },
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
