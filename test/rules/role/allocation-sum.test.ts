import rule from '../../../src/core/rules/role/allocation-sum.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const memo = (body: string) => `---\nkind: role-memo\n---\n\n${body}`;
const HINT = '<!-- How a week splits across the scope, adding up to 100% (or to your weekly hours). -->';

ruleTester(rule, {
  valid: [
    memo('Weekly allocation:\n- 50% architecture reviews\n- 30% migration tech lead work\n- 20% mentoring\n'),
    { spellings: true, name: 'rounding', code: memo('## Typical week\n\n33% design, 33% reviews, 33% mentoring.\n') },
    { spellings: true, name: 'a Total line is not a part', code: memo('## Weekly allocation\n\n- Architecture: 60%\n- Migration: 40%\n- Total: 100%\n') },
    { spellings: true, name: 'a table', code: memo('## Allocation\n\n| Work | Share |\n|---|---|\n| Deep dives | 70% |\n| Reviews | 30% |\n') },
    { name: 'hours of a stated week', code: memo('Weekly allocation:\nOf my 36-hour week: 20h architecture, 10h migration, 6h mentoring.\n') },
    { name: 'days', code: memo('Weekly allocation:\n3 days architecture, 2 days migration\n') },
    { name: 'a field after the allocation label is its own section', code: memo('**Weekly allocation:**\n- 60% team execution\n- 40% payment API redesign\n\n**Success signal:** 50% fewer escalations by Q3.\n') },
    { name: 'no amount at all', code: memo('Weekly allocation:\n- architecture reviews\n- mentoring the new team\n') },
    { name: 'ranges are not a sum', code: memo('Weekly allocation:\n20-30% mentoring, the rest architecture\n') },
    {
      spellings: true,
      name: 'a table of bare days under a "(5 days)" heading',
      code: memo('## Weekly allocation (5 days)\n\n| Work | Days |\n|:----|----:|\n| Design reviews across the teams | 2 |\n| Rewrite: tech lead work | 1.5 |\n| Writing ADRs | 1 |\n| Interviews | 0.5 |\n'),
    },
    {
      spellings: true,
      name: 'a table of bare hours in a stated 40-hour week',
      code: memo('## Weekly allocation (40 hours)\n\n| Activity | Hours |\n|---|---|\n| Profiling and fixes | 24 |\n| Pairing | 6 |\n| Write-ups | 4 |\n| 1:1s (three people) | 3 |\n| Architecture review | 3 |\n'),
    },
    { name: 'days in bold fields', code: memo('**Weekly allocation:**\n\n- Threat models and reviews: 2 days\n- Passkeys rollout: 2 days\n- Standards writing: 1 day\n') },
    { spellings: true, name: 'half a day', code: memo('## Weekly allocation\n\n- Design: 2 days\n- Reviews: 2.5 days\n- Office hours: half a day\n') },
    { spellings: true, name: 'a catch-all line covers the rest', code: memo('## Weekly allocation\n\n- 60% architecture\n- 20% mentoring\n- the rest: interviews and admin\n') },
    { spellings: true, name: 'a nested breakdown is not added twice', code: memo('## Weekly allocation\n\n- 60% architecture\n  - 40% reviews\n  - 20% writing\n- 40% migration\n') },
    { spellings: true, name: 'amounts only under nested items', code: memo('## Weekly allocation\n\n- Architecture:\n  - 40% reviews\n  - 20% writing\n- 40% migration\n') },
    {
      spellings: true,
      name: 'commentary under the list',
      code: memo('## Weekly allocation\n\n| Area | Share of the week |\n|---|---|\n| Unblocking the programmes | 60% |\n| Mentoring | 40% |\n\nIf a week overruns by 10%, mentoring is the last line I cut.\n'),
    },
    { name: 'the writer states the total', code: memo('Weekly allocation:\n60% design and 40% reviews, which adds up to 100%.\n') },
    { spellings: true, name: 'a percentage in parentheses annotates the days', code: memo('## Weekly allocation\n\n- Architecture: 3 days (60%)\n- Migration: 2 days (40%, until June)\n') },
    { spellings: true, name: 'a notes column with an old share', code: memo('## Weekly allocation\n\n| Work | Share | Notes |\n|---|---|---|\n| Architecture | 70% | was 50% last quarter |\n| Mentoring | 30% | |\n') },
    { name: 'days written as "2d", weekdays in parentheses', code: memo('Weekly allocation:\n- architecture: 2d (Mon, Tue)\n- migration: 2d\n- mentoring and interviews: 1d\n') },
    { spellings: true, name: 'a skeleton hint with a good split', code: memo(`## Weekly allocation\n\n${HINT}\n\n- 70% architecture\n- 30% mentoring\n`) },
    { name: 'a full-time load that is denied', code: memo('Weekly allocation:\n3 days design reviews, 2 days writing. On-call is handled by the SRE rota, not full-time for me.\n') },
    { spellings: true, name: 'a catch-all line without a load', code: memo('## Weekly allocation\n\n- 80% architecture\n- 20% mentoring\n- Interviews: whatever is left\n') },
    { spellings: true, name: 'mixed units that fill the week', code: memo('## Weekly allocation\n\n- Design reviews: 2 days\n- Migration work: 16 hours\n- Mentoring and interviews: 20%\n') },
    { name: 'mixed units in prose, hours without a stated week', code: memo('Weekly allocation:\nThree days on the ledger redesign, 6 hours of reviews and the rest on mentoring.\n') },
    { spellings: true, name: 'a 37.5-hour week in the heading, parts that fit', code: memo('## How my week splits (37.5-hour week)\n\n- Architecture: 20 hours\n- Reviews: 10 hours\n- Mentoring: 7.5 hours\n') },
    // An amount nested in the one before it ("of which", "including") is part of it, not added.
    { name: 'hours of which are part of the days', code: memo('Weekly allocation:\n- 3 days architecture reviews, of which 4 hours are design office hours\n- 2 days mentoring\n') },
    { name: 'including, British', code: memo('Weekly allocation:\n- 2 days mentoring, including 3 hours of interview panels\n- 3 days platform design and prioritisation\n') },
    { name: 'prose with a nested share', code: memo('Weekly allocation:\n\n50% design, of which 10% is review; 30% mentoring; 20% writing.\n') },
  ],
  invalid: [
    {
      name: 'nested hours do not hide days over the week',
      code: memo('Weekly allocation:\n- 3 days architecture reviews, of which 4 hours are design office hours\n- 3 days mentoring\n'),
      errors: [{ messageId: 'over', line: 6, column: 3, endLine: 7, endColumn: 9, words: ['3 days', '3 days'] }],
    },
    {
      name: 'hours beside days, not inside them, are added',
      code: memo('Weekly allocation:\n- 3 days architecture reviews and 8 hours of design office hours\n- 2 days mentoring\n'),
      errors: [{ messageId: 'over', line: 6, column: 3, endLine: 7, endColumn: 9, words: ['3 days', '8 hours', '2 days'] }],
    },
    {
      name: 'the case study memo',
      code: memo('Weekly allocation:\n- 40% leading the team\n- 40% incidents\n- 30% architecture\n- 20% mentoring\n'),
      errors: [{ messageId: 'over', line: 6, column: 3, endLine: 9, endColumn: 6, words: ['40%', '40%', '30%', '20%'], data: { total: '130%', parts: '`40%` + `40%` + `30%` + `20%`', week: '100%' } }],
    },
    {
      spellings: true,
      name: 'less than a week',
      code: memo('## Typical week\n\n| Work | Share |\n|---|---|\n| Deep dives | 60% |\n| Harness | 25% |\n| Reviews | 10% |\n'),
      errors: [{ messageId: 'under', line: 9, column: 16, endLine: 11, endColumn: 16, data: { total: '95%', parts: '`60%` + `25%` + `10%`', week: '100%' } }],
    },
    {
      spellings: true,
      name: 'hours over a stated week',
      code: memo('## Weekly allocation\n\nI split my 40-hour week: 30h coding, 20h meetings.\n'),
      errors: [{ messageId: 'over', line: 7, column: 26, endLine: 7, endColumn: 41, data: { total: '50 hours', week: '40 hours', parts: '`30h` + `20h`' }, words: ['30h', '20h'] }],
    },
    {
      spellings: true,
      name: '120% under the skeleton hint that says "adding up to 100%"',
      code: memo(`## Weekly allocation\n\n${HINT}\n\n- 60% architecture\n- 40% migration\n- 20% incidents\n`),
      errors: [{ messageId: 'over', line: 9, column: 3, endLine: 11, endColumn: 6, data: { total: '120%', parts: '`60%` + `40%` + `20%`', week: '100%' } }],
    },
    {
      name: 'the hint inline, above the list',
      code: memo(`Weekly allocation:\n${HINT}\n- 50% architecture\n- 50% migration\n- 10% mentoring\n`),
      errors: [{ messageId: 'over', line: 7, column: 3, endLine: 9, endColumn: 6, data: { total: '110%', parts: '`50%` + `50%` + `10%`', week: '100%' } }],
    },
    {
      name: 'six days in a five-day week, bold label with the week in parentheses',
      code: memo('**Weekly allocation (5 days):**\n\n- Architecture reviews: 2 days\n- Rollout, tech lead: 2 days\n- Writing standards: 1 day\n- Office hours and mentoring: 1 day\n'),
      errors: [{ messageId: 'over', line: 7, column: 25, endLine: 10, endColumn: 36, data: { total: '6 days', week: '5 days', parts: '`2 days` + `2 days` + `1 day` + `1 day`' }, words: ['2 days', '2 days', '1 day', '1 day'] }],
    },
    {
      spellings: true,
      name: 'a table of bare days over a week',
      code: memo('## Weekly allocation\n\n| Work | Days |\n|---|---|\n| Architecture | 3 |\n| Migration | 2 |\n| Mentoring | 1 |\n'),
      errors: [{ messageId: 'over', line: 9, column: 18, endLine: 11, endColumn: 16, data: { total: '6 days', parts: '`3 days` + `2 days` + `1 day`', week: '5 days' } }],
    },
    {
      spellings: true,
      name: 'a stated 40-hour week, 36 hours given',
      code: memo('## Weekly allocation (40h)\n\n| Activity | Hours |\n|---|---|\n| Deep dives | 24 |\n| Pairing | 8 |\n| Write-ups | 4 |\n'),
      errors: [{ messageId: 'under', line: 9, column: 16, endLine: 11, endColumn: 16, data: { total: '36 hours', week: '40 hours', parts: '`24 hours` + `8 hours` + `4 hours`' } }],
    },
    {
      name: 'a stated total that the parts contradict',
      code: memo('Weekly allocation:\n70% design and 40% reviews, which adds up to 100%.\n'),
      errors: [{ messageId: 'over', line: 6, column: 1, endLine: 6, endColumn: 19, data: { total: '110%', parts: '`70%` + `40%`', week: '100%' } }],
    },
    {
      spellings: true,
      name: 'a four-day week stated in prose',
      code: memo('## Weekly allocation\n\nI work a four-day week.\n\n- Architecture: 3 days\n- Migration: 2 days\n'),
      errors: [{ messageId: 'over', line: 9, column: 17, endLine: 10, endColumn: 20, data: { week: '4 days', total: '5 days', parts: '`3 days` + `2 days`' } }],
    },
    {
      spellings: true,
      name: 'an unclear amount in the commentary does not hide the list',
      code: memo('## Weekly allocation\n\n- 60% architecture\n- 30% migration, tech lead\n- 20% mentoring\n\nIn a bad week incidents take up to 10% more.\n'),
      errors: [{ messageId: 'over', line: 7, column: 3, endLine: 9, endColumn: 6, data: { total: '110%', parts: '`60%` + `30%` + `20%`', week: '100%' } }],
    },
    {
      spellings: true,
      name: 'a full-time load in words on top of a full week',
      code: memo('## Weekly allocation\n\n- Architecture: 4 days\n- Mentoring: 1 day\n- Plus: primary on-call every other week (a full-time load when on)\n'),
      errors: [{ messageId: 'over', line: 7, column: 17, endLine: 9, endColumn: 54, data: { total: '10 days', parts: '`4 days` + `1 day` + `full-time`', week: '5 days' } }],
    },
    {
      name: 'half-time in words on top of 100%',
      code: memo('**Weekly allocation:**\n- 60% platform architecture\n- 40% migration tech lead\n- Incident commander, which is half-time during release weeks\n'),
      errors: [{ messageId: 'over', line: 6, column: 3, endLine: 8, endColumn: 41, data: { total: '150%', parts: '`60%` + `40%` + `half-time`', week: '100%' } }],
    },
    {
      name: 'all week, in hours',
      code: memo('Weekly allocation:\n- 30 hours architecture\n- 10 hours mentoring\n- Release captain all week in March\n'),
      errors: [{ messageId: 'over', line: 6, column: 3, endLine: 8, endColumn: 27, data: { total: '85 hours', parts: '`30 hours` + `10 hours` + `all week`', week: '32-45 hours' } }],
    },
    {
      spellings: true,
      name: 'a stated week in the heading, written "38-hour week"',
      code: memo('## Weekly allocation (38-hour week)\n\n- Hands-on work on the integration: 12 hours\n- Planning with the EM: 10 hours\n- Reviews: 8 hours\n- Mentoring: 6 hours\n- Clinic visits: 6 hours\n'),
      errors: [{ messageId: 'over', line: 7, column: 37, endLine: 11, endColumn: 25, data: { total: '42 hours', week: '38 hours', parts: '`12 hours` + `10 hours` + `8 hours` + `6 hours` + `6 hours`' } }],
    },
    {
      spellings: true,
      name: 'mixed units that overfill the week',
      code: memo('## Weekly allocation\n\n- Architecture: 3 days\n- Incident reviews: 12 hours\n- Hiring loops: 20%\n'),
      errors: [{ messageId: 'over', line: 7, column: 17, endLine: 9, endColumn: 20, data: { total: '107%-118% of the week', parts: '`3 days` + `12 hours` + `20%`', week: '5 days or 32-45 hours' }, words: ['3 days', '12 hours', '20%'] }],
    },
    {
      name: 'mixed units in a stated four-day week, short',
      code: memo('**Time split (4-day week):**\n1 day on platform design, 25% on reviews and a half-day of office hours.\n'),
      errors: [{ messageId: 'under', line: 6, column: 1, endLine: 6, endColumn: 56, data: { total: '63% of the week', parts: '`1 day` + `25%` + `half-day`', week: '4 days or 32-45 hours' } }],
    },
  ],
});
