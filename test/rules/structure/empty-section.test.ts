import rule from '../../../src/core/rules/structure/empty-section.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

import { defaultModule } from '../../../src/core/index.ts';

const hintOf = (id: string) => defaultModule.kinds.find((k) => k.id === 'strategy')?.sections.find((s) => s.id === id)?.hint ?? '';
const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    strategy('## Diagnosis\n\nLead time is 3.5 days.\n'),
    { name: 'a table is content', code: strategy('## Tradeoffs\n\n| Choice | Gain | Cost |\n|---|---|---|\n| a | b | c |\n') },
    { name: 'a code block is content', code: strategy('## Success metrics\n\n```\nlead_time_p50 < 1d by 2027-06-30\n```\n') },
    { name: 'an unknown section may be empty', code: strategy('## Notes\n\n## Diagnosis\n\nx\n') },
    { name: 'not an artifact', code: '## Diagnosis\n\n## Policy\n' },
  ],
  invalid: [
    {
      name: 'empty heading followed by another',
      code: strategy('## Diagnosis\n\n## Guiding policy\n\nReduce friction.\n'),
      errors: [{ messageId: 'empty', line: 5, column: 4, endLine: 5, endColumn: 13, data: { section: 'Diagnosis', hint: hintOf('diagnosis') } }],
    },
    {
      name: 'a label with only a hint comment',
      code: strategy('Diagnosis:\n<!-- Name the problems -->\n\nGuiding policy:\nReduce friction.\n'),
      errors: [{ messageId: 'empty', line: 5, column: 1, endLine: 5, endColumn: 11, words: ['Diagnosis'] }],
    },
  ],
});
