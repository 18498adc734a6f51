import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rule from '../../../src/core/rules/summary/ask-no-deadline.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const examples = join(import.meta.dirname, '../../fixtures/examples');
const fm = '---\nkind: exec-summary\naudience: executive\n---\n\n';

ruleTester(rule, {
  valid: [
    { name: 'the module example: "by Friday"', code: readFileSync(join(examples, 'good/launch-delay-exec.md'), 'utf8') },
    { name: 'a heading Ask with a calendar date', code: `${fm}## Ask\n\nApprove the new launch date at the 12 May review.\n`, spellings: true },
    { name: 'relative dates count', code: `${fm}**Ask:** Please sign off by end of week.\n` },
    { name: "no request at all is summary/no-ask's finding", code: `${fm}Ask:\nYour awareness.\n` },
    { name: 'prose: the asking sentence has the date', code: `${fm}We recommend a two-week delay. Please approve it by Friday.\n` },
  ],
  invalid: [
    {
      name: "the module's own wording, without a date",
      code: `${fm}Decision:\nDelay launch two weeks.\n\nAsk:\nApprove revised date.\n`,
      errors: [{ messageId: 'noDeadline', line: 10, column: 1, endLine: 10, endColumn: 8, words: ['Approve'] }],
    },
    {
      name: 'a bolded ask in prose without a date',
      code: `${fm}**Decision:** Delay the launch.\n\n**Ask:** We need your decision on the new date.\n`,
      errors: [{ messageId: 'noDeadline', line: 8, column: 10, endLine: 8, endColumn: 31, data: { verb: 'We need your decision' } }],
    },
    {
      name: 'prose without an Ask section',
      code: `${fm}We recommend delaying the launch two weeks. Please approve the new plan.\n`,
      errors: [{ messageId: 'noDeadline', line: 6, column: 45, endLine: 6, endColumn: 51 }],
    },
  ],
});

// What is not an ask: a noun subject with its own verb, a quotation, a pointer to a fact.
ruleTester(rule, {
  valid: [
    { name: 'a noun subject followed by a prepositional phrase and its verb', code: `${fm}Research on five existing specifications (CNAB, OCM, Score) confirms a well-understood problem space. We recommend a new specification.\n` },
    { name: 'a noun subject with its verb right after', code: `${fm}Testing shows the retry path is safe. We will launch on 14 May.\n` },
    { name: 'a review of something, with its verb later', code: `${fm}Review of the incident backlog suggests two fixes. We will ship both.\n` },
    { name: 'a goal quoted in a blockquote', code: `${fm}## Goals\n\n> Select candidates who fulfil the criteria, focusing on new perspectives.\n\nWe met this goal well.\n` },
    { name: 'a pointer to a fact', code: `${fm}We will repeat the election next year. Note that these 50 days do not include the planning time.\n` },
  ],
  invalid: [
    {
      name: 'a command that is followed by a clause of its object',
      code: `${fm}We will move the launch. Confirm the budget is approved.\n`,
      errors: [{ messageId: 'noDeadline', line: 6, column: 26, endLine: 6, endColumn: 33 }],
    },
    {
      name: 'a command whose object has a prepositional phrase',
      code: `${fm}We will delay the launch. Sign off on the revised plan for the payments team.\n`,
      errors: [{ messageId: 'noDeadline', line: 6, column: 27, endLine: 6, endColumn: 35 }],
    },
    {
      name: 'an ask in a callout blockquote is the writer\u2019s own',
      code: `${fm}We will delay the launch.\n\n> **Ask:** approve the revised plan.\n`,
      errors: [{ messageId: 'noDeadline', line: 8, column: 12, endLine: 8, endColumn: 19 }],
    },
  ],
});
