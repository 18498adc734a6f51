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
    ...(
      [
        {
          name: 'a summary in sentences and no labels: each part where a sentence says it',
          code: `---\nkind: exec-summary\n---\n\nWe are moving the billing cutover from 3 May to 17 May. The replay test found that 0.4% of invoices got the wrong tax code.\n\nShipping on 3 May would put about 900 invoices a week at risk of a refund.\n\nThe fix is a tax-code lookup per region and a second replay before the switch.\n\nCould you approve the 17 May date by Friday?\n`,
          kind: 'exec-summary',
          parts: [
            ['decision', 5, 1, 5, 56, 'We are moving the billing cutover from 3 May to 17 May.'],
            ['reason', 5, 57, 5, 124, 'The replay test found that 0.4% of invoices got the wrong t…'],
            ['risk', 7, 1, 7, 75, 'Shipping on 3 May would put about 900 invoices a week at ri…'],
            ['plan', 9, 1, 9, 79, 'The fix is a tax-code lookup per region and a second replay…'],
            ['ask', 11, 1, 11, 45, 'Could you approve the 17 May date by Friday?'],
          ],
        },
        {
          name: 'a growth plan carried by the rows of a table: each row named for its part',
          code: growth(
            '| What | Plan | When |\n|---|---|---|\n| Goal | Lead the search ranking redesign | Q3 |\n| Her work | Noor writes the ranking RFC | 4 June |\n| From me | I review her draft | 28 May |\n| Seen by | She presents it at the engineering all-hands | 20 June |\n',
          ),
          kind: 'growth-plan',
          parts: [
            ['skill', 7, 1, 7, 49, 'Goal | Lead the search ranking redesign | Q3'],
            ['opportunity', 8, 1, 8, 52, 'Her work | Noor writes the ranking RFC | 4 June'],
            ['support', 9, 1, 9, 42, 'From me | I review her draft | 28 May'],
            ['visibility', 10, 1, 10, 69, 'Seen by | She presents it at the engineering all-hands | 20…'],
          ],
        },
        {
          name: 'a heading that merges two parts: the decider and the recommendation are its sentences',
          code: `---\nkind: escalation\n---\n\n## The question and what we need\n\nWho owns the billing adapter after 1 July? We need you to decide by 20 June. I recommend the Billing team owns it.\n\n## Background\n\nTwo teams built parts of it.\n\n## Options\n\n1. Billing owns it.\n2. Payments owns it.\n`,
          kind: 'escalation',
          parts: [
            ['decision-maker', 7, 44, 7, 77, 'We need you to decide by 20 June.'],
            ['recommendation', 7, 78, 7, 115, 'I recommend the Billing team owns it.'],
          ],
        },
        {
          name: 'a non-scope said under Scope: "I\'ll stay out of ..."',
          code: `---\nkind: role-memo\n---\n\n## Archetype\n\nPrimary: architect for search.\n\n## Scope\n\nThe indexing pipeline's design.\n\nI'll stay out of on-call triage; the rota owns it.\n\n## Weekly allocation\n\n- 60% design\n- 40% reviews\n\n## Stakeholders\n\nPriya (EM).\n\n## Success signal\n\nOne indexing design by June.\n`,
          kind: 'role-memo',
          parts: [['non-scope', 13, 1, 13, 51, "I'll stay out of on-call triage; the rota owns it."]],
        },
      ] as const
    ).map(({ name, code, kind, parts }) => ({
      name,
      code,
      errors: parts.map(([id, line, column, endLine, endColumn, sentence]) => ({
        messageId: 'inSentence',
        line,
        column,
        endLine,
        endColumn,
        data: { kind: defaultModule.kinds.find((k) => k.id === kind)?.name.toLowerCase() ?? '', section: defaultModule.kinds.find((k) => k.id === kind)?.sections.find((s) => s.id === id)?.title ?? '', hint: hintOf(kind, id), sentence },
      })),
    })),
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
