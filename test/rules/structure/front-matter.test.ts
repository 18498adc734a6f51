import rule from '../../../src/core/rules/structure/front-matter.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    '---\nkind: strategy\ntitle: Platform\ncase: 1\n---\n\n# x\n',
    { name: 'no front matter', code: '# x\n' },
    { name: 'a thematic break is not front matter', code: '---\n\nText under a rule.\n' },
    { name: 'audience of an exec summary', code: '---\nkind: exec-summary\naudience: junior\n---\n' },
  ],
  invalid: [
    {
      name: 'a typo in kind',
      code: '---\nkind: stratgy\n---\n',
      errors: [{ messageId: 'unknownKind', line: 2, column: 7, endLine: 2, endColumn: 14, data: { value: 'stratgy', expected: 'strategy, role-memo, escalation, growth-plan, exec-summary, adr' } }],
    },
    {
      name: 'broken YAML',
      code: '---\nkind: [strategy\n---\n',
      errors: [{ messageId: 'yaml', line: 3, column: 1, endLine: 3, endColumn: 2 }],
    },
    {
      name: 'an alias bomb is refused, not expanded',
      code: '---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n',
      errors: [{ messageId: 'yaml', line: 2, column: 1, endLine: 6, endColumn: 32 }],
    },
    {
      name: 'front matter never closed',
      code: '---\nkind: strategy\n\n# Strategy\n',
      errors: [{ messageId: 'yaml', line: 1, column: 1, endLine: 1, endColumn: 4 }],
    },
    {
      name: 'unknown audience and case',
      code: '---\nkind: exec-summary\naudience: board\ncase: 9\n---\n',
      errors: [
        { messageId: 'unknownAudience', line: 3, column: 11, endLine: 3, endColumn: 16 },
        { messageId: 'unknownCase', line: 4, column: 7, endLine: 4, endColumn: 8 },
      ],
    },
  ],
});
