import rule from '../../../src/core/rules/escalation/blame-framing.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const brief = (body: string) => `---\nkind: escalation\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    { name: 'despite a fact, not our efforts', code: brief('Facts:\nDespite two outages in May, checkout met its SLO for the quarter.\n') },
    { name: 'a reminder set for ourselves', code: brief('Facts:\nWe set a reminder to revisit the budget in June.\n') },
    brief('Decision needed:\nWho owns v1 compatibility during the v2 migration?\n\nFacts:\nTeam A and team B both expected the other to keep v1 working.\n'),
    { name: 'quoting blame to warn against it', code: brief('Facts:\nWe agreed not to write `they refuse` or "is blocking" in this brief.\n') },
    { name: 'not an escalation', code: '---\nkind: strategy\n---\n\nTeam B is blocking the migration.\n' },
    { name: 'inside a code block', code: brief('Facts:\n\n```\nerror: team B is blocking on v1\n```\n') },
    { name: 'technical uses of the same verbs', code: brief('Facts:\nThe v1 gateway refuses connections and calls are blocking; lazy loading is off, and we ignore the header.\n') },
    {
      spellings: true,
      name: 'things that block are facts',
      code: brief("## Background\n\nDeploys to eu-west-2 were blocked by the same expired certificate. The manual renewal process is also blocking the security team's plan to shorten certificate lifetimes.\n"),
    },
    { name: 'waiting on a dated plan is a fact', code: brief("**Context:** We're waiting on the Infrastructure team's shared scheduler, expected in Q3 (INFRA-2214).\n") },
    { spellings: true, name: 'a server that never responds', code: brief("## Facts\n\n- The legacy endpoint never responds within the 2 s budget.\n- The service won't respond to health checks during a full GC.\n") },
    // Denied blame is not blame: the negator governs the blame verb.
    { spellings: true, name: 'neither team is blocking the other', code: brief('## Facts\n\nNeither team is blocking the other; we disagree about who carries the migration cost.\n') },
    { name: 'a team that is not blocking', code: brief('Facts:\nThe storage team is not blocking us: their API shipped on 4 May.\n') },
    { name: 'nobody refuses, nobody is to blame', code: brief('Facts:\nNobody here is refusing to help, and no one is to blame for the outage.\n') },
    { name: 'it is not their fault', code: brief('**Context:** This is not their fault; the contract never said who keeps v1 alive.\n') },
    { name: 'never dragged their feet (British)', code: brief('## Background\n\nThe payments squad have never dragged their feet on this; both teams prioritised it in Q2.\n') },
    // Marker words in neutral sentences are not sarcasm.
    { name: 'clearly and of course about data and the writer', code: brief('## Facts\n\nThe error budget clearly shows the regression started on 2 June. Of course we will keep the old endpoint until the decision.\n') },
    { name: 'once again, from the writer', code: brief('## Decision needed\n\nWe once again ask for one owner of the v1 shim, by 1 March.\n') },
    { name: 'a team that clearly explained its limits', code: brief('## Facts\n\nThe platform team clearly explained their capacity limits in the 3 May review.\n') },
    { name: 'quoted product names', code: brief('## Facts\n\nTheir "v2" gateway and our "legacy" flag both stay until June.\n') },
    { name: 'waiting on a date, not on people for weeks', code: brief("Facts:\nWe have been waiting for the vendor's firmware since March; the date is not committed in writing.\n") },
    { name: 'our own deprioritising', code: brief('Facts:\nWe have not prioritised the v1 adapter this quarter, and the identity team has not either.\n') },
    { name: 'a decision by a named body', code: brief('Facts:\nThe migration was deprioritised by the steering committee in favour of the audit.\n') },
    // A thing that has not prioritised, or a count with nobody addressed, blames nobody.
    { name: 'a plan that has not prioritised', code: brief('Context:\nThe current roadmap has not prioritised the migration, so nobody has capacity.\n') },
    { name: 'planning that has not prioritised (British)', code: brief("Context:\nQ3 planning hasn't prioritised the v1 shim; the budget was set in June.\n") },
    { name: 'a scheduler that has not engaged', code: brief('Facts:\nThe new scheduler has not engaged the lock since the 4 May upgrade.\n') },
    { name: 'raised several times, nobody named', code: brief('Context:\nWe have raised this several times in planning; the question keeps coming back.\n') },
    { name: 'asked about it several times, at stand-up', code: brief('Context:\nI asked about it several times at stand-up, and we agreed to escalate together.\n') },
    { name: 'flagged the issue in retros', code: brief('Context:\nWe flagged the issue four times in retros before the outage.\n') },
    { name: 'asked twice, answered', code: brief('Facts:\nWe asked the vendor twice; both times the answer was the 20 May release.\n') },
  ],
  invalid: [
    {
      name: 'polite blame: our good-faith attempts',
      code: brief('Facts:\nDespite our repeated and good-faith attempts to agree a handover, no date has been set.\n'),
      errors: [{ messageId: 'blame', line: 6, column: 1, endLine: 6, endColumn: 45, words: ['Despite our repeated and good-faith attempts'] }],
    },
    {
      name: 'polite blame: reminding them of their commitments',
      code: brief('Facts:\nWe would respectfully remind the billing team of the importance of honouring commitments.\n'),
      errors: [{ messageId: 'blame', line: 6, column: 1, endLine: 6, endColumn: 46, words: ['We would respectfully remind the billing team'] }],
    },
    {
      name: 'polite blame: commitments not honoured',
      code: brief('Facts:\nThe commitments made at the offsite have not been honoured.\n'),
      errors: [{ messageId: 'blame', line: 6, column: 5, endLine: 6, endColumn: 59 }],
    },
    {
      name: 'the case study: the other team is blocking progress',
      code: brief('Team B is blocking progress on the v2 migration.\n'),
      errors: [{ messageId: 'blame', line: 5, column: 1, endLine: 5, endColumn: 19, words: ['Team B is blocking'] }],
    },
    {
      name: 'one finding per sentence',
      code: brief('Facts:\nThey refuse to own v1 and keep dragging their feet.\nWe need you to make them do their job.\n'),
      errors: [
        { messageId: 'blame', line: 6, column: 1, endLine: 6, endColumn: 51, words: ['They refuse', 'dragging their feet'] },
        { messageId: 'blame', line: 7, column: 16, endLine: 7, endColumn: 38, words: ['make them', 'do their job'] },
      ],
    },
    {
      spellings: true,
      name: 'emotion in a heading-style brief',
      code: brief('## Context\n\nThis is unacceptable and it is their fault.\n'),
      errors: [{ messageId: 'blame', line: 7, column: 1, endLine: 7, endColumn: 43, words: ['This is unacceptable', 'their fault'] }],
    },
    {
      spellings: true,
      name: 'polite blame: waiting despite reminders, not a priority for them',
      code: brief("## Context\n\n- We asked for a node pool on 3 March. We've been waiting on the platform team for six weeks despite repeated reminders, and it's hard not to feel that our requests just aren't a priority for them.\n"),
      errors: [{ messageId: 'blame', line: 7, column: 94, endLine: 7, endColumn: 197, words: ['despite repeated reminders', 'hard not to feel', "aren't a priority for them"] }],
    },
    {
      name: 'still waiting on them; they have not prioritised it (British)',
      code: brief('**Facts:** We are still waiting on them despite several reminders. The data team have not prioritised this.\n'),
      errors: [
        { messageId: 'blame', line: 5, column: 19, endLine: 5, endColumn: 66, words: ['still waiting on them', 'despite several reminders'] },
        { messageId: 'blame', line: 5, column: 72, endLine: 5, endColumn: 102, words: ['data team have not prioritised'] },
      ],
    },
    {
      name: 'blocked by a team',
      code: brief('Context:\nThe rollout is blocked again by the security team.\n'),
      errors: [{ messageId: 'blame', line: 6, column: 16, endLine: 6, endColumn: 50, words: ['blocked again by the security team'] }],
    },
    // Sarcasm and passive aggression: an ironic marker aimed at the other party.
    {
      spellings: true,
      name: 'ironic praise for a refusal',
      code: brief('## Facts\n\nThe review board has graciously found the time to reject the design again.\n'),
      errors: [{ messageId: 'blame', line: 7, column: 1, endLine: 7, endColumn: 74, words: ['The review board has graciously found the time to reject the design again'] }],
    },
    {
      name: 'once again declined',
      code: brief('Facts:\nThe SRE team has yet again declined our capacity request.\n'),
      errors: [{ messageId: 'blame', line: 6, column: 1, endLine: 6, endColumn: 57, words: ['The SRE team has yet again declined our capacity request'] }],
    },
    {
      name: 'mock certainty about what they know',
      code: brief('## Context\n\nWe will stop sending proposals, since they obviously know better.\n'),
      errors: [{ messageId: 'blame', line: 7, column: 39, endLine: 7, endColumn: 65, words: ['they obviously know better'] }],
    },
    {
      name: 'apparently our work does not count',
      code: brief("## Context\n\nApparently our load tests don't matter to anyone upstairs.\n"),
      errors: [{ messageId: 'blame', line: 7, column: 1, endLine: 7, endColumn: 58, words: ["Apparently our load tests don't matter to anyone upstairs"] }],
    },
    {
      name: 'a mock invitation',
      code: brief('## Context\n\nMaybe the data team would like to run the nightly backfill themselves.\n'),
      errors: [{ messageId: 'blame', line: 7, column: 1, endLine: 7, endColumn: 70, words: ['Maybe the data team would like to run the nightly backfill themselves'] }],
    },
    {
      name: 'scare quotes around their word',
      code: brief("## Context\n\nThat was their third 'no' this quarter, each with a different reason.\n"),
      errors: [{ messageId: 'blame', line: 7, column: 10, endLine: 7, endColumn: 26, words: ["their third 'no'"] }],
    },
    {
      name: 'waiting on a team for weeks',
      code: brief('Context:\nWe have been waiting on the Identity team for six weeks now.\n'),
      errors: [{ messageId: 'blame', line: 6, column: 4, endLine: 6, endColumn: 56, words: ['have been waiting on the Identity team for six weeks'] }],
    },
    {
      name: 'a team name that has not prioritised (no "team")',
      code: brief('Facts:\nPlatform has not prioritised the fix, so the release slipped.\n'),
      errors: [{ messageId: 'blame', line: 6, column: 1, endLine: 6, endColumn: 29, words: ['Platform has not prioritised'] }],
    },
    {
      name: 'a team by name that has not engaged',
      code: brief("Facts:\nSo far Payments hasn't engaged with the proposal.\n"),
      errors: [{ messageId: 'blame', line: 6, column: 8, endLine: 6, endColumn: 31, words: ["Payments hasn't engaged"] }],
    },
    {
      name: 'a person by name, counted in attempts',
      code: brief("Context:\nI've raised it with Marco four times since May.\n"),
      errors: [{ messageId: 'blame', line: 6, column: 6, endLine: 6, endColumn: 37, words: ['raised it with Marco four times'] }],
    },
    {
      name: 'them, counted in attempts',
      code: brief('Context:\nWe have pinged them about this several times.\n'),
      errors: [{ messageId: 'blame', line: 6, column: 9, endLine: 6, endColumn: 45, words: ['pinged them about this several times'] }],
    },
    {
      name: 'passive blame: deprioritised by them',
      code: brief('Facts:\nOur ticket was quietly deprioritised by the data team again in March.\n'),
      errors: [{ messageId: 'blame', line: 6, column: 12, endLine: 6, endColumn: 54, words: ['was quietly deprioritised by the data team'] }],
    },
    {
      name: 'counting the requests, British spelling',
      code: brief("Background:\nI've chased the SRE team about it five times since the autumn.\n"),
      errors: [{ messageId: 'blame', line: 6, column: 6, endLine: 6, endColumn: 45, words: ['chased the SRE team about it five times'] }],
    },
    {
      name: 'acting without telling, and a parting jab',
      code: brief('Context:\nThe schema changed without consulting anyone on the mobile side.\n\nMaybe this time someone will actually read the brief.\n'),
      errors: [
        { messageId: 'blame', line: 6, column: 20, endLine: 6, endColumn: 45, words: ['without consulting anyone'] },
        { messageId: 'blame', line: 8, column: 17, endLine: 8, endColumn: 43, words: ['someone will actually read'] },
      ],
    },
  ],
});
