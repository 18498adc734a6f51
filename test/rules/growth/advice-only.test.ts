import rule from '../../../src/core/rules/growth/advice-only.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const plan = (body: string) => `---\nkind: growth-plan\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    { spellings: true, name: 'a sponsor act by the writer', code: plan('## Opportunity\n\nI will nominate Ana for the billing RFC review; until then, advice in our 1:1s.\n') },
    { name: 'no advice words either: not-delegated covers it', code: plan('Opportunity:\nJo attends the review.\n') },
    {
      spellings: true,
      name: 'a weekly 1:1 beside a delegated artifact and a visible moment',
      code: plan(
        '## Skill goal\n\nPriya leads the design of the refunds ledger.\n\n## Opportunity\n\nPriya owns the refunds RFC and presents it to architecture review on 18 March.\n\n## Support\n\n- Our weekly 1:1, with feedback on each draft.\n\n## Visibility\n\nHer name goes on the RFC, and I put her forward for the design award in April.\n',
      ),
    },
    { name: 'bold fields, British', code: plan("**Skill goal:** Tomasz leads the organisation's evaluation platform.\n\n**Opportunity:** Tomasz chairs the evaluation working group from June; fortnightly mentoring chats with me.\n") },
    {
      name: 'the person writes the RFC and sends it to the writer for review: still their artifact',
      code: plan('**Opportunity:** Bea writes the search RFC and sends it to me for a first read; feedback in our 1:1 on 4 May.\n'),
    },
    {
      name: 'each person owns one stream: "each" does not make it hypothetical',
      code: plan('## Opportunity\n\nFrom June, Rui leads the caching workstream; I give feedback in our weekly catch-up.\n'),
    },
    { name: 'the person drafts and decides, the writer reviews', code: plan('**Opportunity:** Aiyana drafts the on-call handbook and decides its escalation rules; I review the draft on 2 June in our catch-up.\n') },
  ],
  invalid: [
    {
      name: 'the case study plan',
      code: plan('Skill goal:\nSam should get better at system design.\n\nSupport:\nI will keep giving Sam advice in our weekly one-on-ones and share articles about design.\n'),
      errors: [{ messageId: 'adviceOnly', line: 6, column: 5, endLine: 6, endColumn: 22, words: ['should get better', 'advice', 'one-on-ones', 'share articles'] }],
    },
    {
      name: 'a goal that leads is not a delegation',
      code: plan('Skill goal:\nSam leads the API migration design.\n\nSupport:\nI give Sam feedback in our weekly one-on-ones.\n'),
      errors: [{ messageId: 'adviceOnly', line: 9, column: 3, endLine: 9, endColumn: 20, words: ['give Sam feedback', 'one-on-ones'] }],
    },
    {
      spellings: true,
      name: 'warm advice under a concrete "Lead" goal',
      code: plan(
        "## Skill goal\n\nLead the design of the billing export, instead of implementing someone else's.\n\n## Opportunity\n\nMarta will sit in on our architecture reviews this half.\n\n## Support\n\n- Weekly coffee chats.\n- I'll share my favourite books on distributed systems.\n- Candid feedback on her design comments.\n\n## Visibility\n\nI'll keep telling Marta how well she's doing.\n",
      ),
      errors: [{ messageId: 'adviceOnly', line: 15, column: 10, endLine: 15, endColumn: 22, words: ['coffee chats', 'share my favourite books', 'feedback', 'keep telling Marta how well'] }],
    },
    {
      spellings: true,
      name: '"his own" is not ownership',
      code: plan("## Opportunity\n\nDev works through the sync design on his own time; I'll answer his questions in our 1:1s.\n"),
      errors: [{ messageId: 'adviceOnly', line: 7, column: 57, endLine: 7, endColumn: 77, words: ['answer his questions', '1:1s'] }],
    },
    {
      spellings: true,
      name: '"the tech lead" is not leading',
      code: plan('## Opportunity\n\nKai pairs with the tech lead on the replay system, with monthly chats with me.\n'),
      errors: [{ messageId: 'adviceOnly', line: 7, column: 57, endLine: 7, endColumn: 70, words: ['monthly chats'] }],
    },
    {
      spellings: true,
      name: 'the writer presents, so it is not delegated',
      code: plan('## Opportunity\n\nI present the RFC while Jo watches; we debrief in our 1:1.\n'),
      errors: [{ messageId: 'adviceOnly', line: 7, column: 55, endLine: 7, endColumn: 58, data: { advice: '`1:1`' } }],
    },
    {
      spellings: true,
      name: 'negated ownership is not ownership',
      code: plan('## Opportunity\n\nJo will not own the RFC yet; I mentor Jo on design.\n'),
      errors: [{ messageId: 'adviceOnly', line: 7, column: 32, endLine: 7, endColumn: 38, words: ['mentor'] }],
    },
    {
      spellings: true,
      name: 'a sounding board, passed-on papers and a mention left to chance',
      code: plan(
        "## Opportunity\n\nA standing offer: I'm her sounding board and I'll pass on the best papers I find.\n\n## Support\n\nWeekly catch-ups.\n\n## Visibility\n\nI'll mention her work to the directors when the chance comes up.\n",
      ),
      errors: [{ messageId: 'adviceOnly', line: 7, column: 27, endLine: 7, endColumn: 41, words: ['sounding board', 'pass on the best papers', 'Weekly catch-ups'] }],
    },
    {
      spellings: true,
      name: 'notes written for the writer are homework, not a delegated artifact',
      code: plan(
        '## Opportunity\n\nDeep-dives with me every other Thursday, so Arjun sees how I approach a design this size.\n\n## Support\n\nWritten feedback on each design note Arjun writes for me after a session, and a reading list.\n',
      ),
      errors: [{ messageId: 'adviceOnly', line: 11, column: 9, endLine: 11, endColumn: 17, words: ['feedback', 'reading list'] }],
    },
    {
      name: 'whatever she drafts, presented to the writer alone',
      code: plan("Support:\nI'll give feedback on any design doc Lena drafts, and she presents her ideas to me in our 1:1s.\n"),
      errors: [{ messageId: 'adviceOnly', line: 6, column: 6, endLine: 6, endColumn: 19, words: ['give feedback', '1:1s'] }],
    },
    {
      name: 'her drafts are not her work to own',
      code: plan("Support:\nI'll give her candid feedback on her drafts and talk her through the tricky parts.\n"),
      errors: [{ messageId: 'adviceOnly', line: 6, column: 22, endLine: 6, endColumn: 30, words: ['feedback', 'talk her through'] }],
    },
  ],
});
