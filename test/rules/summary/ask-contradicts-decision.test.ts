import rule from '../../../src/core/rules/summary/ask-contradicts-decision.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const fm = '---\nkind: exec-summary\naudience: executive\n---\n\n';

ruleTester(rule, {
  valid: [
    {
      name: 'an approval at a meeting date; a word shared elsewhere in the sentences is not the same thing',
      code: `${fm}We recommend moving after-hours triage to our own nurse line from 1 September.\n\n**Ask.** Approve the four nurse posts (AUD 390,000 a year) at the 14 May executive meeting.\n`,
    },
    { name: 'the same deadline in the decision and the ask', code: `${fm}Decision:\nDelay the launch two weeks, to 14 May. We need your decision by Friday 2 May.\n\nAsk:\nApprove the 14 May date by 2 May.\n`, spellings: true },
    { name: 'an event date and a deadline are different facts', code: `${fm}**Decision.** We will move control to the new system on Sunday 8 March.\n\n**Ask.** Approve the £48,000 contingency by Friday 20 February.\n` },
    {
      name: 'the ask names another date for another thing (a practice run)',
      code: `---\nkind: exec-summary\naudience: junior\n---\n\n## What we decided\n\nOn Sunday 8 March we switch the control room to the new system.\n\n## What we need from you\n\nPlease sign up for the 1 March practice run and read the runbook by 6 March.\n`,
    },
    { name: 'the same amount written another way', code: `${fm}**Decision:** Refresh only the specialist labs for £600k.\n\n**Ask:** Approve the £600,000 for the specialist labs by 30 April.\n` },
    { name: 'a weekday and a date cannot be compared', code: `${fm}Decision:\nWe move the ledger on 9 March; the decision is needed by 20 February.\n\nAsk:\nConfirm by Friday.\n` },
    { name: 'a deadline for someone else in the decision', code: `${fm}Decision:\nWe buy six testers; the supplier needs the order by 1 May.\n\nAsk:\nApprove the $4.2M purchase by 24 April.\n` },
    { name: 'a part of the amount, about another thing', code: `${fm}Decision:\nReplace the ledger over two years for £2.1m in total.\n\nAsk:\nRelease £400k for the first phase by 30 June.\n` },
  ],
  invalid: [
    {
      name: 'decide by one date, the ask says another',
      code: `${fm}Decision:\nDelay the launch two weeks, to 14 May. We need a decision by Friday 2 May.\n\nAsk:\nApprove the revised date by Friday 9 May.\n`,
      spellings: true,
      errors: [{ messageId: 'deadline', line: 10, column: 29, endLine: 10, endColumn: 41, data: { ask: '`Friday 9 May`', decision: '`Friday 2 May`' } }],
    },
    {
      name: 'a bold-field summary whose ask restates the cutover with another date',
      code: `${fm}**Decision.** We will move control to the new system on Sunday 8 March.\n\n**Ask.** Please approve the move on 15 March by Friday 20 February.\n`,
      errors: [{ messageId: 'restated', line: 8, column: 37, endLine: 8, endColumn: 45, data: { ask: '`15 March`', decision: '`Sunday 8 March`' } }],
    },
    {
      name: 'prose, British spelling: the ask authorises a different sum for the same refresh',
      code: `${fm}# Lab PCs\n\nWe recommend refreshing only the specialist labs, at a cost of £600k, and converting the rest to study space.\n\nCould you authorise £650k for the specialist lab refresh at the March committee?\n`,
      errors: [{ messageId: 'restated', line: 10, column: 21, endLine: 10, endColumn: 26, data: { ask: '`£650k`', decision: '`£600k`' } }],
    },
    {
      name: 'a decision deadline in ISO form and an ask deadline in words',
      code: `${fm}## Decision\n\nWe pause the fraud-rule migration until renewals close. Approval needed by 2026-03-06.\n\n## Ask\n\nPlease sign off on the pause before 13 March.\n`,
      errors: [{ messageId: 'deadline', line: 12, column: 37, endLine: 12, endColumn: 45 }],
    },
  ],
});

// One deadline written two ways is one deadline: weekday + date vs ISO, local time vs UTC,
// "end of March" vs "31 March", month-first vs day-first.
ruleTester(rule, {
  valid: [
    { name: 'weekday and date vs ISO', code: `${fm}Decision:\nDelay the launch to 14 May. We need your decision by Friday 2 May.\n\nAsk:\nApprove the 14 May date by 2025-05-02.\n` },
    { name: 'UTC vs local evening of the day before', code: `${fm}Decision:\nMove the cutover to 9 March. We need a decision by 2025-03-09 02:00Z.\n\nAsk:\nApprove the cutover by Saturday 8 March, 9pm ET.\n` },
    { name: 'end of the month vs its last day', code: `${fm}**Decision:** Fund the second rota; the decision is needed by 31 March.\n\n**Ask:** Approve the rota by the end of March.\n` },
    { name: 'month-first vs day-first', code: `${fm}Decision:\nRetire the old ledger. We need a decision by March 5, 2025.\n\nAsk:\nApprove the retirement by 3/5/2025.\n` },
    { name: 'abbreviated weekday and ordinal', code: `${fm}## Decision\n\nShip the new tills. The decision is needed by Fri 2 May.\n\n## Ask\n\nSign off by Friday, May 2nd.\n` },
  ],
  invalid: [
    {
      name: 'a numeric date that cannot be the same day either way',
      code: `${fm}Decision:\nRetire the old ledger. We need a decision by March 5, 2025.\n\nAsk:\nApprove the retirement by 20/5/2025.\n`,
      errors: [{ messageId: 'deadline', line: 10, column: 27, endLine: 10, endColumn: 36 }],
    },
  ],
});
