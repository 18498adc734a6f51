import rule from '../../../src/core/rules/adr/chosen-not-considered.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const adr = (options: string, outcome: string) => `---\nkind: adr\n---\n\n# ADR 7\n\n## Considered Options\n\n${options}\n\n## Decision Outcome\n\n${outcome}\n`;
const two = '* PostgreSQL\n* DynamoDB';
const three = '* Temporal\n* Cron jobs on the batch host\n* AWS Step Functions';

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
    { name: 'a conditional outcome whose branches were both weighed', code: adr(three, 'Chosen option: Temporal if the load test holds 5k workflows a minute, otherwise AWS Step Functions.') },
    { name: 'a conditional in prose, both weighed', code: adr(three, "We'll adopt Temporal, provided the spike passes by March; if it doesn't, we will fall back to cron jobs on the batch host.") },
    { name: 'a fallback that keeps what exists is not an option', code: adr(three, 'Chosen option: "Temporal", if the security review signs it off. Otherwise we keep the current setup and revisit in Q3.') },
    { name: '"otherwise" inside a clause is not a branch', code: adr(three, 'Chosen option: "Temporal", because retries that would otherwise be lost are kept.') },
    // What follows "otherwise" after a plain decision is its consequence, not a fallback option.
    { name: 'otherwise, a consequence of the decision', code: adr(two, 'We will use PostgreSQL. Otherwise the team would have to maintain two separate ledgers.') },
    { name: 'if it fails, an operational fallback', code: adr(two, 'We choose PostgreSQL. If it fails, on-call restores from the nightly snapshot.') },
    { name: 'otherwise inside the reason', code: adr(two, "We'll go with PostgreSQL, because otherwise on-call would page twice as often.") },
    { name: 'a conditional outcome whose otherwise is a consequence', code: adr(three, "Chosen option: Temporal if the spike passes; otherwise each team wouldn't get retries at all.") },
    { name: 'a shorter name of a longer option', code: adr('* Self-hosted runners on spot instances\n* GitHub-hosted larger runners', 'Chosen option: self-hosted runners, because spot capacity is cheap.') },
  ],
  invalid: [
    {
      name: 'a conditional outcome whose fallback was never weighed',
      code: adr(three, 'Chosen option: Temporal if the load test holds 5k workflows a minute, otherwise Apache Airflow.'),
      errors: [{ messageId: 'notConsidered', line: 15, column: 81, endLine: 15, endColumn: 95, words: ['Apache Airflow'] }],
    },
    {
      name: 'a conditional in prose, neither branch weighed',
      code: adr(three, 'We will adopt Argo Workflows if the platform team can host it; failing that, we will go with Prefect Cloud.'),
      errors: [
        { messageId: 'notConsidered', line: 15, column: 15, endLine: 15, endColumn: 29, words: ['Argo Workflows'] },
        { messageId: 'notConsidered', line: 15, column: 94, endLine: 15, endColumn: 107, words: ['Prefect Cloud'] },
      ],
    },
    {
      name: 'a fallback led by a choice verb after a plain decision',
      code: adr(three, 'We will use Temporal. Otherwise, we will fall back to Apache Airflow.'),
      errors: [{ messageId: 'notConsidered', line: 15, column: 55, endLine: 15, endColumn: 69, words: ['Apache Airflow'] }],
    },
    {
      name: 'a bare fallback after a conditional sentence',
      code: adr(three, 'We will adopt Temporal if the spike passes. Otherwise, Apache Airflow.'),
      errors: [{ messageId: 'notConsidered', line: 15, column: 56, endLine: 15, endColumn: 70, words: ['Apache Airflow'] }],
    },
    {
      name: 'an unquoted chosen option that ends at its condition',
      code: adr(three, 'Chosen option: Kafka Streams if the team can staff it, because it keeps ordering.'),
      errors: [{ messageId: 'notConsidered', line: 15, column: 16, endLine: 15, endColumn: 29, words: ['Kafka Streams'] }],
    },
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
