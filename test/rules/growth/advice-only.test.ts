import rule from '../../../src/core/rules/growth/advice-only.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const plan = (body: string) => `---\nkind: growth-plan\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    plan('Skill goal:\nSam leads the API migration design.\n\nSupport:\nI give Sam feedback in our weekly one-on-ones.\n'),
    { name: 'a sponsor act by the writer', code: plan('## Opportunity\n\nI will nominate Ana for the billing RFC review; until then, advice in our 1:1s.\n') },
    { name: 'no advice words either: not-delegated covers it', code: plan('Opportunity:\nJo attends the review.\n') },
  ],
  invalid: [
    {
      name: 'the case study plan',
      code: plan('Skill goal:\nSam should get better at system design.\n\nSupport:\nI will keep giving Sam advice in our weekly one-on-ones and share articles about design.\n'),
      errors: [{ messageId: 'adviceOnly', line: 6, column: 5, endLine: 6, endColumn: 22, words: ['should get better', 'advice', 'one-on-ones', 'share articles'] }],
    },
    {
      name: 'the writer presents, so it is not delegated',
      code: plan('## Opportunity\n\nI present the RFC while Jo watches; we debrief in our 1:1.\n'),
      errors: [{ messageId: 'adviceOnly', line: 7, column: 55, endLine: 7, endColumn: 58, data: { advice: '`1:1`' } }],
    },
    {
      name: 'negated ownership is not ownership',
      code: plan('## Opportunity\n\nJo will not own the RFC yet; I mentor Jo on design.\n'),
      errors: [{ messageId: 'adviceOnly', line: 7, column: 32, endLine: 7, endColumn: 38, words: ['mentor'] }],
    },
  ],
});
