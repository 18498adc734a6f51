import rule from '../../../src/core/rules/growth/no-date.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const plan = (body: string) => `---\nkind: growth-plan\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    plan('Opportunity:\nSam presents the RFC to architecture review on 12 March.\n\nVisibility:\nThe April status update names Sam as owner.\n'),
    { spellings: true, name: 'relative dates', code: plan('## Delegated artifact\n\nAna writes the RFC within two weeks.\n\n## Visibility moment\n\nThe all-hands next month credits Ana.\n') },
    { name: 'empty sections are structure/empty-section', code: plan('Opportunity:\n\nVisibility:\n') },
    { spellings: true, name: 'a deadline at the end of a relative quarter', code: plan('## Opportunity\n\nSam presents the RFC to architecture review by the end of next quarter.\n') },
    { name: 'a numbered week of a plan with a start', code: plan('## Opportunity\n\nThe plan starts on 3 March. Sam owns the cutover design and presents it by week 6.\n') },
    { name: 'a quarter with a year, and a month', code: plan('Opportunity:\nSam leads the Q3 2026 capacity review.\n\nVisibility:\nThe April status update names Sam as owner.\n') },
    { spellings: true, name: 'the work is dated by its review checkpoint', code: plan('## Opportunity\n\nNia owns the retention-policy RFC.\n\n## Support\n\n- 9 May: I review the first draft with her.\n') },
    {
      name: 'a timeline table elsewhere dates both moments (Notion-style cells)',
      code: plan(
        '## Opportunity\n\nNia owns the retention-policy RFC and takes it to the data council.\n\n## Visibility\n\nNia presents the retention-policy RFC at the data council.\n\n## Timeline\n\n| Step | When |\n|---|---|\n| Retention-policy RFC draft | Mar 14 |\n| Data council presentation | @April 2, 2027 |\n',
      ),
    },
    { name: 'a plan week written "wk"', code: plan('Opportunity:\nThe plan starts on 3 March; Nia demos the importer in wk 4.\n') },
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
    {
      spellings: true,
      name: 'vague times are not dates: sometime next quarter, soon, later this year',
      code: plan('## Opportunity\n\nSam presents the RFC to architecture review sometime next quarter.\n\n## Visibility\n\nSoon, and again later this year at the all-hands.\n'),
      errors: [
        { messageId: 'noDate', line: 5, column: 4, endLine: 5, endColumn: 15, data: { section: 'opportunity' } },
        { messageId: 'noDate', line: 9, column: 4, endLine: 9, endColumn: 14, data: { section: 'visibility' } },
      ],
    },
    {
      name: 'a year alone, or the coming months',
      code: plan('**Opportunity:** Sam owns the migration runbook in 2026.\n\n**Visibility:** Sam demos it at an all-hands in the coming months.\n'),
      errors: [
        { messageId: 'noDate', line: 5, column: 3, endLine: 5, endColumn: 17, data: { section: 'opportunity' } },
        { messageId: 'noDate', line: 7, column: 3, endLine: 7, endColumn: 16, data: { section: 'visibility' } },
      ],
    },
    {
      spellings: true,
      name: 'a dated line elsewhere about other work does not date the moment',
      code: plan('## Opportunity\n\nNia owns the retention-policy RFC.\n\n## Visibility\n\nI will mention her work to the directors.\n\n## Notes\n\n- 2 May: quarterly planning offsite.\n'),
      errors: [
        { messageId: 'noDate', line: 5, column: 4, endLine: 5, endColumn: 15, words: ['Opportunity'] },
        { messageId: 'noDate', line: 9, column: 4, endLine: 9, endColumn: 14, words: ['Visibility'] },
      ],
    },
  ],
});
