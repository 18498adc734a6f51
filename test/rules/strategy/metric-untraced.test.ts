import rule from '../../../src/core/rules/strategy/metric-untraced.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;
const diagnosis = '## Diagnosis\n\nProduct teams wait a median of 3.5 days from merge to production, and 18% of CI runs\nfail on a flaky test.\n\n';

ruleTester(rule, {
  valid: [
    strategy(`${diagnosis}## Success metrics\n\n- Median merge-to-production lead time below 1 day by Q2.\n- Flaky CI failure rate below 3% of runs by Q2.\n`),
    { name: 'synonyms: "deploys" measures "lead time"', code: strategy(`${diagnosis}Success metrics:\nhalf of deploys reach production within 4 hours by June\n`) },
    { spellings: true, name: 'no diagnosis, nothing to trace to', code: strategy('## Success metrics\n\n- Ten teams attend the roadshow by June.\n') },
  ],
  invalid: [
    {
      spellings: true,
      name: 'a metric about something the diagnosis never names',
      code: strategy(`${diagnosis}## Success metrics\n\n- Flaky CI failure rate below 3% of runs by Q2.\n- Ten teams attend the platform roadshow by June.\n`),
      errors: [{ messageId: 'untraced', line: 13, column: 3, endLine: 13, endColumn: 50, words: ['Ten teams attend the platform roadshow by June.'] }],
    },
  ],
});
