import rule from '../../../src/core/rules/structure/required-section.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

import { defaultModule } from '../../../src/core/index.ts';

const hintOf = (id: string) => defaultModule.kinds.find((k) => k.id === 'growth-plan')?.sections.find((s) => s.id === id)?.hint ?? '';
const HINT = { opportunity: hintOf('opportunity'), visibility: hintOf('visibility') };
const growth = (body: string) => `---\nkind: growth-plan\n---\n\n${body}`;
const full = 'Skill goal:\nLead the API design.\n\nOpportunity:\nOwn the RFC.\n\nSupport:\nReview by 5 March.\n\nVisibility:\nNamed in the update.\n';

ruleTester(rule, {
  valid: [
    growth(full),
    { name: 'headings and synonyms', code: growth('## Goal\n\nx\n\n## Stretch assignment\n\nx\n\n## Review checkpoint\n\nx\n\n## Visibility moment\n\nx\n') },
    { name: 'not an artifact', code: '# README\n\nHello.\n' },
    {
      name: 'names as people write them: emoji, numbering, parentheticals, qualifiers, bold fields',
      code: growth('## 🎯 1. Goal (this half)\n\nx\n\n## 🚀 2. Stretch assignment:\n\nx\n\n**Review checkpoint:** 5 March.\n\n## Visibility moments for Q3\n\nx\n'),
    },
    {
      name: 'a Y-statement carries context, decision and consequences',
      code: '---\nkind: adr\n---\n# Sessions\n\nIn the context of the login service, facing lost sessions on deploy, we decided for Redis and neglected sticky sessions, to achieve deploys without logouts, accepting that Redis is one more service to run.\n',
    },
  ],
  invalid: [
    {
      name: 'a heading that looks like the missing section: named, and no second section inserted',
      code: growth('## Skill goal\n\nx\n\n## Opportunity\n\nx\n\n## Support\n\nx\n\n## Making the migration work more visible across the org\n\nx\n'),
      errors: [{ messageId: 'lookalike', line: 17, column: 4, endLine: 17, endColumn: 57, data: { kind: 'growth plan', section: 'Visibility', heading: 'Making the migration work more visible across the org', hint: HINT.visibility } }],
    },
    {
      name: 'labels: inserted as a label after the preceding section',
      code: growth('Skill goal:\nLead the API design.\n\nSupport:\nReview by 5 March.\n\nVisibility:\nNamed in the update.\n'),
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 18, data: { kind: 'growth plan', section: 'Opportunity', hint: HINT.opportunity } }],
      output: growth(
        'Skill goal:\nLead the API design.\n\nOpportunity:\n<!-- One artifact or piece of work the person owns, with a date ("present the RFC to architecture review on 12 March"). -->\n\nSupport:\nReview by 5 March.\n\nVisibility:\nNamed in the update.\n',
      ),
    },
    {
      name: 'headings: anchored on the title, inserted as a heading at the end',
      code: '---\nkind: growth-plan\n---\n# Plan\n\n## Skill goal\n\nx\n\n## Opportunity\n\nx\n\n## Support\n\nx\n',
      errors: [{ messageId: 'missing', line: 4, column: 3, endLine: 4, endColumn: 7, data: { kind: 'growth plan', section: 'Visibility', hint: HINT.visibility } }],
      output:
        '---\nkind: growth-plan\n---\n# Plan\n\n## Skill goal\n\nx\n\n## Opportunity\n\nx\n\n## Support\n\nx\n\n## Visibility\n\n<!-- One moment where others see the person\'s ownership ("name their ownership in the status update"). -->\n',
    },
  ],
});
