import rule from '../../../src/core/rules/strategy/fluff.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    strategy('## Guiding policy\n\nReduce platform friction before adding new platform features.\n'),
    { spellings: true, name: 'fluff in a code block is quoted, not written', code: strategy('## Diagnosis\n\n```\nworld-class\n```\n') },
    { name: 'not a strategy', code: '# Notes\n\nA world-class platform.\n' },
    { spellings: true, name: 'fluff that is rejected, not claimed', code: `---\nkind: strategy\n---\n\n## Guiding policy\n\nWe will not chase world-class tooling; nobody here needs synergies. Fix the flaky suites first.\n` },
  ],
  invalid: [
    {
      code: strategy('## Guiding policy\n\nBuild a world-class platform and leverage synergies before adding features.\n'),
      errors: [
        { messageId: 'fluff', line: 7, column: 9, endLine: 7, endColumn: 20, words: ['world-class'] },
        { messageId: 'fluff', line: 7, column: 34, endLine: 7, endColumn: 52, data: { phrase: 'leverage synergies' } },
      ],
    },
  ],
});
