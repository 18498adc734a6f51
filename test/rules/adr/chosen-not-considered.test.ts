import rule from '../../../src/core/rules/adr/chosen-not-considered.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const adr = (options: string, outcome: string) => `---\nkind: adr\n---\n\n# ADR 7\n\n## Considered Options\n\n${options}\n\n## Decision Outcome\n\n${outcome}\n`;
const two = '* PostgreSQL\n* DynamoDB';

ruleTester(rule, {
  valid: [
    adr(two, 'Chosen option: "PostgreSQL", because it has transactions.'),
    { name: 'unquoted, with a version', code: adr(two, 'Chosen option: PostgreSQL 16, because it has transactions.') },
    { name: 'a long option title (madr)', code: adr('* Use YAML front matter\n* Use badge', 'Chosen option: "Use YAML front matter", because comes out best (see below).') },
    { name: 'by number, bold label', code: adr('1. PostgreSQL\n2. DynamoDB', '**Chosen option:** option 2, because it scales.') },
    { name: '"the chosen option" in prose is not the outcome line', code: adr(two, 'The chosen option is stated below.') },
    { name: 'a template placeholder', code: adr(two, 'Chosen option: "", because') },
    {
      name: 'options that share their context, chosen by its own words',
      code: adr('* Fluent Bit on the telematics unit\n* Vector on the telematics unit\n* OpenTelemetry Collector on the telematics unit', 'Chosen option: "OpenTelemetry Collector on the telematics unit", because it speaks OTLP.'),
    },
    { name: 'a shorter name of a longer option', code: adr('* Self-hosted runners on spot instances\n* GitHub-hosted larger runners', 'Chosen option: self-hosted runners, because spot capacity is cheap.') },
  ],
  invalid: [
    {
      name: 'a quoted option nobody considered',
      code: adr(two, 'Chosen option: "CockroachDB", because it scales.'),
      errors: [{ messageId: 'notConsidered', line: 14, column: 17, endLine: 14, endColumn: 28, words: ['CockroachDB'] }],
    },
    {
      name: 'single quotes around a name with a comma in it',
      code: adr(two, "Chosen option: 'Redis, managed by the vendor', because it is fast."),
      errors: [{ messageId: 'notConsidered', line: 14, column: 17, endLine: 14, endColumn: 45, words: ['Redis, managed by the vendor'] }],
    },
    {
      name: 'curly single quotes',
      code: adr(two, 'Chosen option: \u2018Cassandra\u2019, because it is what the data team runs.'),
      errors: [{ messageId: 'notConsidered', line: 14, column: 17, endLine: 14, endColumn: 26, words: ['Cassandra'] }],
    },
    {
      name: 'an unquoted one',
      code: adr(two, 'Chosen option: MongoDB, because it scales.'),
      errors: [{ messageId: 'notConsidered', line: 14, column: 16, endLine: 14, endColumn: 23, data: { words: 'MongoDB', options: 'Considered Options' } }],
    },
    {
      name: 'a number past the list',
      code: adr('1. PostgreSQL\n2. DynamoDB', 'Chosen option: option 3, because it scales.'),
      errors: [{ messageId: 'notConsidered', line: 14, column: 16, endLine: 14, endColumn: 24 }],
    },
    {
      name: 'shares only the context every option shares',
      code: adr('* Fluent Bit on the telematics unit\n* Vector on the telematics unit', 'Chosen option: "OpenTelemetry Collector on the telematics unit", because it speaks OTLP.'),
      errors: [{ messageId: 'notConsidered', line: 14, column: 17, endLine: 14, endColumn: 63, words: ['OpenTelemetry Collector on the telematics unit'] }],
    },
    {
      name: 'shares the generic words of a region-wide choice',
      code: adr('* Aurora PostgreSQL in eu-west-1\n* DynamoDB global tables in eu-west-1', 'Chosen option: CockroachDB in eu-west-1, because it is multi-region.'),
      errors: [{ messageId: 'notConsidered', line: 14, column: 16, endLine: 14, endColumn: 40, words: ['CockroachDB in eu-west-1'] }],
    },
  ],
});
