import rule from '../../../src/core/rules/structure/required-section.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const growth = (body: string) => `---\nkind: growth-plan\n---\n\n${body}`;
const full = 'Skill goal:\nLead the API design.\n\nOpportunity:\nOwn the RFC.\n\nSupport:\nReview by 5 March.\n\nVisibility:\nNamed in the update.\n';

ruleTester(rule, {
  valid: [
    growth(full),
    { name: 'headings and synonyms', code: growth('## Goal\n\nx\n\n## Stretch assignment\n\nx\n\n## Review checkpoint\n\nx\n\n## Visibility moment\n\nx\n') },
    { name: 'not an artifact', code: '# README\n\nHello.\n' },
  ],
  invalid: [
    {
      name: 'labels: inserted as a label after the preceding section',
      code: growth('Skill goal:\nLead the API design.\n\nSupport:\nReview by 5 March.\n\nVisibility:\nNamed in the update.\n'),
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 18, data: { section: 'Opportunity' } }],
      output: growth(
        'Skill goal:\nLead the API design.\n\nOpportunity:\n<!-- One artifact or piece of work the person owns, with a date ("present the RFC to architecture review on 12 March"). -->\n\nSupport:\nReview by 5 March.\n\nVisibility:\nNamed in the update.\n',
      ),
    },
    {
      name: 'headings: anchored on the title, inserted as a heading at the end',
      code: '---\nkind: growth-plan\n---\n# Plan\n\n## Skill goal\n\nx\n\n## Opportunity\n\nx\n\n## Support\n\nx\n',
      errors: [{ messageId: 'missing', line: 4, column: 3, endLine: 4, endColumn: 7, data: { section: 'Visibility' } }],
      output:
        '---\nkind: growth-plan\n---\n# Plan\n\n## Skill goal\n\nx\n\n## Opportunity\n\nx\n\n## Support\n\nx\n\n## Visibility\n\n<!-- One moment where others see the person\'s ownership ("name their ownership in the status update"). -->\n',
    },
  ],
});
