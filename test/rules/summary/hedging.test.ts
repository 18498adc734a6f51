import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rule from '../../../src/core/rules/summary/hedging.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const examples = join(import.meta.dirname, '../../fixtures/examples');
const fm = '---\nkind: exec-summary\naudience: executive\n---\n\n';

ruleTester(rule, {
  valid: [
    { name: 'the module example, `Label:` lines', code: readFileSync(join(examples, 'good/launch-delay-exec.md'), 'utf8') },
    {
      name: 'uncertainty belongs in the risk, not the decision',
      code: `${fm}## Decision\n\nDelay the launch two weeks.\n\n## Risk if ignored\n\nWe might charge customers twice; I think refunds would follow.\n\n## Ask\n\nApprove by Friday.\n`,
      spellings: true,
    },
    { name: '"a kind of" is a noun, not a hedge', code: `${fm}Decision:\nAdopt a new kind of launch gate: a replay test.\n` },
    { name: '`May` the month is not a hedge', code: `${fm}**Decision:** Delay the launch to 14 May.\n\n**Ask:** Approve the date by Friday.\n` },
    { spellings: true, name: 'a plain ask with a hedged supporting sentence beside it', code: `${fm}## Decision\n\nDelay the launch to 14 May.\n\n## Ask\n\nApprove the revised date by Friday. Legal might want to review the wording.\n` },
  ],
  invalid: [
    {
      name: 'a recommendation in the civil-service register, hedged twice',
      code: `${fm}Labs are at 31% occupancy. In light of this, IT Services is minded to suggest that it may be worth considering refreshing only the specialist labs.\n`,
      errors: [
        { messageId: 'hedge', line: 6, column: 84, endLine: 6, endColumn: 93, data: { hedge: 'it may be', part: 'decision' } },
        { messageId: 'hedge', line: 6, column: 94, endLine: 6, endColumn: 111, data: { hedge: 'worth considering', part: 'decision' } },
      ],
    },
    {
      name: '`Label:` decision with two hedges',
      code: `${fm}Decision:\nI think we should maybe delay the payments launch two weeks.\n\nAsk:\nApprove the revised date by Friday.\n`,
      errors: [
        { messageId: 'hedge', line: 7, column: 1, endLine: 7, endColumn: 8, words: ['I think'], data: { hedge: 'I think', part: 'decision' } },
        { messageId: 'hedge', line: 7, column: 19, endLine: 7, endColumn: 24, words: ['maybe'] },
      ],
    },
    {
      name: 'a hedged ask under a heading',
      code: `${fm}## Decision\n\nDelay the launch two weeks.\n\n## Ask\n\nIdeally, approve the new date by Friday if possible.\n`,
      spellings: true,
      errors: [
        { messageId: 'hedge', line: 12, column: 1, endLine: 12, endColumn: 8, data: { hedge: 'Ideally', part: 'ask' } },
        { messageId: 'hedge', line: 12, column: 41, endLine: 12, endColumn: 52, words: ['if possible'] },
      ],
    },
    {
      name: 'prose: the hedged sentence is the decision, found without a Decision section',
      code: `${fm}The retry path can charge twice. We will probably delay the launch two weeks.\n`,
      errors: [{ messageId: 'hedge', line: 6, column: 42, endLine: 6, endColumn: 50, data: { hedge: 'probably', part: 'decision' } }],
    },
    {
      name: 'a bolded decision line: only its paragraph is the decision',
      code: `${fm}**Decision:** Perhaps delay the launch.\n\nIt might be fine.\n`,
      errors: [{ messageId: 'hedge', line: 6, column: 15, endLine: 6, endColumn: 22, words: ['Perhaps'] }],
    },
    {
      spellings: true,
      name: 'an Ask section that requests nothing is checked too',
      code: `${fm}## Decision\n\nMove the backhaul review to the March board.\n\n## Ask\n\nThoughts welcome. I think it might be worth a conversation at some point.\n`,
      errors: [
        { messageId: 'hedge', line: 12, column: 19, endLine: 12, endColumn: 26, data: { hedge: 'I think', part: 'ask' } },
        { messageId: 'hedge', line: 12, column: 30, endLine: 12, endColumn: 44, data: { hedge: 'might be worth', part: 'ask' } },
      ],
    },
    {
      name: 'a label Ask that only wonders',
      code: `${fm}Decision:\nKeep the vendor until June.\n\nAsk:\nPerhaps we could discuss it sometime.\n`,
      errors: [{ messageId: 'hedge', line: 10, column: 1, endLine: 10, endColumn: 8, data: { hedge: 'Perhaps', part: 'ask' } }],
    },
  ],
});
