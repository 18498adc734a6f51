import rule from '../../../src/core/rules/structure/unrecognised-section.ts';
import { defaultModule } from '../../../src/core/index.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const hintOf = (kind: string, id: string) => defaultModule.kinds.find((k) => k.id === kind)?.sections.find((s) => s.id === id)?.hint ?? '';
const growth = (body: string) => `---\nkind: growth-plan\n---\n\n${body}`;
const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;
const GROWTH = '## Skill goal\n\nLead the API design.\n\n## Opportunity\n\nOwn the RFC.\n\n## Support\n\nReview by 5 March.\n\n';

ruleTester(rule, {
  valid: [
    { name: 'every required section recognised', code: growth(`${GROWTH}## Visibility\n\nNamed in the April update.\n`), spellings: true },
    { name: "nothing unrecognised: the missing section is structure/required-section's", code: growth(GROWTH) },
    { name: 'asides and metadata are not where a section hides', code: growth(`Owner: Dana\n\n${GROWTH}## References\n\n- The RFC template.\n\n## Open questions\n\n- Who chairs the review?\n`) },
    { name: 'a second name for a section the plan has is recognised ("Next check-in")', code: growth(`${GROWTH}## Next check-in\n\nWe meet on 30 March.\n`) },
    {
      name: 'names by meaning: "Where people will see it", "He owns:"',
      code: growth('Skill goal:\nLead the API design.\n\nHe owns:\nThe RFC, presented on 12 March.\n\nSupport:\nReview by 5 March.\n\nWhere people will see it:\nThe April all-hands.\n'),
    },
    {
      name: "a strategy in Rumelt's and everyday words",
      code: strategy(
        '## Where things stand\n\nDeploys take two days.\n\n## Principles we hold to\n\nFriction before features.\n\n## Workstreams\n\n- Fix CI\n\n## Out of bounds\n\n- New runtimes\n\n## Measures of success\n\n- Lead time under a day by June\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'a summary written in sentences with one label: the parts may be in the prose, so it asks for labels',
      code: `---\nkind: exec-summary\n---\n\nWe will move the card switch one week, to 20 March, because 1.3% of chargeback records did not reconcile in the last rehearsal. If we switch on 13 March, disputes could be lost and members refunded twice; the extra week lets us rerun the rehearsal and reach zero.\n\n**Ask:** approve the 20 March date by 3 March.\n`,
      errors: ['reason', 'risk', 'plan'].map((id) => ({
        messageId: 'inProse',
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 264,
        data: { kind: 'executive summary', section: defaultModule.kinds.find((k) => k.id === 'exec-summary')?.sections.find((s) => s.id === id)?.title ?? '', hint: hintOf('exec-summary', id) },
      })),
    },
    {
      name: 'a heading that shares a word with the missing section is named alone',
      code: growth(`${GROWTH}## Making the migration work more visible across the org\n\nx\n`),
      errors: [
        {
          messageId: 'lookalike',
          line: 17,
          column: 4,
          endLine: 17,
          endColumn: 57,
          data: { kind: 'growth plan', section: 'Visibility', heading: 'Making the migration work more visible across the org', hint: hintOf('growth-plan', 'visibility') },
        },
      ],
    },
    {
      name: 'an unknown heading where the section belongs; no fix inserts a second one',
      code: growth(`${GROWTH}## Praise in public\n\nThe April update names Sam as owner.\n`),
      errors: [{ messageId: 'lookalike', line: 17, column: 4, endLine: 17, endColumn: 20, data: { kind: 'growth plan', section: 'Visibility', heading: 'Praise in public', hint: hintOf('growth-plan', 'visibility') } }],
      spellings: true,
    },
    {
      name: "several candidates: the one between the neighbours in the kind's order first",
      code: growth(
        '## Ramp-up notes\n\nSam joined in May.\n\n## Skill goal\n\nLead the API design.\n\n## The ledger rewrite\n\nSam presents the design on 12 March.\n\n## Support\n\nReview by 5 March.\n\n## Visibility\n\nNamed in the April update.\n',
      ),
      errors: [
        { messageId: 'candidates', line: 13, column: 4, endLine: 13, endColumn: 22, data: { kind: 'growth plan', section: 'Opportunity', headings: '`The ledger rewrite`, `Ramp-up notes`', hint: hintOf('growth-plan', 'opportunity') } },
      ],
    },
    {
      name: 'two unknown headings are both named',
      code: strategy(
        '## Where things stand\n\nDeploys take two days.\n\n## Principles we hold to\n\nFriction before features.\n\n## Workstreams\n\n- Fix CI\n\n## Out of bounds\n\n- New runtimes\n\n## Scoreboard\n\n- Lead time\n\n## Ideas\n\n- A new dashboard\n',
      ),
      errors: [{ messageId: 'candidates', line: 21, column: 4, endLine: 21, endColumn: 14, data: { kind: 'engineering strategy', section: 'Success metrics', headings: '`Scoreboard`, `Ideas`', hint: hintOf('strategy', 'metrics') } }],
    },
  ],
});
