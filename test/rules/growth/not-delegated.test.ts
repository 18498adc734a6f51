import rule from '../../../src/core/rules/growth/not-delegated.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const plan = (body: string) => `---\nkind: growth-plan\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    plan('Opportunity:\nSam owns the API migration RFC and presents it to the architecture review on 12 March.\n'),
    { name: 'the writer delegates', code: plan('## Delegated artifact\n\nI delegate the billing export RFC to Ana for the June review.\n') },
    { name: 'no opportunity section: structure/required-section', code: plan('Skill goal:\nSam leads the design.\n') },
  ],
  invalid: [
    {
      name: 'shadowing',
      code: plan('Opportunity:\nJo shadows me at the architecture review and takes notes while I present.\n'),
      errors: [{ messageId: 'passive', line: 6, column: 4, endLine: 6, endColumn: 11, words: ['shadows', 'takes notes'] }],
    },
    {
      name: 'nothing to own',
      code: plan('## Opportunity\n\nA stretch project this quarter.\n'),
      errors: [{ messageId: 'nothing', line: 7, column: 1, endLine: 7, endColumn: 32 }],
    },
  ],
});
