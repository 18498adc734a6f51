import rule from '../../../src/core/rules/strategy/anti-scope-none.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const strategy = (body: string) => `---\nkind: strategy\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    { name: 'a real exclusion beside a platitude about feedback', code: strategy("## Anti-scope\n\n- We won't ignore what store managers tell us.\n- No native tablet app until the web app has offline mode.\n") },
    { name: 'ruling out a release path someone wants', code: strategy("## Anti-scope\n\n- We won't ship the beta features that product asked for to the EU region this half.\n") },
    { name: 'one real exclusion among self-evident ones', code: "---\nkind: strategy\n---\n\n## Anti-scope\n\n- We won't ship untested code.\n- No service mesh this year, even though two teams asked for one.\n" },
    { name: 'a self-evident phrase that is not excluded', code: '---\nkind: strategy\n---\n\n## Anti-scope\n\n- No new dashboards: they ignore security reviews we already run.\n- No mobile SDK.\n' },
    strategy('## Anti-scope\n\n- No Kubernetes upgrade this half unless a security deadline forces it.\n'),
    { spellings: true, name: 'a non-goal that opens with "none of"', code: strategy('## Non-goals\n\nNone of the analytics workloads move off the warehouse.\n') },
    {
      spellings: true,
      name: '"none of these is a bad idea" above a list of non-goals',
      code: strategy('## Out of scope\n\nNone of these are bad ideas, and we still will not do them in 2026:\n\n- A second region for the reporting cluster.\n- Rewriting the billing service in Go.\n'),
    },
    { name: '"none" with an exception that excludes something', code: strategy('Anti-scope: none, except that the mobile apps keep their own release train until Q3.\n') },
    { spellings: true, name: 'a pointer to where the exclusions are written', code: strategy('## Anti-scope\n\nN/A here: see [the non-goals in the platform RFC](https://example.com/rfc-12).\n') },
    { name: 'nothing that names what it excludes', code: strategy('**Anti-scope:** Nothing that touches the payments ledger before the audit closes.\n') },
    { spellings: true, name: 'empty is structure/empty-section', code: strategy('## Anti-scope\n\n## Success metrics\n\n- Lead time below 1 day by Q2.\n') },
    // A dodge keeps something open while naming what it excludes: that is an anti-scope.
    { spellings: true, name: 'options kept open on one thing, and a real exclusion', code: strategy('## Anti-scope\n\nWe will keep our options open on the queue vendor, but we will not build a mobile app this year.\n') },
    { name: 'refusing a kind of request is an exclusion', code: strategy("## Anti-scope\n\n- No new regions this half.\n- We won't say yes to any new platform requests before the migration ends.\n") },
    { name: 'a negated verb with a concrete object', code: strategy("## Anti-scope\n\nWe won't give any team a dedicated SRE this year. Anything touching the ledger stays frozen until the audit closes.\n") },
    { spellings: true, name: 'everything but one thing on the table', code: strategy('## Anti-scope\n\nEverything except the billing rewrite stays on the table.\n') },
    { name: 'one door kept open, one closed', code: strategy("**Anti-scope:** We won't close any regions, but the Sydney expansion is off the table until 2027.\n") },
    { spellings: true, name: 'dropping an old browser is a real exclusion', code: strategy('## Anti-scope\n\n- We will stop supporting Internet Explorer 11 this year.\n- No deletion of the legacy reports until finance signs off.\n') },
  ],
  invalid: [
    {
      spellings: true,
      name: 'values with their owner, feedback ignored, an untested release in a clause',
      code: strategy("## What we won't do\n\n- We will not compromise on patient privacy.\n- We won't release app builds that haven't been reviewed.\n- We won't ignore what clinicians report through the help desk.\n"),
      errors: [{ messageId: 'selfEvident', line: 7, column: 3, endLine: 9, endColumn: 64 }],
    },
    {
      name: 'shipping without tests and ignoring complaints, British',
      code: strategy('## Not doing\n\n- We shall not deploy any changes without testing.\n- We will not ignore customer complaints about colour contrast.\n'),
      errors: [{ messageId: 'selfEvident', line: 7, column: 3, endLine: 8, endColumn: 64 }],
    },
    {
      name: 'only things nobody would do anyway',
      code: "---\nkind: strategy\n---\n\n## Anti-scope\n\n- We won't ship untested code.\n- We will not ignore security.\n- No cutting corners on reliability.\n",
      errors: [{ messageId: 'selfEvident', line: 7, column: 3, endLine: 9, endColumn: 37, words: ['ship untested code', 'ignore security', 'cutting corners'] }],
    },
    {
      code: strategy('## Out of scope\n\nNothing for now.\n'),
      errors: [{ messageId: 'none', line: 7, column: 1, endLine: 7, endColumn: 17, words: ['Nothing for now'] }],
    },
    {
      name: 'label style',
      code: strategy('Anti-scope:\nN/A\n'),
      errors: [{ messageId: 'none', line: 6, column: 1, endLine: 6, endColumn: 4, data: { words: 'N/A' } }],
    },
    {
      spellings: true,
      name: 'N/A followed by a justification that rules nothing out',
      code: strategy("## What we won't do\n\nN/A. To be honest everything on the reporting roadmap is important this year, and we would rather not rule anything out\nbefore the autumn planning round.\n"),
      errors: [{ messageId: 'none', line: 7, column: 1, endLine: 8, endColumn: 34, words: ['N/A'] }],
    },
    {
      name: 'bold field, "none for now" and a promise to revisit',
      code: strategy('**Anti-scope:** None for now, we will revisit after the Q3 review.\n\n**Success metrics:** Lead time below 1 day by Q2.\n'),
      errors: [{ messageId: 'none', line: 5, column: 17, endLine: 5, endColumn: 67, words: ['None for now'] }],
    },
    {
      spellings: true,
      name: 'a universal claim with no "none" at all',
      code: strategy('## Anti-scope\n\n- Everything on the roadmap stays in scope.\n'),
      errors: [{ messageId: 'none', line: 7, column: 3, endLine: 7, endColumn: 44 }],
    },
    {
      spellings: true,
      name: 'a reason that only says an anti-scope is not needed',
      code: strategy("## Anti-scope\n\nNothing in particular. We don't think a strategy this small needs an anti-scope.\n"),
      errors: [{ messageId: 'none', line: 7, column: 1, endLine: 7, endColumn: 81, words: ['Nothing in particular'] }],
    },
    {
      spellings: true,
      name: 'none for now, not decided yet',
      code: strategy("## Anti-scope\n\nNone for now, we haven't decided yet.\n"),
      errors: [{ messageId: 'none', line: 7, column: 1, endLine: 7, endColumn: 38, words: ['None for now'] }],
    },
    {
      spellings: true,
      name: 'ruling nothing out, said outright',
      code: strategy("## Non-goals\n\nWe're not ruling anything out until the reorg settles.\n"),
      errors: [{ messageId: 'none', line: 7, column: 1, endLine: 7, endColumn: 55, words: ["We're not ruling anything out"] }],
    },
    {
      name: 'no non-goals, British spelling of the reason',
      code: strategy('**Anti-scope:** There are no non-goals this quarter; we prioritise as requests arrive.\n'),
      errors: [{ messageId: 'none', line: 5, column: 17, endLine: 5, endColumn: 87, words: ['There are no non-goals this quarter'] }],
    },
    // Dodges: no "none", but nothing excluded either.
    {
      spellings: true,
      name: 'a dodge: rather not close any doors, everything on the table',
      code: strategy("## Anti-scope\n\nWe'd rather not close any doors this early; everything remains on the table until the offsite.\n"),
      errors: [{ messageId: 'none', line: 7, column: 1, endLine: 7, endColumn: 95, words: ["We'd rather not close any doors this early; everything rema\u2026"] }],
    },
    {
      name: 'a dodge: keeping options open',
      code: strategy('Anti-scope:\nKeeping our options open for now.\n'),
      errors: [{ messageId: 'none', line: 6, column: 1, endLine: 6, endColumn: 34, words: ['Keeping our options open for now'] }],
    },
    {
      spellings: true,
      name: 'a dodge: all options in play, not boxing ourselves in',
      code: strategy("## Not doing\n\nHonestly, all options are still in play. We don't want to box ourselves in before we see the Q2 numbers.\n"),
      errors: [{ messageId: 'none', line: 7, column: 1, endLine: 7, endColumn: 105, words: ['Honestly, all options are still in play'] }],
    },
    {
      name: 'a dodge: reluctant to rule anything out',
      code: strategy('**Anti-scope:** We are reluctant to rule anything out while the reorg settles.\n'),
      errors: [{ messageId: 'none', line: 5, column: 17, endLine: 5, endColumn: 79, words: ['We are reluctant to rule anything out while the reorg settl\u2026'] }],
    },
    {
      name: 'a dodge: nothing we would give up',
      code: strategy('## Anti-scope\n\nNothing we would want to give up at this stage.\n'),
      errors: [{ messageId: 'none', line: 7, column: 1, endLine: 7, endColumn: 48, words: ['Nothing we would want to give up at this stage'] }],
    },
    {
      spellings: true,
      name: '"nil at present", padded with a promise',
      code: strategy('## Out of scope\n\nNil at present. All requests from faculties will be accommodated as per priority.\n'),
      errors: [{ messageId: 'none', line: 7, column: 1, endLine: 7, endColumn: 82, words: ['Nil at present'] }],
    },
    {
      spellings: true,
      name: 'ruling out only destruction and unsafe shortcuts',
      code: strategy("## Anti-scope\n\n- We will not delete historical telemetry data.\n- We won't stop supporting the clinics during the cutover.\n- No changes that bypass the dispensing safety checks.\n"),
      errors: [{ messageId: 'selfEvident', line: 7, column: 3, endLine: 9, endColumn: 55 }],
    },
  ],
});
