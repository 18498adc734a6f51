// Kind evidence from content (src/core/kinds/content.ts): artifacts whose headings name none of
// the kind's sections are recognised by what they say, when several signals agree; documents of
// other genres (a design doc, a guide, a retrospective) and documents that fit two kinds stay
// unknown; a document recognised so has the sections its content shows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinRules, checkText, defaultModule, detectKind, parse } from '../../src/core/index.ts';
import { contentSignals } from '../../src/core/kinds/content.ts';
import { impliedSections } from '../../src/core/kinds/detect.ts';
import { ASK, escalationLetter as letter, PAD } from '../helpers/letters.ts';

const kindOf = (text: string) => detectKind(parse(text), defaultModule).kind?.id;

const escalationLetter = letter(ASK, "I'd go with the second: data already owns the retention policy.");

const escalationPolite = `# Storage for the imaging archive

A bit of history. The archive grew from 60 TB to 210 TB in two years, and backups now overrun
the nightly window three times a week.

There are three ways forward:

1. Keep the nightly backup and buy a faster tape library (about £80,000).
2. Move cold studies to object storage and back up only the last 90 days.
3. Do nothing and accept overruns.

Our suggestion would be the second one, since it also shrinks restore times. It would help to
get a steer from whoever is best placed to make the call, ideally before the end of the month.
${PAD}`;

const roleChat = `Exported from #ml-platform-leads

[10:02] Priya: my role for next half, as discussed. Please react if ok

[10:03] Priya: Primary archetype is architect for the feature store; secondary is tech lead
for the online-serving rewrite until it ships.

[10:04] Priya: not my scope: on-call for the batch pipelines (stays with the data team), hiring
loops beyond two a month.

[10:05] Priya: a normal week:
- 2 days design reviews and the feature-store data model
- 1.5 days online-serving tech lead work
- 1 day pairing and mentoring
- 0.5 day interviews
${PAD}`;

const roleTable = `# What I do here (platform security)

I keep getting asked what to send me, so here it is.

## The short version

Primary: right hand to the CISO for the zero-trust programme. Secondary: architect for the
identity service.

## Time, roughly

| What | Share of the week |
|---|---|
| Zero-trust programme | 50% |
| Identity service design | 25% |
| Reviews | 15% |
| Interviews | 10% |

## Not me

- I'm not the incident commander for security incidents; the on-call SecOps lead is.
- I won't approve individual firewall changes.
${PAD}`;

const growthNotes = `# Notes for my 1:1s with Tomás, next quarter

Tomás wants to grow into running design reviews for the payments team. He has reviewed plenty
of designs but never led the meeting or written the summary.

He will own the review of the refunds redesign in April, chairing the session and writing the
decision notes. I'll review his agenda at our check-in the week before, and we'll do a dry run
of the hard questions.

Afterwards he presents the outcome at the engineering all-hands, so people see him as the owner;
I'll make sure the credit goes to him in the monthly update.
${PAD}`;

const strategyQuestions = `# Warehouse systems: the next two quarters

## What's actually going wrong?

Pick errors rose from 0.8% to 2.1% last quarter across our 12 sites, and 38% of them come from
the three sites still on the old scanners. Today support spends half its time on scanner tickets.

## So what's the rule?

Scanner reliability comes before any new feature. We'll replace scanners site by site rather than
patch the old fleet.

## What first?

- Replace scanners at the three worst sites by the end of May.
- Move the label service to the shared platform.
- Publish a weekly error dashboard.

## Saying no to

- No new picking features until the three sites are done.
- We will not build our own scanner firmware.

## How we'll tell

- Pick errors: from 2.1% to under 1% by 30 September.
`;

const designDoc = `# Async job runner

## Motivation

Jobs today run in the web process; 3% of requests time out when a job is slow.

## Goals

- Run jobs out of process.

## Non-goals

- We will not replace the queue.

## Proposal

We will add a worker pool rather than threads. Option 1 is a pool per host; option 2 is a shared
pool. We recommend option 2. We need to decide which by the end of the month.

## Drawbacks

Latency from 20 ms to under 50 ms by Q3 is the target.
`;

const guide = `# Planning your next year here

Your plan is yours. You decide what you want to grow, and your manager helps you find a stretch
assignment you can own.

- Pick a skill you want to get better at.
- Agree checkpoints with your manager: a 1:1 every two weeks works for most people.
- Find a moment of visibility: present your work at a team demo.

You should revisit the plan every quarter. If you are not sure where to start, ask your mentor;
you can also read the examples linked below, and you will find templates in the wiki.
${PAD}`;

const retro = `# 2025 release train retrospective

We ran the release train for the first time this year. Option 1 (monthly trains) and option 2
(fortnightly) were both tried. We recommend keeping the monthly train, and the release leads need
to decide which tooling to keep by 30 June.
${PAD}`;

const summaryEmail = `Subject: kiosk card readers

Hello Mara,

A quick note after Tuesday's store walk. The new card readers in the Leeds kiosks dropped 2.1% of
contactless payments during the pilot, against 0.2% for the old ones, because the firmware
restarts the antenna after every refund.

We're delaying the national rollout from 4 March to 25 March. Rolling out on 4 March would put
about 3,000 failed payments a week on the busiest stores.

The plan is to take the vendor's firmware fix on 10 March, rerun the Leeds pilot for a week and
then go store by store.

Could you approve the 25 March date by Friday, so the store managers hear it from us first?

Thanks,
Dev
`;

describe('kind from content', () => {
  const cases: [string, string | undefined, string][] = [
    ['a decision request written as a letter', 'escalation', escalationLetter],
    ['a polite decision request with numbered options', 'escalation', escalationPolite],
    ['a role memo pasted from chat', 'role-memo', roleChat],
    ['a role memo with its week in a table', 'role-memo', roleTable],
    ['a growth plan in prose', 'growth-plan', growthNotes],
    ['a strategy under question headings', 'strategy', strategyQuestions],
    ['an executive summary written as an email', 'exec-summary', summaryEmail],
    ['a design doc that decides, excludes and measures', undefined, designDoc],
    ['a guide written to the reader', undefined, guide],
    ['a retrospective that recommends', undefined, retro],
    ['a short note', undefined, 'We need your decision by Friday. Option 1 or option 2? I recommend option 2.'],
  ];
  for (const [name, want, text] of cases) it(`${name}: ${want ?? 'unknown'}`, () => assert.equal(kindOf(text), want, JSON.stringify(Object.fromEntries(contentSignals(parse(text))))));

  it('front matter and section names still win over content', () => {
    assert.equal(kindOf(`---\nkind: growth-plan\n---\n\n${escalationLetter}`), 'growth-plan');
  });

  it('a document recognised by content has its sections where its content shows them, and none is missing', () => {
    const doc = parse(roleTable);
    const { kind, source } = detectKind(doc, defaultModule);
    assert.equal(kind?.id, 'role-memo');
    assert.equal(source, 'content');
    const implied = impliedSections(doc, kind, source);
    const at = implied.get('allocation');
    assert.ok(at && doc.text.slice(at.start, at.end).includes('| Zero-trust programme | 50% |'), 'the allocation is the table');
    const non = implied.get('non-scope');
    assert.ok(non && doc.text.slice(non.start, non.end).includes("I'm not the incident commander"), 'the non-scope is the list');
    assert.deepEqual(implied.get('success'), doc.body, 'nothing says how success is judged: the body');
    const r = checkText(roleTable, { module: defaultModule, rules: builtinRules });
    assert.equal(r.kind?.id, 'role-memo');
    assert.deepEqual(
      r.diagnostics.filter((d) => d.ruleId.startsWith('structure/')).map((d) => d.ruleId),
      [],
    );
  });

  it('a section-recognised document gets no sections from content', () => {
    const text = `# Role memo\n\n## Archetype\n\nPrimary: architect.\n\n## Scope\n\nThe identity service.\n${PAD}`;
    const doc = parse(text);
    const { kind, source } = detectKind(doc, defaultModule);
    assert.equal(kind?.id, 'role-memo');
    assert.equal(source, 'inferred');
    assert.ok(!impliedSections(doc, kind, source).has('non-scope'));
  });
});
