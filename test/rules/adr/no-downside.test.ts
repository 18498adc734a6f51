import rule from '../../../src/core/rules/adr/no-downside.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const adr = (body: string) => `---\nkind: adr\n---\n\n# ADR 7\n\n${body}`;

ruleTester(rule, {
  valid: [
    adr('## Consequences\n\n* Good, because ledger writes are transactional.\n* Bad, because we run backups ourselves.\n'),
    { name: 'Nygard prose with a cost', code: adr('## Consequences\n\nLedger writes are transactional, but the team must run failover drills.\n') },
    { name: 'MADR 2 split into positive and negative sections', code: adr('## Decision Outcome\n\nPostgreSQL.\n\n### Positive Consequences\n\n* Transactions.\n\n### Negative Consequences\n\n* Backups are on us.\n') },
    { name: 'a risk named', code: adr('Consequences:\nOne shared Redis instance is a single point of failure risk.\n') },
    { name: 'an empty section is empty-section\'s finding', code: adr('## Consequences\n\n## Links\n\nx\n') },
  ],
  invalid: [
    {
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
