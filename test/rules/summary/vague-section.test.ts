import rule from '../../../src/core/rules/summary/vague-section.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const summary = (reason: string, risk: string, plan: string) =>
  `---\nkind: exec-summary\naudience: executive\n---\n\nDecision:\nDelay the launch two weeks.\n\nReason:\n${reason}\n\nRisk if ignored:\n${risk}\n\nPlan:\n${plan}\n\nAsk:\nApprove the revised date by Friday.\n`;

ruleTester(rule, {
  valid: [
    // Framing words around concrete facts: "at this stage", "early signs", "on next steps" are not vagueness.
    summary('At this stage the replay has run twice, and early signs show 0.3% of orders priced twice at checkout.', 'Customers charged twice would file about 200 chargebacks a week.', 'Pin the price cache to one region on 4 May.'),
    summary(
      'The audit found 12 expired certificates on the edge proxies.',
      'Two partner APIs go dark when the next certificate lapses on 9 May.',
      'At this point two engineers rotate the certificates by 6 May; we agree on next steps with the partner team on 7 May.',
    ),
    {
      name: 'one vague phrase beside a named cause',
      code: summary("There is some risk that the vendor's patch slips past the freeze, which would leave the duplicate-charge bug live.", 'Customers see double charges.', 'Add idempotency keys and rerun the replay test.'),
    },
    {
      name: 'the usual process, with the steps it adds',
      code: summary('The supplier missed two deliveries.', 'Customers see empty shelves in the first week.', 'The usual release process, plus a canary in two stores and a rollback drill before Monday.'),
    },
    {
      name: "a risk in the subject's words with a concrete impact",
      code: '---\nkind: exec-summary\ntitle: Payroll cutover freeze\n---\n\n## Decision\n\nFreeze payroll changes in March.\n\n## Risk if ignored\n\nIf things go wrong during the cutover, contractors are paid late and HMRC fines follow.\n',
    },
    summary('Payment retry path can duplicate charges under timeout.', 'Customer-impacting financial incident.', 'Idempotency keys, replay test, launch gate.'),
    { name: 'a number makes it concrete', code: summary('Two outages.', '3% of charges duplicated.', 'Fix it by 14 May.') },
    { name: "headings, and an empty section is another rule's", code: '---\nkind: exec-summary\n---\n\n## Decision\n\nDelay.\n\n## Reason\n\n<!-- hint -->\n\n## Risk if ignored\n\nRefunds, chargebacks and regulator attention.\n' },
    { name: 'not a summary', code: '---\nkind: strategy\n---\n\nPlan:\nTBD\n' },
    {
      name: 'an uncertainty beside a concrete cause, impact and steps',
      code: summary(
        'Too early to tell how many merchants were hit, but refunds already exceed the reserve.',
        'It depends on whether the processor ships the idempotency patch; without it, duplicate charges reach customers.',
        "We'll see the vendor's patch in staging first, then run the replay test and open the launch gate.",
      ),
    },
  ],
  invalid: [
    {
      name: 'a reason that says nothing at length: a vague phrase in every sentence',
      code: summary(
        'A few concerns surfaced in the pilot that deserve a second look. The picture remains mixed, with some worrying signs from the field.',
        'Customers in the north region see double charges when the processor times out.',
        'Add idempotency keys, rerun the replay test, then relaunch.',
      ),
      errors: [{ messageId: 'vague', line: 10, column: 51, endLine: 10, endColumn: 64 }],
    },
    {
      name: "a risk that only names the summary's own subject, and a plan that points at habit",
      code: '---\nkind: exec-summary\ntitle: Payroll cutover freeze\n---\n\n## Decision\n\nFreeze payroll changes from 1 to 31 March.\n\n## Risk if we wait\n\nThere is some risk to the payroll cutover should anything go wrong.\n\n## Plan\n\nBusiness as usual, with a bit of extra monitoring.\n',
      errors: [
        { messageId: 'vague', line: 12, column: 10, endLine: 12, endColumn: 19 },
        { messageId: 'vague', line: 16, column: 1, endLine: 16, endColumn: 18 },
      ],
    },
    {
      name: 'the normal process, British',
      code: summary('The supplier missed two deliveries.', 'Customers see empty shelves in the first week.', 'Our normal change procedure will apply, as always.'),
      errors: [{ messageId: 'vague', line: 16, column: 1, endLine: 16, endColumn: 28 }],
    },
    {
      name: 'a risk that things could get awkward with someone',
      code: `---\nkind: exec-summary\naudience: executive\n---\n\n## Decision\n\nBuy six testers.\n\n## Risk if ignored\n\nThings could get awkward with the customer.\n`,
      spellings: true,
      errors: [{ messageId: 'vague', line: 12, column: 1, endLine: 12, endColumn: 25 }],
    },
    {
      name: 'the walkthrough draft',
      code: summary('There were some issues.', 'Things could go wrong.', 'We will keep looking into it.'),
      errors: [
        { messageId: 'vague', line: 10, column: 12, endLine: 10, endColumn: 23, words: ['some issues'] },
        { messageId: 'vague', line: 13, column: 1, endLine: 13, endColumn: 22, words: ['Things could go wrong'] },
        { messageId: 'vague', line: 16, column: 9, endLine: 16, endColumn: 29, words: ['keep looking into it'] },
      ],
    },
    {
      name: 'too thin',
      code: summary('Reliability.', 'Customer-impacting financial incident.', 'Idempotency keys, replay test, launch gate.'),
      errors: [{ messageId: 'thin', line: 10, column: 1, endLine: 10, endColumn: 13, data: { section: 'Reason', text: 'Reliability.', hint: 'The one reason that drives the decision, concretely.' } }],
    },
    {
      name: 'not knowing, said instead of the risk',
      code: summary('Payment retry path can duplicate charges under timeout.', 'Hard to say really; there are a lot of moving parts and things could go either way.', 'Idempotency keys, replay test, launch gate.'),
      errors: [{ messageId: 'vague', line: 13, column: 1, endLine: 13, endColumn: 12, words: ['Hard to say', 'a lot of moving parts', 'could go either way'] }],
    },
    {
      name: 'it depends, with nothing it depends on',
      code: summary('It all depends, honestly.', 'Customer-impacting financial incident.', 'Idempotency keys, replay test, launch gate.'),
      errors: [{ messageId: 'vague', line: 10, column: 1, endLine: 10, endColumn: 15, words: ['It all depends'] }],
    },
    {
      spellings: true,
      name: 'TBD and we will see, as headings',
      code: "---\nkind: exec-summary\n---\n\n## Decision\n\nDelay the launch two weeks.\n\n## Plan\n\nTBD, we'll see after the vendor call.\n",
      errors: [{ messageId: 'vague', line: 11, column: 1, endLine: 11, endColumn: 4, words: ['TBD', "we'll see"] }],
    },
    {
      name: 'remains to be seen, too early to tell',
      code: summary('Payment retry path can duplicate charges under timeout.', 'Too early to tell; the impact remains to be seen.', 'Idempotency keys, replay test, launch gate.'),
      errors: [{ messageId: 'vague', line: 13, column: 1, endLine: 13, endColumn: 18, words: ['Too early to tell', 'remains to be seen'] }],
    },
  ],
});
