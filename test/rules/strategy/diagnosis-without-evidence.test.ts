import rule from '../../../src/core/rules/strategy/diagnosis-without-evidence.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    strategy('## Diagnosis\n\nProduct teams wait a median of 3.5 days from merge to production.\n'),
    { name: 'an observation without a number', code: strategy('Diagnosis:\ndeploy lead time and test flakiness block product teams\n') },
    { name: 'an empty diagnosis is structure/empty-section', code: strategy('## Diagnosis\n\n## Guiding policy\n\nReduce friction before features.\n') },
  ],
  invalid: [
    {
      code: strategy('## The challenge\n\nOur platform is not good enough and teams are unhappy with it.\n'),
      errors: [{ messageId: 'noEvidence', line: 5, column: 4, endLine: 5, endColumn: 17 }],
    },
  ],
});
