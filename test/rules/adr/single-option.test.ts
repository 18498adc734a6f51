import rule from '../../../src/core/rules/adr/single-option.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const adr = (body: string) => `---\nkind: adr\n---\n\n# ADR 7: Ledger database\n\n${body}`;

ruleTester(rule, {
  valid: [
    adr('## Considered Options\n\n* PostgreSQL\n* DynamoDB\n'),
    { spellings: true, name: 'options as MADR sub-headings', code: adr('## Considered Options\n\n### PostgreSQL\n\nGood, because transactions.\n\n### DynamoDB\n\nBad, because no joins.\n') },
    { name: 'two options on one line', code: adr('Alternatives considered: PostgreSQL or DynamoDB.\n') },
    { spellings: true, name: 'options named in one sentence', code: adr('## Alternatives considered\n\nWe looked at Kafka, Pulsar and Amazon Kinesis before settling on one.\n') },
    { name: 'a choice between two in prose', code: adr('**Options:** The choice was between keeping the cron scheduler and moving to Temporal.\n') },
    { spellings: true, name: 'prose options over several sentences', code: adr('## Options\n\nThe first was to keep self-hosted Redis. The second was ElastiCache, which the SRE team already runs.\n') },
    { spellings: true, name: 'a list item that enumerates', code: adr('## Considered Options\n\n* Self-hosted Redis, ElastiCache, and Memcached on the existing VMs\n') },
    { spellings: true, name: '"none" and then the status quo', code: adr('## Alternatives\n\nNone really, apart from staying on Make and living with the 40-minute builds.\n') },
    { spellings: true, name: 'a Nygard ADR without an options section', code: adr('## Decision\n\nWe will use PostgreSQL.\n') },
    { spellings: true, name: 'an empty template section', code: adr('## Considered Options\n\n* <!-- option -->\n') },
  ],
  invalid: [
    {
      spellings: true,
      name: 'one considered option',
      code: adr('## Considered Options\n\n* PostgreSQL\n\n## Decision Outcome\n\nChosen option: PostgreSQL.\n'),
      errors: [{ messageId: 'one', line: 7, column: 4, endLine: 7, endColumn: 22, data: { section: 'Considered Options', option: 'PostgreSQL' } }],
    },
    {
      name: 'Alternatives considered: None',
      code: adr('Alternatives considered: None.\n'),
      errors: [{ messageId: 'none', line: 7, column: 1, endLine: 7, endColumn: 25, words: ['Alternatives considered'] }],
    },
    {
      spellings: true,
      name: '"None" and a hard-wrapped reason for not comparing',
      code: adr('## Alternatives Considered\n\nNone. Bazel is what every large monorepo uses, so we saw no point in a\nformal comparison.\n'),
      errors: [{ messageId: 'none', line: 7, column: 4, endLine: 7, endColumn: 27, words: ['Alternatives Considered'] }],
    },
    {
      spellings: true,
      name: 'one option in a prose sentence',
      code: adr('## Options considered\n\nWe only really considered moving the job queue to SQS.\n'),
      errors: [{ messageId: 'one', line: 7, column: 4, endLine: 7, endColumn: 22, data: { section: 'Options considered', option: 'We only really considered moving the job queue to SQS.' } }],
    },
  ],
});
