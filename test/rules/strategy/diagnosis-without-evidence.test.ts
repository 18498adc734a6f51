import rule from '../../../src/core/rules/strategy/diagnosis-without-evidence.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    strategy('## Diagnosis\n\nProduct teams wait a median of 3.5 days from merge to production.\n'),
    { name: 'an observation without a number', code: strategy('Diagnosis:\ndeploy lead time and test flakiness block product teams\n') },
    { spellings: true, name: 'an empty diagnosis is structure/empty-section', code: strategy('## Diagnosis\n\n## Guiding policy\n\nReduce friction before features.\n') },
    { name: 'a count written in words', code: strategy('**Diagnosis:** Half of the product squads now keep a private fork of the deploy scripts.\n') },
    { spellings: true, name: 'a number beside a year', code: strategy('## Diagnosis\n\nIn 2024 the nightly build broke on 41 of 250 nights.\n') },
    { name: 'a decimal quantity', code: strategy('## Diagnostic\n\nA clean build of the game client takes 3.5 hours on the shared farm.\n') },
  ],
  invalid: [
    {
      code: strategy('## The challenge\n\nOur platform is not good enough and teams are unhappy with it.\n'),
      errors: [{ messageId: 'noEvidence', line: 5, column: 4, endLine: 5, endColumn: 17 }],
    },
    {
      spellings: true,
      name: 'a priority statement dated with a year and a quarter',
      code: strategy('## Diagnosis\n\nDeveloper productivity is our top priority for 2026. As we scale through Q3, our tooling has to keep\nup with what engineers need, and there is plenty of room to do better.\n'),
      errors: [{ messageId: 'noEvidence', line: 5, column: 4, endLine: 5, endColumn: 13 }],
    },
  ],
});
