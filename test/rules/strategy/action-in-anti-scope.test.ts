import rule from '../../../src/core/rules/strategy/action-in-anti-scope.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    {
      name: 'the exception an exclusion names is allowed work ("..., apart from the two pairing sessions")',
      code: strategy(
        '## Coherent actions\n\n- Move the mobile teams to the shared release train, with two pairing sessions for the teams furthest behind.\n\n## Anti-scope\n\n- No platform engineers embedded in product teams, apart from the two pairing sessions.\n- Nothing beyond the release train this half: other tooling requests wait.\n',
      ),
    },
    strategy('## Coherent actions\n\n- Stabilize CI.\n- Standardize service templates.\n\n## Anti-scope\n\n- No Kubernetes upgrade this half.\n'),
    {
      spellings: true,
      name: 'a shared topic is not a contradiction',
      code: strategy('## Coherent actions\n\n- Standardize service templates so every new service starts with the same deploy pipeline.\n\n## Anti-scope\n\n- No new self-service features until the lead-time target is met.\n'),
    },
    { spellings: true, name: 'no anti-scope', code: strategy('## Coherent actions\n\n- Upgrade Kubernetes.\n') },
    {
      spellings: true,
      name: 'words of the condition ("until lead time ...") are not what is excluded',
      code: strategy(
        '## Coherent actions\n\n- Standardize service templates so every new service starts with the same build and deploy pipeline, cutting lead time.\n\n## Anti-scope\n\n- We will not upgrade Kubernetes beyond security patches until lead time is below 1 day.\n',
      ),
    },
    {
      spellings: true,
      name: 'an action that itself defers the excluded work agrees with the anti-scope',
      code: strategy('## Coherent actions\n\n- Do not migrate the reporting database this year.\n\n## Anti-scope\n\n- No migration of the reporting database.\n'),
    },
    {
      spellings: true,
      name: 'the explanation after an exclusion is not excluded',
      code: strategy(
        '## Coherent actions\n\n1. Move the batch scoring jobs for the twelve teams to micro-batch pipelines.\n\n## Out of scope\n\n- A streaming feature store. Batch and micro-batch pipelines cover twelve of the fourteen teams.\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'an action the exclusion names before its exception',
      code: strategy('## Coherent actions\n\n- Upgrade Kubernetes to 1.31.\n\n## Anti-scope\n\n- No Kubernetes upgrade this half, except for security patches.\n'),
      errors: [{ messageId: 'contradicts', line: 7, column: 3, endLine: 7, endColumn: 30, words: ['Upgrade', 'Kubernetes'] }],
    },
    {
      code: strategy('## Coherent actions\n\n- Stabilize CI.\n- Upgrade Kubernetes to 1.31.\n\n## Anti-scope\n\n- No Kubernetes upgrade this half.\n'),
      errors: [{ messageId: 'contradicts', line: 8, column: 3, endLine: 8, endColumn: 30, words: ['Upgrade', 'Kubernetes'] }],
    },
    {
      spellings: true,
      name: 'the same work in other word forms (verb and noun, hyphen and space)',
      code: strategy(
        "## What we'll do\n\n1. Bring up the rev E controller board for the Japanese SKU\n   so it reaches certification in Q4.\n\n## Anti-scope\n\n* Board bring-up waits for the unified image. New hardware is not the bottleneck.\n",
      ),
      errors: [{ messageId: 'contradicts', line: 7, column: 4, endLine: 8, endColumn: 38, words: ['Bring', 'board'] }],
    },
    {
      spellings: true,
      name: 'several actions against one exclusion are one finding',
      code: strategy('## Coherent actions\n\n- Build the developer portal MVP.\n- Launch the developer portal to all teams.\n\n## Anti-scope\n\n- No developer portal this year.\n'),
      errors: [{ messageId: 'contradicts', line: 7, column: 3, endLine: 7, endColumn: 34, words: ['developer', 'portal'] }],
    },
    {
      name: 'a second sentence of an exclusion that defers something',
      code: strategy('**Coherent actions:** Migrating the billing service to Postgres in Q2.\n\n**Anti-scope:** No new databases. The billing migration stays on hold until the audit closes.\n'),
      errors: [{ messageId: 'contradicts', line: 5, column: 23, endLine: 5, endColumn: 71, words: ['Migrating', 'billing'] }],
    },
    {
      name: 'label style, exclusions on one line',
      code: strategy('Coherent actions:\nstabilize CI\nbuild a self-service portal\n\nAnti-scope:\nno Kubernetes upgrade; no self-service portal this half\n'),
      errors: [{ messageId: 'contradicts', line: 7, column: 1, endLine: 7, endColumn: 28, data: { action: 'build a self-service portal', exclusion: 'no self-service portal this half', words: '`self-service`, `portal`' } }],
    },
  ],
});
