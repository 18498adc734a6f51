import rule from '../../../src/core/rules/adr/single-option.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const adr = (body: string) => `---\nkind: adr\n---\n\n# ADR 7: Ledger database\n\n${body}`;

ruleTester(rule, {
  valid: [
    adr('## Considered Options\n\n* PostgreSQL\n* DynamoDB\n'),
    { name: 'options as MADR sub-headings', code: adr('## Considered Options\n\n### PostgreSQL\n\nGood, because transactions.\n\n### DynamoDB\n\nBad, because no joins.\n') },
    { name: 'two options on one line', code: adr('Alternatives considered: PostgreSQL or DynamoDB.\n') },
    { name: 'a Nygard ADR without an options section', code: adr('## Decision\n\nWe will use PostgreSQL.\n') },
    { name: 'an empty template section', code: adr('## Considered Options\n\n* <!-- option -->\n') },
  ],
  invalid: [
    {
      name: 'one considered option',
      code: adr('## Considered Options\n\n* PostgreSQL\n\n## Decision Outcome\n\nChosen option: PostgreSQL.\n'),
      errors: [{ messageId: 'one', line: 7, column: 4, endLine: 7, endColumn: 22, data: { option: 'PostgreSQL' } }],
    },
    {
      name: 'Alternatives considered: None',
      code: adr('Alternatives considered: None.\n'),
      errors: [{ messageId: 'none', line: 7, column: 1, endLine: 7, endColumn: 24, words: ['Alternatives considered'] }],
    },
  ],
});
