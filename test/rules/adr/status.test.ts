import rule from '../../../src/core/rules/adr/status.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const adr = (body: string) => `---\nkind: adr\n---\n\n# ADR 7: Use PostgreSQL\n\n${body}`;

ruleTester(rule, {
  valid: [
    { name: 'a proposal pending review is a proposal', code: adr('## Status\n\nProposed, pending review by the architecture forum\n') },
    adr('## Status\n\nAccepted\n'),
    { name: 'MADR front matter', code: '---\nkind: adr\nstatus: proposed\n---\n\n# Use PostgreSQL\n' },
    { name: 'MADR 2 list item, emphasised', code: adr('* Status: **superseded by ADR 12**\n* Deciders: Ana\n') },
    { name: 'a field line with an emoji (moj-cloud-platform)', code: adr('Status: ✅ Accepted\n') },
    { spellings: true, name: 'superseded with a link', code: adr('## Status\n\n⌛️ Superseded by [036. Multi-cluster](036-multi-cluster.md)\n') },
    { name: 'spellings real collections use', code: adr('## Status\n\nPending\n') },
    { name: 'work in progress', code: adr('Status: WIP\n') },
    { name: 'a status row in a metadata table', code: adr('| | |\n|---|---|\n| **Status** | Accepted |\n| Deciders | Platform team |\n') },
    { name: 'a Status column in a table', code: adr('| Date | Status | Owner |\n|:--|:--|:--|\n| 2025-03-02 | Proposed | Ana |\n') },
    { name: 'a bold label with the colon outside and a date after', code: adr('**Status**: Completed 2/6/21 [#2854](https://example.com/2854)\n') },
    { spellings: true, name: 'the status in the heading itself', code: adr('## Status: Accepted\n\n## Context\n\nThe ledger needs transactions.\n') },
    { spellings: true, name: 'an inferred Nygard ADR', code: '# 9. Use LDAP\n\n## Status\n\nDeprecated\n\n## Context\n\nx\n\n## Decision\n\ny\n\n## Consequences\n\nz\n' },
  ],
  invalid: [
    {
      name: 'accepted only on a condition',
      code: adr('## Status\n\nAgreed in principle, pending Q3 budget\n'),
      errors: [{ messageId: 'conditional', line: 9, column: 1, endLine: 9, endColumn: 39, words: ['in principle'] }],
    },
    {
      name: 'approved subject to a review',
      code: adr('Status: Approved subject to security review\n'),
      errors: [{ messageId: 'conditional', line: 7, column: 9, endLine: 7, endColumn: 44, words: ['subject to'] }],
    },
    {
      spellings: true,
      name: 'an unknown status',
      code: adr('## Status\n\nMaybe\n'),
      errors: [{ messageId: 'unknown', line: 9, column: 1, endLine: 9, endColumn: 6, words: ['Maybe'] }],
    },
    {
      spellings: true,
      name: 'no status at all',
      code: adr('## Context\n\nThe ledger needs transactions.\n'),
      errors: [{ messageId: 'missing', line: 5, column: 3, endLine: 5, endColumn: 24 }],
    },
    {
      name: 'an unknown status in a table row',
      code: adr('| Field | Value |\n|---|---|\n| Status | Thinking about it |\n'),
      errors: [{ messageId: 'unknown', line: 9, column: 12, endLine: 9, endColumn: 29, data: { words: 'Thinking about it' } }],
    },
    {
      spellings: true,
      name: 'a "status-page" line is not a status',
      code: adr('## Context\n\nStatus-page updates are manual today.\n'),
      errors: [{ messageId: 'missing', line: 5, column: 3, endLine: 5, endColumn: 24 }],
    },
    {
      name: 'an unknown status in front matter',
      code: '---\nkind: adr\nstatus: thinking about it\n---\n\n# ADR 7\n',
      errors: [{ messageId: 'unknown', line: 3, column: 9, endLine: 3, endColumn: 26, data: { words: 'thinking about it' } }],
    },
  ],
});
