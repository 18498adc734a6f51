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
