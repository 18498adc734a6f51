import rule from '../../../src/core/rules/role/allocation-sum.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const memo = (body: string) => `---\nkind: role-memo\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    memo('Weekly allocation:\n- 50% architecture reviews\n- 30% migration tech lead work\n- 20% mentoring\n'),
    { name: 'rounding', code: memo('## Typical week\n\n33% design, 33% reviews, 33% mentoring.\n') },
    { name: 'a Total line is not a part', code: memo('## Weekly allocation\n\n- Architecture: 60%\n- Migration: 40%\n- Total: 100%\n') },
    { name: 'a table', code: memo('## Allocation\n\n| Work | Share |\n|---|---|\n| Deep dives | 70% |\n| Reviews | 30% |\n') },
    { name: 'hours of a stated week', code: memo('Weekly allocation:\nOf my 36-hour week: 20h architecture, 10h migration, 6h mentoring.\n') },
    { name: 'days', code: memo('Weekly allocation:\n3 days architecture, 2 days migration\n') },
    { name: 'a field after the allocation label is its own section', code: memo('**Weekly allocation:**\n- 60% team execution\n- 40% payment API redesign\n\n**Success signal:** 50% fewer escalations by Q3.\n') },
    { name: 'ranges are not a sum', code: memo('Weekly allocation:\n20-30% mentoring, the rest architecture\n') },
  ],
  invalid: [
    {
      name: 'the case study memo',
      code: memo('Weekly allocation:\n- 40% leading the team\n- 40% incidents\n- 30% architecture\n- 20% mentoring\n'),
      errors: [{ messageId: 'over', line: 6, column: 3, endLine: 9, endColumn: 6, words: ['40%', '40%', '30%', '20%'], data: { total: '130%' } }],
    },
    {
      name: 'less than a week',
      code: memo('## Typical week\n\n| Work | Share |\n|---|---|\n| Deep dives | 60% |\n| Harness | 25% |\n| Reviews | 10% |\n'),
      errors: [{ messageId: 'under', line: 9, column: 16, endLine: 11, endColumn: 16, data: { total: '95%' } }],
    },
    {
      name: 'hours over a stated week',
      code: memo('## Weekly allocation\n\nI split my 40-hour week: 30h coding, 20h meetings.\n'),
      errors: [{ messageId: 'over', line: 7, column: 26, endLine: 7, endColumn: 41, data: { total: '50 hours', week: '40 hours' }, words: ['30h', '20h'] }],
    },
  ],
});
