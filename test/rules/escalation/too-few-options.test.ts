import rule from '../../../src/core/rules/escalation/too-few-options.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const brief = (body: string) => `---\nkind: escalation\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    {
      name: 'a who question with a different owner in each option, add-ons alike',
      code: brief('Decision needed:\nWho owns the webhooks?\n\nOptions:\n- The Partner API team takes ownership, with two Resale engineers seconded.\n- The Resale team takes ownership, with two Partner API engineers seconded.\n'),
    },
    {
      name: 'team A and team B: single-letter names still differ',
      code: brief('Decision needed:\nWhich team owns the adapter?\n\nOptions:\n1. Team A takes ownership, with a review by B.\n2. Team B takes ownership, with a review by A.\n'),
    },
    {
      name: 'one owner in every option, but not a who question',
      code: brief('Decision needed:\nShould we adopt the managed queue this quarter?\n\nOptions:\n- Platform adopts the managed queue, with a two-week pilot first.\n- Platform adopts the managed queue, and runs both for a month.\n'),
    },
    {
      name: 'same owner, or nobody: doing nothing is an alternative',
      code: brief(
        'Decision needed:\nWho looks after the export job?\n\n**Options:**\n\n- **Option A:** Data Platform owns the export job, with on-call from Finance.\n- **Option B:** Data Platform owns the export job, and Finance reviews changes.\n- **Option C:** Nobody owns it; we keep the job as it is and accept the gaps.\n',
      ),
    },
    brief('Options:\n1. Team A owns a v1-to-v2 adapter.\n2. Team B owns dual support.\n3. A shared migration squad for six weeks.\n'),
    { spellings: true, name: 'options as sub-headings', code: brief('## Options\n\n### Option A: adapter\n\nTeam A builds it.\n\n### Option B: dual support\n\nTeam B runs both.\n') },
    { name: 'options one per line under a label', code: brief('Options:\nteam A owns adapter\nteam B owns dual support\n') },
    { spellings: true, name: 'options as the rows of a table', code: brief('## Options\n\n| Option | Cost |\n|---|---|\n| team A adapter | A slips |\n| team B dual support | two versions |\n') },
    { name: 'two options on one line', code: brief('Options: team A owns the adapter, or team B owns dual support.\n') },
    { name: "an empty section is empty-section's finding", code: brief('Options:\n<!-- two or more -->\n\nRecommendation:\nTeam A.\n') },
    { name: 'no options section: required-section reports it', code: brief('Decision needed:\nWho owns v1?\n') },
    { name: 'real alternatives that share a verb', code: brief('Options:\n- Migrate billing to Postgres in Q3.\n- Migrate billing to DynamoDB in Q3.\n- Keep billing on the current cluster.\n') },
    { name: 'ship now or not at all', code: brief('Options:\n- Ship the redesign now.\n- Ship the redesign after the holidays.\n- Do not ship the redesign this year.\n') },
    { name: 'a list of options and a view on them', code: brief('Options:\nHonestly only one of these is sensible:\n- Team A owns the adapter.\n- Team B owns dual support.\n') },
    { name: 'denied: not the only option', code: brief('Options:\nSlipping is not the only option.\nWe could also cut the save-system fixes from the patch and ship on the planned date.\n') },
    {
      name: 'one action at different dates, each with its own tradeoff',
      code: brief(
        'Options:\n1. **Launch in June, as planned.** Start the load test on 2 May; if it fails twice, June slips by days.\n2. **Launch in August.** June keeps the old flow with a banner; customers wait two more months.\n3. **Launch only the new checkout in June, the rest in August.** Shorter test, but two changes for users in three months.\n',
      ),
    },
    // A question that asks when or how much is answered by dates and sizes; options that vary
    // timing and size independently answer two questions.
    {
      name: 'a when-and-how question answered by dates and scopes',
      code: brief('Decision needed:\nWhen and how do we launch the exports feature?\n\nOptions:\n1. Launch on 1 March with the full scope.\n2. Launch on 1 March with reduced scope.\n3. Launch on 1 April with the full scope.\n'),
    },
    {
      name: 'a how-much question answered by sizes',
      code: brief('Decision needed:\nHow much of the catalogue do we move this quarter?\n\nOptions:\n- Migrate all of the catalogue to the new search cluster.\n- Migrate half of the catalogue to the new search cluster.\n'),
    },
    {
      name: 'timing and scope varied independently',
      code: brief(
        'Decision needed:\nShould we ship exports before the audit?\n\nOptions:\n1. Ship the exports feature in March with the full scope.\n2. Ship the exports feature in March with reduced scope.\n3. Ship the exports feature in May with the full scope.\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'every option gives the same owner, with different add-ons (bold labelled fields)',
      code: brief(
        '**Decision needed:** who owns the resale webhooks?\n\n**Options:**\n\n- **Option A:** The Partner API team takes ownership of the resale webhooks, including retries.\n- **Option B:** The Partner API team takes ownership, with two Resale engineers seconded for two sprints.\n- **Option C:** The Partner API team takes ownership, and the Resale team reviews payload changes.\n\n**Recommendation:** Option B.\n',
      ),
      errors: [{ messageId: 'sameOwner', line: 7, column: 3, endLine: 7, endColumn: 13, words: ['The Partner API team takes ownership'] }],
    },
    {
      name: 'one owner under nested option fields, British wording',
      code: brief(
        '## Decision needed\n\nWhich team should look after the tariff feed?\n\n## Options\n\n**A.** Customs Data looks after the tariff feed, supported by one engineer from Billing.\n\n**B.** Customs Data looks after the tariff feed whilst Billing keeps the alerts for a quarter.\n\n## Recommendation\n\nA.\n',
      ),
      errors: [{ messageId: 'sameOwner', line: 9, column: 4, endLine: 9, endColumn: 11 }],
    },
    {
      name: 'one option is a demand',
      code: brief('Options:\n- Team B owns dual support until shutdown.\n'),
      errors: [{ messageId: 'one', line: 5, column: 1, endLine: 5, endColumn: 9, words: ['Options'], data: { option: 'Team B owns dual support until shutdown.', section: 'Options' } }],
    },
    {
      name: 'an option that says n/a does not count',
      code: brief('Options:\n- Team B owns it\n- n/a\n'),
      errors: [{ messageId: 'one', line: 5, column: 1, endLine: 5, endColumn: 9, data: { option: 'Team B owns it', section: 'Options' } }],
    },
    {
      spellings: true,
      name: 'None',
      code: brief('## Options\n\nNone.\n'),
      errors: [{ messageId: 'none', line: 5, column: 4, endLine: 5, endColumn: 11 }],
    },
    {
      name: 'a one-line field',
      code: brief('Options: team B owns it.\n'),
      errors: [{ messageId: 'one', line: 5, column: 1, endLine: 5, endColumn: 9 }],
    },
    {
      name: 'only one sensible option, in prose',
      code: brief("Options:\nHonestly there's only one sensible option here: we slip the submission to Friday and use the priority slot.\n"),
      errors: [{ messageId: 'onlyOne', line: 6, column: 18, endLine: 6, endColumn: 42, data: { section: 'Options', words: 'only one sensible option' } }],
    },
    {
      name: 'no real alternative (British)',
      code: brief('Options:\nThere is no real alternative to centralising the licence budget under the CIO.\n'),
      errors: [{ messageId: 'onlyOne', line: 6, column: 10, endLine: 6, endColumn: 29, data: { section: 'Options', words: 'no real alternative' } }],
    },
    {
      name: 'one action, now or later',
      code: brief('Decision needed:\nShould we ship exports before the audit?\n\nOptions:\n1. Ship the exports feature now.\n2. Ship the exports feature in June.\n'),
      errors: [{ messageId: 'sameAnswer', line: 8, column: 1, endLine: 8, endColumn: 9, words: ['now', 'june'] }],
    },
    {
      name: 'one action in two sizes, not a how-much question',
      code: brief('Decision needed:\nWho moves the catalogue to the new search cluster?\n\nOptions:\n- Migrate all of the catalogue to the new search cluster.\n- Migrate half of the catalogue to the new search cluster.\n'),
      errors: [{ messageId: 'sameAnswer', line: 8, column: 1, endLine: 8, endColumn: 9, words: ['all', 'half'] }],
    },
    {
      name: 'do it, do it later, do it partially',
      code: brief('Options:\n1. Migrate the payment services to the new cluster now.\n2. Migrate the payment services to the new cluster in Q3.\n3. Migrate half of the payment services to the new cluster now, the rest later.\n'),
      errors: [{ messageId: 'sameAnswer', line: 5, column: 1, endLine: 5, endColumn: 9, words: ['now', 'q3', 'half', 'rest', 'later'] }],
    },
  ],
});
