import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rule from '../../../src/core/rules/summary/decision-not-first.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const examples = join(import.meta.dirname, '../../fixtures/examples');
const fm = '---\nkind: exec-summary\naudience: executive\n---\n\n';

ruleTester(rule, {
  valid: [
    { name: 'ask-first prose without a Decision section', code: `${fm}Please approve six new testers, at $4.2M, by 31 May. The line ramps from 1.1 to 2.4 million units a month and test is the bottleneck.\n` },
    { name: 'an Ask section at the end is where the ask belongs', code: `${fm}## Reason\n\nTest becomes the bottleneck from August, when the line doubles.\n\n## Ask\n\nPlease confirm the on-call rota by Friday.\n` },
    { name: 'the module example, `Label:` lines', code: readFileSync(join(examples, 'good/launch-delay-exec.md'), 'utf8') },
    {
      name: 'a title heading above the Decision section',
      code: `${fm}# Payments launch\n\n## Decision\n\nDelay the launch two weeks.\n\n## Background\n\nThe payments team spent three weeks testing the retry path against timeouts.\n`,
      spellings: true,
    },
    { name: 'risk-first (the tradeoff table accepts it)', code: `${fm}Risk if ignored:\nCustomers can be charged twice on a processor timeout.\n\nDecision:\nDelay the payments launch two weeks, to 14 May.\n` },
    { name: 'ask-first (the tradeoff table accepts it)', code: `${fm}## Ask\n\nApprove a two-week delay by Friday.\n\n## Decision\n\nDelay the payments launch two weeks, to 14 May.\n`, spellings: true },
    {
      name: 'memo header fields and an ADR-style status above the decision',
      code: `${fm}To: VP Engineering\nFrom: Payments team\n\n## Status\n\nProposed, for the 3 May review.\n\n## Decision\n\nDelay the launch two weeks.\n`,
      spellings: true,
    },
    { name: 'a short caption above the decision', code: `${fm}# Launch\n\nSummary for the payments sync.\n\nDecision:\nDelay the launch two weeks.\n` },
    { name: 'prose that opens with the decision', code: `${fm}**Decision:** Delay the payments launch two weeks, to 14 May.\n\nThe retry path can charge twice on a timeout. We will add idempotency keys.\n` },
    { name: 'prose: first sentence is the recommendation', code: `${fm}We recommend delaying the launch two weeks. The retry path can charge twice.\n` },
    {
      name: 'a pointer to the full design and a note on the readers, then the Decision heading',
      code: `${fm}# Ledger cutover: summary for payments engineers\n\nFull design: [ledger-migration.md](https://git.example.com/design/ledger-migration.md).\nThis is the short version, for engineers on the payouts and treasury teams.\n\n## Decision\n\nWe move the ledger to PostgreSQL on 9 March.\n`,
    },
    {
      name: 'the same pointer as a `Context` section of one link, then a `Decision:` label',
      code: `${fm}Context:\nSee the full design in [RFC-112](https://example.com/rfc-112) for the numbers.\n\nDecision:\nFrom 1 July every team gets a GPU quota.\n`,
    },
    {
      name: 'the same pointer above a bolded decision line',
      code: `${fm}_Longer version: [the design doc](https://example.com/d)._\n\n**Decision:** From 1 July every team gets a GPU quota.\n`,
    },
    { name: "prose with no decision at all is activity-not-decision's finding", code: `${fm}We evaluated reliability concerns. We discussed timeouts.\n` },
  ],
  invalid: [
    {
      name: 'no Decision section: the request that carries the decision closes a long background',
      code: `${fm}## Background\n\nThe line ramps from 1.1 to 2.4 million units a month. Test runs on 38 testers. Utilisation has been above 90% since February. Given the lead time, we need the committee to approve six new testers, at $4.2M, by 31 May.\n\n## Reason\n\nTest becomes the bottleneck from August.\n`,
      errors: [{ messageId: 'buriedSentence', line: 8, column: 127, endLine: 8, endColumn: 218 }],
    },
    {
      name: 'a Background section before the Decision',
      code: `${fm}Background:\nThe payments team spent three weeks testing the retry path against processor timeouts.\n\nDecision:\nDelay the payments launch two weeks, to 14 May.\n`,
      errors: [{ messageId: 'afterSection', line: 9, column: 1, endLine: 9, endColumn: 10, data: { before: 'Background' } }],
    },
    {
      name: 'headings: Context, then Decision',
      code: `${fm}# Reliability review\n\n## Context\n\nThe payments team spent three weeks testing the retry path.\n\n## Decision\n\nDelay the launch.\n`,
      errors: [{ messageId: 'afterSection', line: 12, column: 4, endLine: 12, endColumn: 12 }],
    },
    {
      name: 'a paragraph of background under the title, before the `Decision:` label',
      code: `${fm}# Payments launch\n\nThis note follows the reliability review that the payments team ran over the last three weeks.\n\nDecision:\nDelay the launch two weeks.\n`,
      errors: [{ messageId: 'afterProse', line: 10, column: 1, endLine: 10, endColumn: 10, data: { words: 16, before: 'This note follows the reliability revie…' } }],
    },
    {
      name: 'two paragraphs of background under the title, then a bolded decision (a link line first does not excuse them)',
      code: `${fm}# GPU quotas\n\nFull design: [RFC-112](https://example.com/rfc-112).\n\nIf you trained a model lately you probably waited. The cluster has 256 GPUs and jobs run in order.\n\nOver two months the platform team looked at who waits and for how long.\n\n**Decision:** From 1 July every team gets a quota.\n`,
      errors: [{ messageId: 'afterProse', line: 14, column: 3, endLine: 14, endColumn: 14, data: { words: 33, before: 'If you trained a model lately you proba…' } }],
    },
    {
      name: 'prose: the recommendation is the second sentence',
      code: `${fm}Over the last three weeks the payments team tested the retry path against timeouts.\nWe recommend delaying the launch two weeks, to 14 May.\n`,
      errors: [{ messageId: 'buriedSentence', line: 7, column: 1, endLine: 7, endColumn: 55 }],
    },
    {
      name: 'a Decision section whose first sentence is background',
      code: `${fm}## Decision\n\nThe retry path can charge a customer twice. Timeouts are common at launch volume. We will delay the launch two weeks.\n`,
      errors: [{ messageId: 'buriedSentence', line: 8, column: 83, endLine: 8, endColumn: 118, data: { decision: 'We will delay the launch two weeks.', before: '2 sentences of background' } }],
    },
  ],
});

// A decision stated first in other forms: an opening summary section that recommends, or opening lines that say it.
ruleTester(rule, {
  valid: [
    {
      name: 'an executive summary that recommends, before a longer recommendations section',
      code: `${fm}## Executive summary\n\nResearch on five specifications found a well-understood problem. The working group should proceed with a new specification.\n\n## Purpose and scope\n\nThis report covers the existing specifications and earlier attempts at one.\n\n## Recommendations\n\n- Create a new specification for application dependencies.\n`,
    },
    {
      name: 'opening lines that state the decision beside a status badge',
      code: `${fm}> ![Status: Accepted](https://example.org/badge.svg) The slate of twelve goals has been **accepted** for the second half of the year, as the council agreed.\n\n# Summary\n\nPropose a slate of twelve goals.\n`,
    },
  ],
  invalid: [
    {
      name: 'an opening section that only says the team should keep looking is background',
      code: `${fm}## Overview\n\nWe spent a month on the retry path. The team should look into the processor timeouts further.\n\n## Decision\n\nDelay the launch two weeks.\n`,
      errors: [{ messageId: 'afterSection', line: 10, column: 4, endLine: 10, endColumn: 12 }],
    },
  ],
});
