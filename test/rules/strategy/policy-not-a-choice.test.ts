import rule from '../../../src/core/rules/strategy/policy-not-a-choice.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    { name: 'a bound that binds, beside an encouragement', code: strategy('## Guiding policy\n\nEvery squad has an on-call rota of at most six people. Squads are encouraged to share runbooks.\n') },
    { name: 'the case study policy, label style', code: strategy('Guiding policy:\nreduce platform friction before adding new platform features\n') },
    {
      spellings: true,
      name: 'a hard-wrapped policy stays one sentence',
      code: strategy('## Guiding policy\n\nReduce platform friction before adding new platform features: until the deploy lead time\nis under one day, we take on no new platform feature work.\n'),
    },
    {
      spellings: true,
      name: 'a list of mandates (Larson order, Policy heading)',
      code: strategy('## Policy\n\n- All new services use managed Postgres; we will not run self-hosted databases.\n- Schema changes go through the migration bot rather than manual DDL.\n'),
    },
    { spellings: true, name: 'the choice is in the second sentence', code: strategy('## Guiding policy\n\nFocus on the checkout path. Everything else waits until checkout p95 is under 300 ms.\n') },
    { name: 'X over Y', code: strategy('Policy:\nprioritize reliability work over new features\n') },
    { spellings: true, name: 'a list with one goal beside real choices', code: strategy('## Guiding policy\n\n- Reduce friction before adding features.\n- Improve reliability.\n') },
    {
      spellings: true,
      name: 'Rumelt-style binding rules, none with a choice word',
      code: strategy('## Guiding Policy\n\n- Teams are at most nine people, including their manager.\n- Every service has exactly one owning team in the catalogue.\n- Each team runs its own on-call rotation.\n'),
    },
    {
      spellings: true,
      name: 'references to policies already in force',
      code: strategy('## Guiding policy\n\n* New vendors are onboarded per the existing procurement policy.\n* Data stays in the EU, as set out in our data-residency standard.\n'),
    },
    { spellings: true, name: 'a cost borne by whoever leaves the paved road', code: strategy('## Guiding policy\n\nGrow adoption of the paved road; teams may leave it at their own cost.\n') },
    { spellings: true, name: 'a framing that is neither goal nor choice is left alone', code: strategy('## Guiding policy\n\nThe platform is a product, and product engineers are its customers.\n') },
    { spellings: true, name: 'no kind, no rule', code: '## Guiding policy\n\nImprove reliability.\n' },
    { spellings: true, name: 'no policy section', code: strategy('## Diagnosis\n\nLead time is 3.5 days.\n') },
    { name: 'balance, with what gives way', code: strategy('## Guiding policy\n\nBalance safety and delivery by putting interlocking renewals before any new digital scope.\n') },
    { spellings: true, name: 'a binding rule beside an even-handed aside', code: strategy('## Guiding policy\n\n- Every renewal goes through the joint resource plan.\n- We keep a healthy balance across our programmes.\n') },
  ],
  invalid: [
    {
      name: 'targets, then a bound that only encourages ("every squad is invited to ...")',
      code: strategy('## Guiding policy\n\nWe want to improve uptime to 99.9% this year. Every squad is invited to bear uptime and speed in mind when planning.\n'),
      errors: [{ messageId: 'goal', line: 7, column: 1, endLine: 7, endColumn: 46, words: ['want to', 'improve', '99.9%'] }],
    },
    {
      name: 'a slogan',
      code: strategy('Guiding policy:\nbe world-class\n'),
      errors: [{ messageId: 'goal', line: 6, column: 1, endLine: 6, endColumn: 15, words: ['be world-class'] }],
    },
    {
      spellings: true,
      name: 'prose: the first sentence stands for the paragraph',
      code: strategy('## Guiding policy\n\nImprove reliability. Teams will be happier.\n'),
      errors: [{ messageId: 'goal', line: 7, column: 1, endLine: 7, endColumn: 21, data: { policy: 'Improve reliability.', words: '`Improve`' } }],
    },
    {
      spellings: true,
      name: '"over the next year" is a time, not a tradeoff',
      code: strategy('## Guiding policy\n\nGrow revenue 20% over the next year.\n'),
      errors: [{ messageId: 'goal', line: 7, column: 1, endLine: 7, endColumn: 37 }],
    },
    {
      spellings: true,
      name: 'a list of goals is reported once, on its first goal',
      code: strategy('## Guiding Policy\n\n1. Improve reliability of the checkout flow.\n2. Increase deploy frequency.\n3. Become the best-in-class payments team.\n'),
      errors: [{ messageId: 'goal', line: 7, column: 4, endLine: 7, endColumn: 45, words: ['Improve', 'Increase', 'Become the best-in-class'] }],
    },
    {
      name: 'slogans in other words',
      code: strategy('Guiding policy:\nDouble down on observability and ship faster.\n'),
      errors: [{ messageId: 'goal', line: 6, column: 1, endLine: 6, endColumn: 46, words: ['Double down on', 'ship faster'] }],
    },
    {
      name: 'a target with a bound inside it is still a target',
      code: strategy('**Guiding policy:** Achieve 99.9% availability for every tier-1 service by the end of Q3.\n'),
      errors: [{ messageId: 'goal', line: 5, column: 21, endLine: 5, endColumn: 90, words: ['Achieve', '99.9%'] }],
    },
    {
      name: 'a modal before a goal is still a goal',
      code: strategy('Guiding policy:\nWe must improve reliability and developer experience.\n'),
      errors: [{ messageId: 'goal', line: 6, column: 1, endLine: 6, endColumn: 54 }],
    },
    {
      spellings: true,
      name: 'equal focus, each given its share',
      code: strategy('## Guiding policy\n\nThe team will maintain an equal focus on safety, cost and modernisation, ensuring that each receives the attention it deserves.\n'),
      errors: [{ messageId: 'goal', line: 7, column: 1, endLine: 7, endColumn: 128, words: ['equal focus', 'focus on', 'each receives the attention'] }],
    },
    {
      name: 'aspirations and values, British',
      code: strategy('**Guiding policy:** We aspire to be the organisation engineers want to join. We value craft, openness and pace across all fronts.\n'),
      errors: [{ messageId: 'goal', line: 5, column: 21, endLine: 5, endColumn: 77, words: ['aspire to', 'want to', 'We value', 'across all fronts'] }],
    },
  ],
});
