import rule from '../../../src/core/rules/tradeoff/recommendation-not-in-table.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const summary = (decision: string, table: string) => `---\nkind: exec-summary\n---\n\nDecision:\n${decision}\n\n${table}`;
const options = '| Option | Gain | Cost |\n|---|---|---|\n| delay two weeks | no duplicate charges | launch slips |\n| launch now | revenue this month | duplicate charge incidents |\n';
const styles = '| Summary style | Gain | Cost |\n|---|---|---|\n| background-heavy | complete | decision buried |\n| decision-first | clear | may feel blunt |\n';
const escalation = (recommendation: string) =>
  `---\nkind: escalation\n---\n\nDecision needed:\nWho owns v1?\n\nOptions:\n1. Team A owns a v1-to-v2 adapter.\n2. Team B owns dual support.\n3. A shared migration squad for six weeks.\n\nRecommendation:\n${recommendation}\n\n| Option | Gain | Cost |\n|---|---|---|\n| team A adapter | one owner | A slips |\n| team B dual support | no new code | two versions |\n`;

ruleTester(rule, {
  valid: [
    summary('Delay the payments launch two weeks, to 14 May.', options),
    { name: 'the table weighs something else (writing styles)', code: summary('Move the launch to a new payments vendor.', styles) },
    { name: '"Option 2" resolved through the options list', code: escalation('Option 2: no new code path.') },
    {
      name: 'an escalation question is not a recommendation',
      code: '---\nkind: escalation\n---\n\nDecision needed:\nWho owns v1?\n\n| Option | Gain | Cost |\n|---|---|---|\n| adapter | one owner | A slips |\n| dual support | no new code | two versions |\n',
    },
    { spellings: true, name: 'an unknown document', code: `# RFC\n\n## Decision\n\nUse a new vendor.\n\n${options}` },
  ],
  invalid: [
    {
      name: 'a decision the table never weighed',
      code: summary('Move the launch to a new payments vendor.', options),
      errors: [{ messageId: 'notInTable', line: 6, column: 1, endLine: 6, endColumn: 42, data: { section: 'decision', words: 'Move the launch to a new payments vendor.' } }],
    },
    {
      name: 'the recommended option has no row',
      code: escalation('Option 3: it spreads the cost.'),
      errors: [{ messageId: 'notInTable', line: 14, column: 1, endLine: 14, endColumn: 31, data: { section: 'recommendation', words: 'Option 3: it spreads the cost.' } }],
    },
  ],
});
