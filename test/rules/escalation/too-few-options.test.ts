import rule from '../../../src/core/rules/escalation/too-few-options.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const brief = (body: string) => `---\nkind: escalation\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    brief('Options:\n1. Team A owns a v1-to-v2 adapter.\n2. Team B owns dual support.\n3. A shared migration squad for six weeks.\n'),
    { spellings: true, name: 'options as sub-headings', code: brief('## Options\n\n### Option A: adapter\n\nTeam A builds it.\n\n### Option B: dual support\n\nTeam B runs both.\n') },
    { name: 'options one per line under a label', code: brief('Options:\nteam A owns adapter\nteam B owns dual support\n') },
    { spellings: true, name: 'options as the rows of a table', code: brief('## Options\n\n| Option | Cost |\n|---|---|\n| team A adapter | A slips |\n| team B dual support | two versions |\n') },
    { name: 'two options on one line', code: brief('Options: team A owns the adapter, or team B owns dual support.\n') },
    { name: "an empty section is empty-section's finding", code: brief('Options:\n<!-- two or more -->\n\nRecommendation:\nTeam A.\n') },
    { name: 'no options section: required-section reports it', code: brief('Decision needed:\nWho owns v1?\n') },
  ],
  invalid: [
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
  ],
});
