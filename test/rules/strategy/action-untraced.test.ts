import rule from '../../../src/core/rules/strategy/action-untraced.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;
const spine = 'Diagnosis:\ndeploy lead time and test flakiness block product teams\n\nGuiding policy:\nreduce platform friction before adding new platform features\n\n';

ruleTester(rule, {
  valid: [
    { name: 'the case study spine, label style', code: strategy(`${spine}Coherent actions:\nstabilize CI\nstandardize service templates\ncreate ownership dashboard\n`) },
    {
      spellings: true,
      name: 'Larson order, Operations heading',
      code: strategy(
        '## Policy\n\nAll schema changes go through the migration bot rather than manual DDL.\n\n## Operations\n\n- The migration bot rejects raw DDL.\n\n## Diagnosis\n\nThree Sev-1 incidents came from manual schema changes.\n',
      ),
    },
    { spellings: true, name: 'no diagnosis or policy: roadmap-not-strategy, not this rule', code: strategy('## Coherent actions\n\n- Upgrade Kubernetes\n') },
  ],
  invalid: [
    {
      name: 'a roadmap item among coherent actions',
      code: strategy(`${spine}Coherent actions:\nstabilize CI\nupgrade Kubernetes\n`),
      errors: [{ messageId: 'untraced', line: 13, column: 1, endLine: 13, endColumn: 19, words: ['upgrade Kubernetes'] }],
    },
    {
      spellings: true,
      name: 'generic verbs shared with the policy do not trace',
      code: strategy(
        '## Diagnosis\n\nCustomers wait 9 seconds for search results.\n\n## Guiding policy\n\nReduce search latency before adding new ranking features.\n\n## Actions\n\n1. Cache the top 1000 queries.\n2. Reduce office costs.\n',
      ),
      errors: [{ messageId: 'untraced', line: 16, column: 4, endLine: 16, endColumn: 24, data: { action: 'Reduce office costs.' } }],
    },
  ],
});
