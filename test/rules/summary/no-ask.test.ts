import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rule from '../../../src/core/rules/summary/no-ask.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const examples = join(import.meta.dirname, '../../fixtures/examples');
const fm = '---\nkind: exec-summary\naudience: executive\n---\n\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a reader-facing section after the plan ("What this means for you") holds the asks once "What we\'re doing" is the plan',
      code: `${fm}## Decision\n\nThe warehouse scanner switch is moving to 3 June.\n\n## What we're doing\n\n1. IT replaces the docking firmware.\n2. We pilot at the Leeds site from 20 May.\n\n## What this means for you\n\n- Sign up for a pilot shift in Leeds by 13 May.\n- If you run a night shift, brief your team on the new docks before the pilot.\n`,
    },
    {
      name: 'a dated request put in the plan still asks',
      code: `${fm}## Decision\n\nWe move every kiosk to the new card reader by 5 February.\n\n## Plan\n\nRead the rollout runbook before Monday 1 February.\n\n## Ask\n\nContinued backing from the leadership team.\n`,
    },
    { name: 'a request phrased as "let us know" with a choice and a date', code: `${fm}## Decision\n\nWe recommend option B.\n\n## Ask\n\nLet us know which of the two dates you prefer by Monday 3 June.\n`, spellings: true },
    { name: 'the module example, `Label:` lines', code: readFileSync(join(examples, 'good/launch-delay-exec.md'), 'utf8') },
    { name: 'a heading Ask with a request noun', code: `${fm}## Decision\n\nDelay the launch two weeks.\n\n## Ask\n\nYour approval of the new date by Friday.\n`, spellings: true },
    { name: 'a bolded ask in prose', code: `${fm}**Decision:** Delay the launch two weeks.\n\n**Ask:** Please sign off on 14 May.\n` },
    { name: 'prose without an Ask section that still asks', code: `${fm}We recommend delaying the launch two weeks. We need your decision by Friday.\n` },
    { name: "an empty Ask is structure/empty-section's finding", code: `${fm}Decision:\nDelay the launch.\n\nAsk:\n\nPlan:\nKeys.\n` },
    { name: 'synonym: `What we need`', code: `${fm}Decision:\nDelay the launch.\n\nWhat we need:\nChoose between the two launch dates by Monday.\n` },
    // Peers and juniors are asked for something else, in their own words: an imperative asks.
    { name: 'a polite imperative to peers, lower case', code: `---\nkind: exec-summary\naudience: peer\n---\n\n## Decision\n\nWe cut over the ledger on 9 March.\n\n## Ask\n\nplease review the runbook before Thursday\n`, spellings: true },
    { name: 'a condition, then the imperative', code: `---\nkind: exec-summary\naudience: peer\n---\n\n**Decision:** Quotas start on 1 July.\n\n**Ask:** If you own a training service, add the queue label to your jobs by 27 June.\n` },
    {
      name: 'an addressee before the imperative, one ask per list item',
      code: `---\nkind: exec-summary\naudience: peer\n---\n\nDecision:\nChange freeze from 2 December to 6 January.\n\nAsk:\n- Service teams: agree your last planned release with your delivery manager by 22 November.\n- Technical leads: put your names on the on-call rota.\n`,
    },
    {
      name: 'a verb the lexicon does not list (sign up, ping)',
      code: `---\nkind: exec-summary\naudience: junior\n---\n\n## What we decided\n\nWe move the ledger on 9 March.\n\n## The ask\n\nSign up for one rehearsal shift by Friday. Ping me with questions.\n`,
      spellings: true,
    },
    { name: 'a request in other words', code: `---\nkind: exec-summary\naudience: peer\n---\n\nDecision:\nWe delay the launch two weeks.\n\nAsk:\nCould you pair with us on the replay test this week?\n` },
    {
      name: 'no Ask section: a heading the kind does not name that holds imperatives',
      code: `---\nkind: exec-summary\naudience: junior\n---\n\n## Decision\n\nFrom 1 July each team gets a GPU quota.\n\n## Over to you\n\n- Add the queue label to your training jobs by 27 June.\n`,
      spellings: true,
    },
  ],
  invalid: [
    {
      name: 'a vague ask beside a dated fact in the reason that opens with a verb-like word',
      code: `${fm}## Decision\n\nWe move every kiosk to the new card reader by 5 February.\n\n## Why\n\n- Reboot failures caused 12% of kiosk tickets in November.\n\n## Ask\n\nContinued backing from the leadership team over the coming weeks.\n`,
      errors: [{ messageId: 'vagueAsk', line: 16, column: 1, endLine: 16, endColumn: 66 }],
    },
    {
      name: 'an Ask section of courtesies: thoughts welcome, happy to discuss',
      code: `${fm}## Decision\n\nWe recommend refreshing only the specialist labs.\n\n## Asks\n\nThoughts welcome. Happy to discuss any aspect of this further.\n`,
      spellings: true,
      errors: [{ messageId: 'vagueAsk', line: 12, column: 1, endLine: 12, endColumn: 63 }],
    },
    {
      name: 'an Ask field that says no action is needed, FYI',
      code: `${fm}**Decision:** We move the nightly export to 02:00 from 1 June.\n\n**Ask:** FYI only, no action needed. Let me know if you have any questions.\n`,
      errors: [{ messageId: 'vagueAsk', line: 8, column: 10, endLine: 8, endColumn: 76 }],
    },
    {
      name: 'prose that closes with an offer to talk asks for nothing',
      code: `${fm}# Lab computers: briefing for the Provost\n\nWe recommend refreshing only the specialist labs. Please reach out with any thoughts; we would of course be very happy to discuss.\n`,
      errors: [{ messageId: 'noAsk', line: 6, column: 3, endLine: 6, endColumn: 42 }],
    },
    {
      name: "the module's wrong approach (shared bad example): no ask anywhere",
      code: readFileSync(join(examples, 'bad/activity-exec-summary.md'), 'utf8'),
      errors: [{ messageId: 'noAsk', line: 2, column: 1, endLine: 2, endColumn: 19 }],
    },
    {
      name: 'an Ask that requests nothing',
      code: `${fm}Decision:\nDelay the payments launch two weeks.\n\nAsk:\nYour awareness of the new timeline.\n`,
      errors: [{ messageId: 'vagueAsk', line: 10, column: 1, endLine: 10, endColumn: 36, data: { ask: 'Your awareness of the new timeline.' } }],
    },
    {
      name: 'a heading Ask that only informs, over two sentences',
      code: `${fm}# Launch\n\n## Decision\n\nDelay the launch.\n\n## Ask\n\nNothing yet. We will keep you posted.\n`,
      errors: [{ messageId: 'vagueAsk', line: 14, column: 1, endLine: 14, endColumn: 38 }],
    },
    {
      name: 'an ask with no verb',
      code: `${fm}Decision:\nDelay the launch two weeks.\n\nAsk:\nThe revised date.\n`,
      errors: [{ messageId: 'vagueAsk', line: 10, column: 1, endLine: 10, endColumn: 18 }],
    },
    {
      name: 'a heading ask of support and alignment (nouns, no request)',
      code: `${fm}## Decision\n\nWe keep looking at vendors.\n\n## The ask\n\nContinued support and alignment from the leadership team on the overall direction.\n`,
      spellings: true,
      errors: [{ messageId: 'vagueAsk', line: 12, column: 1, endLine: 12, endColumn: 83 }],
    },
    {
      name: 'a negated request asks for nothing',
      code: `${fm}**Decision:** Delay the launch two weeks.\n\n**Ask:** No approval needed; this is for your awareness.\n`,
      errors: [{ messageId: 'vagueAsk', line: 8, column: 10, endLine: 8, endColumn: 57 }],
    },
    {
      name: 'no Ask section: an imperative plan step asks the reader for nothing',
      code: `${fm}## Decision\n\nDelay the launch two weeks, to 14 May.\n\n## Plan\n\n1. Add a unique key to every charge.\n2. Replay the timeout path in a test.\n`,
      errors: [{ messageId: 'noAsk', line: 2, column: 1, endLine: 2, endColumn: 19 }],
    },
    {
      name: 'a bolded Ask line that informs; the paragraph after it is not the ask',
      code: `${fm}**Decision:** Delay the launch.\n\n**Ask:** For your information.\n\nPlease reach out with questions.\n`,
      errors: [{ messageId: 'vagueAsk', line: 8, column: 10, endLine: 8, endColumn: 31 }],
    },
  ],
});
