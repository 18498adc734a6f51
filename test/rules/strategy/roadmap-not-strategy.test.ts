import rule from '../../../src/core/rules/strategy/roadmap-not-strategy.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    {
      name: 'commands under a diagnosis are actions',
      code: strategy('## Diagnosis\n\nLedger writes time out at month end.\n\n1. Migrate the ledger service to the new event bus by the end of Q2.\n2. Replace the batch reconciler with streaming reconciliation in Q3.\n'),
    },
    strategy('## Diagnosis\n\nLead time is 3.5 days.\n\n## Coherent actions\n\n- Stabilize CI\n- Migrate CI\n'),
    strategy('Guiding policy:\nreduce friction before features\n\nCoherent actions:\n- stabilize CI\n'),
    { name: 'not a strategy', code: '# Plan\n\n- Migrate CI\n- Upgrade Kubernetes\n' },
    { name: 'a strategy with no list yet', code: strategy('# Platform strategy\n\nTBD.\n') },
    { name: 'bold-led paragraphs that are the spine', code: strategy('# Payments strategy\n\n**Diagnosis.** Checkout fails 2% of payments at peak.\n\n**Guiding policy.** Reliability before new payment methods.\n') },
    {
      name: 'a timeline table under a diagnosis and policy',
      code: strategy('## Diagnosis\n\nTills crash daily.\n\n## Guiding policy\n\nReplace before extending.\n\n| Quarter | Deliverable |\n|---|---|\n| Q1 | Modern tills |\n| Q2 | Offline mode |\n'),
    },
    { name: 'one bold paragraph is not a list of projects', code: strategy('# Store strategy\n\n**Modern tills.** Replace the 2009 tills in every store.\n') },
    { name: 'a table that is not a timeline', code: strategy('# Store strategy\n\n| Store | Tills |\n|---|---|\n| Leeds | 12 |\n| York | 8 |\n') },
  ],
  invalid: [
    {
      name: 'a numbered list of longer initiatives',
      code: strategy(
        '# Payments strategy 2026\n\n1. Migrate the ledger service to the new event bus by the end of Q2.\n2. Replace the batch reconciler with streaming reconciliation in Q3.\n3. Launch a self-serve onboarding portal for merchants.\n',
      ),
      errors: [{ messageId: 'roadmap', line: 7, column: 4, endLine: 9, endColumn: 56 }],
    },
    {
      name: 'projects as bold-led paragraphs',
      code: strategy(
        '# Retail platform strategy 2026\n\n**Modern tills.** Replace the 2009 tills in every store.\n\n**Q2 \u2014 migrate CI.** Move the last Jenkins jobs to Actions.\n\n**Loyalty app v2.** Rebuild the app on the new API.\n',
      ),
      errors: [{ messageId: 'roadmap', line: 7, column: 3, endLine: 11, endColumn: 17, words: ['Modern tills', 'migrate CI', 'Loyalty app v2'] }],
    },
    {
      name: 'projects as a quarter-by-quarter table',
      code: strategy('# Retail platform strategy 2026\n\n| Quarter | Deliverable | Owner |\n|---|---|---|\n| Q1 | Modern tills | Stores |\n| Q2 | Offline mode | Stores |\n| H2 | Loyalty app v2 | Digital |\n'),
      errors: [{ messageId: 'roadmap', line: 9, column: 8, endLine: 11, endColumn: 22, words: ['Modern tills', 'Offline mode', 'Loyalty app v2'] }],
    },
    {
      name: 'the case study roadmap',
      code: strategy('# Platform strategy\n\n- Migrate CI\n- Improve observability\n- Reduce build times\n- Upgrade Kubernetes\n'),
      errors: [{ messageId: 'roadmap', line: 7, column: 3, endLine: 10, endColumn: 21, words: ['Migrate CI', 'Improve observability', 'Reduce build times', 'Upgrade Kubernetes'] }],
    },
    {
      spellings: true,
      name: 'empty diagnosis and policy headings do not count',
      code: strategy('## Diagnosis\n\n## Guiding policy\n\n## Coherent actions\n\n1. Migrate CI\n2. Upgrade Kubernetes\n'),
      errors: [{ messageId: 'roadmap', line: 11, column: 4, endLine: 12, endColumn: 22, data: { projects: '`Migrate CI`, `Upgrade Kubernetes`' } }],
    },
  ],
});

ruleTester(rule, {
  valid: [
    { spellings: true, name: 'a strategy whose only list is its metrics', code: strategy('# Platform strategy\n\n## Success metrics\n\n- Lead time below 1 day by Q2\n- Flaky rate below 3% by Q2\n') },
    { name: 'links and key-value lines are not projects', code: strategy('# Platform strategy\n\n- Owner: platform team\n- Status: draft\n\n- [RFC 12](rfc-12.md)\n- [RFC 13](rfc-13.md)\n') },
  ],
  invalid: [
    {
      name: 'a roadmap as one project per line under a label',
      code: strategy('Coherent actions:\nmigrate CI\nimprove observability\nreduce build times\nupgrade Kubernetes\n'),
      errors: [{ messageId: 'roadmap', line: 6, column: 1, endLine: 9, endColumn: 19, words: ['migrate CI', 'improve observability', 'reduce build times', 'upgrade Kubernetes'] }],
    },
    {
      name: 'one project per line under some other label',
      code: strategy('# Platform strategy\n\nOur plan for the year:\nMigrate CI\nUpgrade Kubernetes\n'),
      errors: [{ messageId: 'roadmap', line: 8, column: 1, endLine: 9, endColumn: 19 }],
    },
    {
      name: 'a slide outline: numbered bold slide titles',
      code: '# Platform strategy 2027\n\n**Slide 1: Key initiatives**\n- New build farm\n- Store rework\n- Telemetry v3\n- Crash reporting everywhere\n\n---\n\n**Slide 2: How we will measure success**\n- Better retention\n',
      errors: [{ messageId: 'roadmap', line: 4, column: 3, endLine: 7, endColumn: 29 }],
    },
  ],
});
