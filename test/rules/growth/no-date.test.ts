import rule from '../../../src/core/rules/growth/no-date.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const plan = (body: string) => `---\nkind: growth-plan\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    plan('Opportunity:\nSam presents the RFC to architecture review on 12 March.\n\nVisibility:\nThe April status update names Sam as owner.\n'),
    { spellings: true, name: 'relative dates', code: plan('## Delegated artifact\n\nAna writes the RFC within two weeks.\n\n## Visibility moment\n\nThe all-hands next month credits Ana.\n') },
    { name: 'empty sections are structure/empty-section', code: plan('Opportunity:\n\nVisibility:\n') },
  ],
  invalid: [
    {
      code: plan('Opportunity:\nSam presents the RFC to architecture review.\n\nVisibility:\nThe status update names Sam as owner.\n'),
      errors: [
        { messageId: 'noDate', line: 5, column: 1, endLine: 5, endColumn: 13, words: ['Opportunity'] },
        { messageId: 'noDate', line: 8, column: 1, endLine: 8, endColumn: 12, data: { section: 'visibility' } },
      ],
    },
    {
      spellings: true,
      name: '"may" the modal is not May the month',
      code: plan('## Opportunity\n\nSam may present the RFC at a review.\n'),
      errors: [{ messageId: 'noDate', line: 5, column: 4, endLine: 5, endColumn: 15 }],
    },
  ],
});
