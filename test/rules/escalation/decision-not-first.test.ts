import rule from '../../../src/core/rules/escalation/decision-not-first.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const brief = (body: string) => `---\nkind: escalation\n---\n\n${body}`;
const history =
  'The migration has been going on for months. Team B has been slow on reviews and the timeline slipped twice. We raised it at three syncs. Product keeps asking us when it will be done and we have no answer. Meanwhile partners are asking about v1 and nobody knows who owns it. We also tried to find a shared owner in the guild but that went nowhere.';

ruleTester(rule, {
  valid: [
    {
      name: 'an email: header fields, a greeting, then the ask',
      code: brief(
        'Subject: Inventory sync owner\nFrom: Tomasz and Abena\nTo: Claire, Director of Store Systems\n\nClaire,\n\nWe need you to decide who owns the nightly sync while stores move to the new tills, by Thursday.\n\n**What we both agree on**\n\n- 35 stores a week.\n\n**Options**\n\n1. Inventory owns it.\n2. POS Platform owns it.\n\n**Decision needed:** who owns the sync?\n',
      ),
    },
    {
      name: 'a subject line that asks',
      code: brief('Subject: Decision by Friday: who owns the sync during the upgrade?\nFrom: Abena\n\n**Background**\n\nThe rollout starts in January.\n\n**Decision needed:** who owns the sync?\n'),
    },
    {
      name: 'a bold BLUF ask field with a parenthesis',
      code: brief('**Ask (BLUF):** Dr Hale, please decide by 18 December how long raw output stays hot.\n\n## Situation\n\nThe cluster is 84% full.\n\n## The question for you\n\nHow long should raw output stay hot?\n'),
    },
    brief('Decision needed:\nWho owns v1 compatibility?\n\nBackground:\nThe v2 migration started in January.\n'),
    { spellings: true, name: 'a title and a short intro first', code: brief('# Owner for v1\n\nOne decision, below.\n\n## Decision needed\n\nWho owns v1?\n\n## Context\n\n14 consumers.\n') },
    { name: 'a long intro that leads with the ask', code: brief(`# Owner for v1\n\nThis brief asks the VP of Engineering to choose an owner for v1 by 1 March. ${history}\n\nDecision needed:\nWho owns v1 compatibility?\n`) },
    { name: 'no decision section and no ask: required-section reports it', code: brief('Background:\nThe v2 migration started in January.\n') },
    {
      spellings: true,
      name: 'a TL;DR up front states the ask, then a timeline',
      code: brief('## TL;DR\n\nWe need the VP of Engineering to choose an owner for v1 by 1 March.\n\n## Background\n\nThe v2 migration started in January.\n\n## Decision needed\n\nWho owns v1?\n'),
    },
    {
      name: 'an opening line that asks, before a history section',
      code: brief('Please decide by Friday whether Payments or SRE carries the pager.\n\n## Background\n\nTwo incidents in February.\n\n## Decision needed\n\nWho carries it?\n'),
    },
    { name: 'a title that is the question', code: brief('# Who should own v1 compatibility?\n\n## Background\n\nThe v2 migration started in January.\n\n## Decision needed\n\nWho owns v1?\n') },
    { name: 'a decision section that says none is a misread heading', code: brief(`${history}\n\n## Infrastructure requests\n\n- None\n`) },
    { name: 'prose that asks early', code: brief(`Could the CTO decide by 1 May who owns v1? ${history}\n`) },
    { name: 'prose with a short lead-in before the ask', code: brief('Scratch is 93% full. It would be good to get a decision from the Head of Research Computing by June.\n') },
  ],
  invalid: [
    {
      name: 'header fields and a greeting, then history before the decision',
      code: brief(`From: Tomasz\nTo: Claire\n\nHi Claire,\n\n${history}\n\n**Background**\n\nThe rollout starts in January.\n\n**Decision needed:** who owns the sync?\n`),
      errors: [{ messageId: 'background', line: 12, column: 3, endLine: 12, endColumn: 15 }],
    },
    {
      name: 'a Background section first',
      code: brief('Background:\nThe v2 migration started in January.\n\nDecision needed:\nWho owns v1 compatibility?\n'),
      errors: [{ messageId: 'background', line: 5, column: 1, endLine: 5, endColumn: 12, words: ['Background'] }],
    },
    {
      spellings: true,
      name: 'options before the question',
      code: brief('# Ownership of v1\n\n## Options\n\n- A\n- B\n\n## Decision needed\n\nWho owns v1?\n'),
      errors: [{ messageId: 'background', line: 7, column: 4, endLine: 7, endColumn: 11, words: ['Options'] }],
    },
    {
      name: 'paragraphs of history before the decision',
      code: brief(`${history}\n\nDecision needed:\nWho owns v1 compatibility?\n`),
      errors: [{ messageId: 'preamble', line: 5, column: 1, endLine: 5, endColumn: 44, data: { count: 67, decision: 'Decision needed' } }],
    },
    {
      name: 'a prose brief whose ask comes last',
      code: brief(`# v1 compatibility\n\n${history}\n\n1. Team A owns an adapter.\n2. Team B keeps dual support.\n\nWe would appreciate a steer from the VP of Engineering by 1 March.\n`),
      errors: [
        {
          messageId: 'buried',
          line: 12,
          column: 1,
          endLine: 12,
          endColumn: 67,
          data: { count: 79, words: 'We would appreciate a steer from the VP of Engineering by 1…' },
          words: ['We would appreciate a steer from the VP of Engineering by 1 March.'],
        },
      ],
    },
    {
      name: 'a summary section that does not ask is no opening ask',
      code: brief('## Summary\n\nTwo teams disagree about v1.\n\n## Background\n\nThe v2 migration started in January.\n\n## Decision needed\n\nWho owns v1?\n'),
      errors: [{ messageId: 'background', line: 9, column: 4, endLine: 9, endColumn: 14, words: ['Background'] }],
    },
  ],
});
