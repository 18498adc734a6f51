import rule from '../../../src/core/rules/strategy/too-many-actions.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;
const items = (n: number) => Array.from({ length: n }, (_, i) => `- Action ${i + 1}\n`).join('');

ruleTester(rule, {
  valid: [strategy(`## Coherent actions\n\n${items(7)}`), { name: 'label style, three per line', code: strategy('Coherent actions:\nstabilize CI\nstandardize service templates\ncreate ownership dashboard\n') }],
  invalid: [
    {
      code: strategy(`## Operations\n\n${items(8)}`),
      errors: [{ messageId: 'tooMany', line: 5, column: 4, endLine: 5, endColumn: 14, data: { count: 8, max: 7 } }],
    },
  ],
});
