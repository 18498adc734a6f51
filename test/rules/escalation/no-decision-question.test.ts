import rule from '../../../src/core/rules/escalation/no-decision-question.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const brief = (body: string) => `---\nkind: escalation\n---\n\n${body}`;

const brief2 = (body: string) => `---\nkind: escalation\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    {
      name: 'the opening asks; a later heading only mentions the decision',
      code: brief2(
        'Claire,\n\nWe need you to decide who owns the nightly sync during the upgrade, by Thursday.\n\n**Options**\n\n1. Inventory owns it.\n2. POS Platform owns it.\n\n**Who is affected by the decision**\n\n| Group | Change |\n|---|---|\n| Inventory | owns the rewrite |\n',
      ),
    },
    { name: 'a how-much question is a choice', code: brief('Decision needed:\nHow many engineers should platform lend to the migration this quarter?\n') },
    { name: 'a how-question that names the alternatives', code: brief('Decision needed:\nHow should we staff on-call: a shared rota or one per team?\n') },
    brief('Decision needed:\nWho owns v1 compatibility during the v2 migration?\n'),
    { spellings: true, name: 'a real question next to a plea', code: brief('## Decision needed\n\nWho owns v1 compatibility? Thoughts welcome.\n') },
    { name: 'an approval ask as a field', code: brief('Decision needed: approve option 2 by Friday.\n') },
    { name: 'a choice without a question mark', code: brief('Decision needed:\nShould team A or team B own the adapter\n') },
    { name: "an empty section is empty-section's finding", code: brief('Decision needed:\n\nFacts:\nv1 has 14 consumers.\n') },
    {
      spellings: true,
      name: 'a yes/no question after context',
      code: brief('## Decision needed\n\nThe nightly job was interrupted on 9 of 30 nights. Should Recommendations get a dedicated GPU pool now, or wait for the shared scheduler in Q3?\n'),
    },
    { name: 'a choice stated as a need', code: brief('**Decision needed:** we need you to decide whether the tracing migration keeps Jaeger until June.\n') },
    { name: 'a plea that still names the choice', code: brief('Decision needed:\nWhat should we do: keep v1 alive or drop it on 1 May?\n') },
    { name: 'a decision section that says none', code: brief('## Infrastructure requests\n\n- None\n') },
    { name: 'no section, but the prose asks a question', code: brief('Two teams disagree about v1. Should team A or team B own the adapter?\n') },
    { name: 'no section, but the prose makes a request', code: brief('Two teams disagree about the pager. We would like you to pick an owner by Friday.\n') },
    { name: 'no section, an imperative ask', code: brief('The ledger pager moved twice in February. Settle the rota for April with both leads.\n') },
    { name: 'no section, a steer sought', code: brief('Scratch is full again. It would be good to get a steer from the Head of Research Computing.\n') },
  ],
  invalid: [
    {
      name: 'the opening describes, the decision section is a topic',
      code: brief2('Claire,\n\nThe nightly sync has been failing since the upgrade started in November.\n\n**Decision needed**\n\nThe nightly sync during the upgrade.\n\n**Options**\n\n1. Inventory owns it.\n2. POS Platform owns it.\n'),
      errors: [{ messageId: 'noQuestion', line: 11, column: 1, endLine: 11, endColumn: 37 }],
    },
    {
      name: 'a dispute described politely, no ask anywhere',
      code: brief(
        '# Search index\n\nThe index has been a point of friction between Discovery and Platform for two quarters. We are still waiting on them despite several reminders.\n\n- Reindexing takes 14 hours.\n- It failed twice in March.\n',
      ),
      errors: [{ messageId: 'noAsk', line: 7, column: 1, endLine: 7, endColumn: 88 }],
    },
    {
      name: 'a history with options but nobody asked',
      code: brief('The pager for the ledger has moved between Payments and SRE three times this year.\n\n1. Payments carries it.\n2. SRE carries it.\n'),
      errors: [{ messageId: 'noAsk', line: 5, column: 1, endLine: 5, endColumn: 83 }],
    },
    {
      spellings: true,
      name: 'an open how-question and views welcome',
      code: brief('## Decision needed\n\nHow do we want to think about ownership of the index going forward? Views welcome.\n'),
      errors: [{ messageId: 'plea', line: 7, column: 1, endLine: 7, endColumn: 30, words: ['How do we want to think about', 'Views welcome'] }],
    },
    {
      name: 'an open how-question alone',
      code: brief('Decision needed:\nHow should staging work from now on?\n'),
      errors: [{ messageId: 'plea', line: 6, column: 1, endLine: 6, endColumn: 37 }],
    },
    {
      spellings: true,
      name: 'how should we proceed with X, any guidance appreciated',
      code: brief('## Decision needed\n\nHow should we proceed with the XML signature-wrapping vulnerability in `saml-kit`? Any guidance appreciated.\n'),
      errors: [{ messageId: 'plea', line: 7, column: 1, endLine: 7, endColumn: 22, words: ['How should we proceed', 'Any guidance'] }],
    },
    {
      name: 'a plea buried under background that mentions alternatives',
      code: brief('Decision needed:\nThe leak shows on Xbox or PlayStation after two hours. The fix takes two or three weeks either way. Thoughts?\n'),
      errors: [{ messageId: 'plea', line: 6, column: 101, endLine: 6, endColumn: 110, words: ['Thoughts?'] }],
    },
    {
      name: 'what should we do?',
      code: brief('Decision needed:\nWe are stuck on the migration. What should we do?\n'),
      errors: [{ messageId: 'plea', line: 6, column: 32, endLine: 6, endColumn: 49, words: ['What should we do'] }],
    },
    {
      name: 'need guidance, thoughts?',
      code: brief('Decision needed:\nNeed guidance on the migration. Thoughts?\n'),
      errors: [{ messageId: 'plea', line: 6, column: 1, endLine: 6, endColumn: 14, words: ['Need guidance', 'Thoughts?'] }],
    },
    {
      name: 'a topic, not a question',
      code: brief('Decision needed:\nOwnership of the v1 compatibility work.\n'),
      errors: [{ messageId: 'noQuestion', line: 6, column: 1, endLine: 6, endColumn: 40, data: { words: 'Ownership of the v1 compatibility work.' } }],
    },
  ],
});
