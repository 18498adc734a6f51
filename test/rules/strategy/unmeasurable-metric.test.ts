import rule from '../../../src/core/rules/strategy/unmeasurable-metric.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    strategy('## Success metrics\n\n- Median lead time below 1 day by the end of Q2.\n- Flaky CI failure rate below 3% of runs by 30 June.\n'),
    { name: 'label style, one per line', code: strategy('Success metrics:\nmedian deploy lead time under 1 day by end of Q2\nflaky test rate below 2% by end of Q2\n') },
    { spellings: true, name: 'a deadline stated once for all metrics', code: strategy('## Success metrics\n\nBy the end of Q2:\n\n- lead time below 1 day\n- flaky rate below 2%\n') },
    { spellings: true, name: 'a metrics table', code: strategy('## Key results\n\n| Metric | Target | By |\n|---|---|---|\n| Lead time | 1 day | Q2 |\n') },
    {
      spellings: true,
      name: 'a Google-Docs table of measures with a sign-off line after it',
      code: strategy(
        '## **Success measures**\n\n| Measure | Now | Target | Date |\n| :---- | :---- | :---- | :---- |\n| Services on the shared cluster | 4 of 19 | 17 of 19 | 31 March 2027 |\n| Open critical findings | 38 | fewer than 5 | pen test, February 2027 |\n\n\n\nQuestions to \\#infra\\-strategy or the author before the review.\n',
      ),
    },
    { spellings: true, name: 'a decimal with a unit is a target, not a date', code: strategy('## Measuring success\n\n- Median time to restore below 1.5 hours by June.\n') },
    { spellings: true, name: 'a decimal percentage is a target, not a date', code: strategy('## How we will know\n\n- Crash-free sessions above 99.5% by the end of September.\n') },
    {
      spellings: true,
      name: 'a tradeoff table under the metrics is not a metric',
      code: strategy('## Success metrics\n\n- Lead time below 1 day by Q2.\n\n| Choice | Gain | Cost |\n|---|---|---|\n| friction first | faster | features wait |\n'),
    },
    {
      spellings: true,
      name: 'targets and deadlines in words',
      code: strategy('## How we will know\n\n- Halve the release checklist by year end.\n- Build time from 40 to 20 minutes before the autumn release.\n- Every squad on the shared pipeline by FY27.\n'),
    },
    { spellings: true, name: 'a deadline stated in the prose above the list', code: strategy('## Success metrics\n\nAll targets are for 31 March 2027.\n\n- Lead time below 1 day.\n- Flaky rate below 2%.\n') },
  ],
  invalid: [
    {
      spellings: true,
      name: 'neither number nor date',
      code: strategy('## Success metrics\n\n- Faster builds\n- Lead time below 1 day by Q2\n'),
      errors: [{ messageId: 'neither', line: 7, column: 3, endLine: 7, endColumn: 16, words: ['Faster builds'] }],
    },
    {
      name: 'a number without a date, and a date without a number',
      code: strategy('Success metrics:\nflaky rate below 3% of runs\nbetter uptime by end of Q3\n'),
      errors: [
        { messageId: 'noDate', line: 6, column: 1, endLine: 6, endColumn: 28 },
        { messageId: 'noNumber', line: 7, column: 1, endLine: 7, endColumn: 27 },
      ],
    },
    {
      name: 'a decimal percentage with no date',
      code: strategy('**Success metrics:** Error rate below 0.5% on checkout.\n'),
      errors: [{ messageId: 'noDate', line: 5, column: 22, endLine: 5, endColumn: 56 }],
    },
    {
      spellings: true,
      name: '"may" the modal is not May the month',
      code: strategy('## Success metrics\n\nLatency may drop below 200 ms.\n'),
      errors: [{ messageId: 'noDate', line: 7, column: 1, endLine: 7, endColumn: 31 }],
    },
    {
      spellings: true,
      name: 'the digits of a name are no target',
      code: strategy('## Success metrics\n\n- Fewer P1 incidents on the v2 pipeline by Q3.\n'),
      errors: [{ messageId: 'noNumber', line: 7, column: 3, endLine: 7, endColumn: 47 }],
    },
  ],
});
