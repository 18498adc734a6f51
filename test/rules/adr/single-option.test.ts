import rule from '../../../src/core/rules/adr/single-option.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const adr = (body: string) => `---\nkind: adr\n---\n\n# ADR 7: Ledger database\n\n${body}`;

ruleTester(rule, {
  valid: [
    { name: 'alternatives discussed and then named', code: adr('## Considered Options\n\nWe discussed the alternatives informally: PostgreSQL, DynamoDB and staying on MySQL. We documented each in the spike notes.\n') },
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
    { spellings: true, name: 'prose that names the rival after "instead of"', code: adr('## Options\n\nWe moved to self-hosted runners instead of paying for larger GitHub-hosted ones, since spot capacity is cheap.\n') },
    { name: 'two sentences, each naming an option', code: adr('## Options\n\nPostgreSQL gives us transactions. DynamoDB scales without tuning but has no joins.\n') },
    { name: 'prose that chose one over another', code: adr('**Considered options:** We picked Temporal over the cron scheduler, because retries are built in.\n') },
    {
      name: 'one rejected alternative in prose, beside the decision',
      code: adr('## Alternatives\n\nKeeping the nightly batch job, as we do today. It would not meet the 5-minute freshness target.\n\n## Decision\n\nStream ledger events through Kafka.\n'),
    },
  ],
  invalid: [
    {
      name: 'alternatives talked over informally and never written up',
      code: "---\nkind: adr\n---\n\n# ADR 9: Queue on Redis\n\n## Options considered\n\nWe talked about alternatives briefly at stand-up, but Redis streams are the natural fit for a team that already runs Redis, so we haven't documented the others.\n\n## Decision\n\nWe will use Redis streams for the job queue.\n",
      errors: [{ messageId: 'one', line: 7, column: 4, endLine: 7, endColumn: 22 }],
    },
    {
      name: 'the other options were not written up (British, passive)',
      code: '---\nkind: adr\n---\n\n# ADR 9: Queue on Redis\n\n## Alternatives\n\nRedis streams, as agreed in the design review; the others were not written up in any detail.\n\n## Decision\n\nWe will use Redis streams.\n',
      errors: [{ messageId: 'one', line: 7, column: 4, endLine: 7, endColumn: 16 }],
    },
    {
      name: 'one option and a sentence that says nothing else was weighed',
      code: "---\nkind: adr\n---\n\n# ADR 3: Use Kafka\n\n## Considered options\n\nKafka. We didn't look seriously at others.\n\n## Decision\n\nUse Kafka.\n",
      errors: [{ messageId: 'one', line: 7, column: 4, endLine: 7, endColumn: 22 }],
    },
    {
      name: 'nothing else was seriously evaluated',
      code: '---\nkind: adr\n---\n\n# ADR 3: Use Kafka\n\n## Alternatives\n\nKafka. Nothing else was seriously evaluated.\n\n## Decision\n\nUse Kafka.\n',
      errors: [{ messageId: 'one', line: 7, column: 4, endLine: 7, endColumn: 16 }],
    },
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
    {
      spellings: true,
      name: 'one prose sentence naming only the chosen option, with a reason after a comma',
      code: adr('## Options\n\nWe went straight to self-hosted runners on spot instances, since that is clearly the right call and the cheapest.\n\n## Decision\n\nCI runs on self-hosted runners on spot instances from 1 May.\n'),
      errors: [{ messageId: 'one', line: 7, column: 4, endLine: 7, endColumn: 11 }],
    },
    {
      name: 'the chosen option and a sentence that only argues for it',
      code: adr('## Alternatives considered\n\nPostgreSQL, as the team already runs it. It is the obvious choice for a ledger.\n\n## Decision\n\nThe ledger moves to PostgreSQL.\n'),
      errors: [{ messageId: 'one', line: 7, column: 4, endLine: 7, endColumn: 27 }],
    },
    {
      name: 'a bold field with one option and a because',
      code: adr('**Options:** Managed Kafka on Confluent Cloud, because nothing else meets the retention needs.\n'),
      errors: [{ messageId: 'one', line: 7, column: 3, endLine: 7, endColumn: 13 }],
    },
  ],
});
