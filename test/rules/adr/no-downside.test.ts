import rule from '../../../src/core/rules/adr/no-downside.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const adr = (body: string) => `---\nkind: adr\n---\n\n# ADR 7\n\n${body}`;

ruleTester(rule, {
  valid: [
    adr('## Consequences\n\n* Good, because ledger writes are transactional.\n* Bad, because we run backups ourselves.\n'),
    { spellings: true, name: 'Nygard prose with a cost', code: adr('## Consequences\n\nLedger writes are transactional, but the team must run failover drills.\n') },
    { spellings: true, name: 'MADR 2 split into positive and negative sections', code: adr('## Decision Outcome\n\nPostgreSQL.\n\n### Positive Consequences\n\n* Transactions.\n\n### Negative Consequences\n\n* Backups are on us.\n') },
    { name: 'a risk named', code: adr('Consequences:\nOne shared Redis instance is a single point of failure risk.\n') },
    { spellings: true, name: 'support given up, in other words', code: adr("## Consequences\n\nThe CLI ships as one static binary. We won't support Windows until someone asks for it.\n") },
    { spellings: true, name: 'a burden on users', code: adr('## Consequences\n\n- Sessions survive a deploy.\n- Users will have to re-enter their API token once after the upgrade.\n') },
    {
      spellings: true,
      name: "MADR: the chosen option's own cons",
      code: adr(
        '## Decision Outcome\n\nChosen option: "Temporal", because retries are built in.\n\n### Consequences\n\n* Good, because retries are built in.\n\n## Pros and Cons of the Options\n\n### Temporal\n\n* Good, because retries are built in.\n* Bad, because we run one more cluster.\n\n### Cron\n\n* Good, because it exists.\n',
      ),
    },
    { spellings: true, name: 'British spelling and a risk section of its own', code: adr('## Consequences\n\nBuilds are centralised.\n\n## Risks\n\nThe build farm is a single point of failure until the second site is up.\n') },
    { spellings: true, name: 'care the decision asks of its users', code: adr('## Consequences\n\n- Every engineer can read the audit trail, so it is important for teams to keep secrets\n  out of their log lines.\n') },
    { spellings: true, name: 'follow-up work, hard-wrapped', code: adr('## Consequences\n\nNo more disk juggling on the file server. There may be further work on how we back up\nthe attachments.\n') },
    { name: "an empty section is empty-section's finding", code: adr('## Consequences\n\n## Links\n\nx\n') },
  ],
  invalid: [
    {
      spellings: true,
      name: 'MADR: upsides that mention costs going down, and cons only of the options not chosen',
      code: adr(
        '## Decision Outcome\n\nChosen option: "Passkeys", because they resist phishing.\n\n### Consequences\n\n* Good, because SMS costs fall as customers enrol.\n* Good, because the risk of SIM swap goes away.\n\n## Pros and Cons of the Options\n\n### Passkeys\n\n* Good, because phishing-resistant.\n\n### SMS codes\n\n* Bad, because codes can be phished.\n',
      ),
      errors: [{ messageId: 'noDownside', line: 11, column: 5, endLine: 11, endColumn: 17, words: ['Consequences'] }],
    },
    {
      spellings: true,
      name: '"only need to" is less work, not a burden',
      code: adr('## Consequences\n\n* Feature flags only need to be declared in one file.\n'),
      errors: [{ messageId: 'noDownside', line: 7, column: 4, endLine: 7, endColumn: 16 }],
    },
    {
      name: 'costs that only go down, unlabelled',
      code: adr('Consequences:\n- Support tickets about sign-in drop by half.\n- We no longer have to maintain the SMS gateway.\n'),
      errors: [{ messageId: 'noDownside', line: 7, column: 1, endLine: 7, endColumn: 14 }],
    },
    {
      spellings: true,
      name: 'only good, because',
      code: adr('## Consequences\n\n* Good, because ledger writes are transactional.\n* Good, because the team knows PostgreSQL.\n'),
      errors: [{ messageId: 'noDownside', line: 7, column: 4, endLine: 7, endColumn: 16, words: ['Consequences'] }],
    },
    {
      name: 'a label with only upside',
      code: adr('Consequences:\nEverything gets faster.\n'),
      errors: [{ messageId: 'noDownside', line: 7, column: 1, endLine: 7, endColumn: 14 }],
    },
  ],
});
