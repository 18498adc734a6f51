import rule from '../../../src/core/rules/strategy/action-in-anti-scope.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    strategy('## Coherent actions\n\n- Stabilize CI.\n- Standardize service templates.\n\n## Anti-scope\n\n- No Kubernetes upgrade this half.\n'),
    {
      name: 'a shared topic is not a contradiction',
      code: strategy('## Coherent actions\n\n- Standardize service templates so every new service starts with the same deploy pipeline.\n\n## Anti-scope\n\n- No new self-service features until the lead-time target is met.\n'),
    },
    { name: 'no anti-scope', code: strategy('## Coherent actions\n\n- Upgrade Kubernetes.\n') },
    {
      name: 'words of the condition ("until lead time ...") are not what is excluded',
      code: strategy(
        '## Coherent actions\n\n- Standardize service templates so every new service starts with the same build and deploy pipeline, cutting lead time.\n\n## Anti-scope\n\n- We will not upgrade Kubernetes beyond security patches until lead time is below 1 day.\n',
      ),
    },
  ],
  invalid: [
    {
      code: strategy('## Coherent actions\n\n- Stabilize CI.\n- Upgrade Kubernetes to 1.31.\n\n## Anti-scope\n\n- No Kubernetes upgrade this half.\n'),
      errors: [{ messageId: 'contradicts', line: 8, column: 3, endLine: 8, endColumn: 30, words: ['Upgrade', 'Kubernetes'] }],
    },
    {
      name: 'label style, exclusions on one line',
      code: strategy('Coherent actions:\nstabilize CI\nbuild a self-service portal\n\nAnti-scope:\nno Kubernetes upgrade; no self-service portal this half\n'),
      errors: [{ messageId: 'contradicts', line: 7, column: 1, endLine: 7, endColumn: 28, data: { exclusion: 'no self-service portal this half' } }],
    },
  ],
});
