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
      name: 'projects as a quarter-by-quarter table with ongoing rows, under a heading the kind does not name',
      code: strategy('# Retail platform strategy 2026\n\n## What we will focus on\n\n| When | Project | Team |\n|---|---|---|\n| H1 | Modern tills | Stores |\n| Ongoing | Payments hardening | Platform |\n'),
      errors: [{ messageId: 'roadmap', line: 11, column: 8, endLine: 12, endColumn: 31, words: ['Modern tills', 'Payments hardening'] }],
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

// What counts as a project: an item led by an action (a command, a deliverable's name, a
// commitment), not a goal stated as a property, a prediction or a statement of how things are.
ruleTester(rule, {
  valid: [
    {
      name: 'goal statements under an actions heading are not projects',
      code: strategy('# Search vision\n\n## Coherent actions\n\nThe index should be easy to rebuild.\nCurrently, there are four manual steps in a rebuild.\nThere will naturally be follow-up work once the schema lands.\n'),
    },
    {
      name: 'properties and predictions in a list',
      code: strategy('# Billing platform 2027\n\n- Invoices should be correct first time\n- Billing will be simpler for finance\n- There will be more tenants next year\n- Today, a rerun takes two days\n'),
    },
    {
      name: 'a list that follows its own reasoning (a diagnosis in other words)',
      code: strategy(
        '# Storage vision\n\n## Scaling past one region\n\nOur replication is reliable, but its storage engine is not.\nCustomers with large tenants hit the 8 GB ceiling every quarter.\nSupport tickets about it doubled since March.\n\nHow?\n- Pluggable storage layer\n- Larger page cache\n- Hybrid clusters with read replicas\n',
      ),
    },
    {
      name: 'bold lead-ins ending in a colon, with their steps nested',
      code: strategy('# Testing guide\n\nConsider this approach:\n\n1. **Periodic jobs:**\n    - Run the slow suites every six hours.\n2. **Non-blocking presubmits:**\n    - Run them only when the owned folders change.\n'),
    },
    { name: 'links are references outside a roadmap', code: strategy('# Platform strategy\n\n- [Overhaul proposal](https://example.org/p)\n- [Mocks](https://example.org/m)\n') },
  ],
  invalid: [
    {
      name: 'a document titled a roadmap whose items are linked tasks',
      code: strategy('# Docs roadmap\n\nWe are planning a site overhaul.\n\n- [Overhaul proposal](https://example.org/p)\n- [Mocks](https://example.org/m)\n- [API reference improvements](https://example.org/i/12)\n'),
      errors: [{ messageId: 'roadmap', line: 9, column: 4, endLine: 11, endColumn: 30, words: ['Overhaul proposal', 'Mocks', 'API reference improvements'] }],
    },
    {
      name: 'commitments, one per item',
      code: strategy("# Ledger plan 2026\n\n- We will move the ledger to the event bus by Q2.\n- The data team will retire the nightly batch in Q3.\n- We'll launch a self-serve portal for merchants.\n"),
      errors: [{ messageId: 'roadmap', line: 7, column: 3, endLine: 9, endColumn: 50 }],
    },
    {
      name: 'a table of initiatives with the quarter in its last column',
      code: strategy('# Payroll strategy FY26\n\n| Pillar | Initiative | Squad | Quarter |\n|---|---|---|---|\n| Modernise | Retire the batch scheduler | Platform | Q2 |\n| Scale | Bulk import v2 | Onboarding | Q3 to Q4 |\n'),
      errors: [{ messageId: 'roadmap', line: 9, column: 15, endLine: 10, endColumn: 25, words: ['Retire the batch scheduler', 'Bulk import v2'] }],
    },
    {
      name: 'a table with the years across its header',
      code: strategy('# Data platform strategy\n\n| Priority | 2026 | 2027 |\n|---|---|---|\n| Cloud migration | Surveys | Census |\n| Data catalogue | Procure | Roll out |\n'),
      errors: [{ messageId: 'roadmap', line: 9, column: 3, endLine: 10, endColumn: 17, words: ['Cloud migration', 'Data catalogue'] }],
    },
  ],
});
