import rule from '../../../src/core/rules/structure/required-section.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

import { defaultModule } from '../../../src/core/index.ts';

const hintOf = (id: string) => defaultModule.kinds.find((k) => k.id === 'growth-plan')?.sections.find((s) => s.id === id)?.hint ?? '';
const DIAGNOSIS_HINT = defaultModule.kinds.find((k) => k.id === 'strategy')?.sections.find((s) => s.id === 'diagnosis')?.hint ?? '';
const ASK_HINT = defaultModule.kinds.find((k) => k.id === 'exec-summary')?.sections.find((s) => s.id === 'ask')?.hint ?? '';
const HINT = { opportunity: hintOf('opportunity'), visibility: hintOf('visibility') };
const growth = (body: string) => `---\nkind: growth-plan\n---\n\n${body}`;
const full = 'Skill goal:\nLead the API design.\n\nOpportunity:\nOwn the RFC.\n\nSupport:\nReview by 5 March.\n\nVisibility:\nNamed in the update.\n';

const strategy = (diagnosisHeading: string, diagnosis: string) =>
  `---\nkind: strategy\n---\n\n## ${diagnosisHeading}\n\n${diagnosis}\n\n## Guiding policy\n\nWeb first: native apps get fixes only until the web app has parity.\n\n## Coherent actions\n\n1. Rebuild the editor on the web.\n\n## Not doing\n\n- No parent portal redesign this year.\n\n## How we'll know\n\n- 40% of teachers on web by 30 June 2027.\n`;

const hintIn = (kind: string, id: string) => defaultModule.kinds.find((k) => k.id === kind)?.sections.find((s) => s.id === id)?.hint ?? '';
const ANTI_LESS =
  '---\nkind: strategy\n---\n\n## Diagnosis\n\nNo new warehouse tenants have gone live in under six weeks: every one waits on a hand-built schema.\n\n## Guiding policy\n\nSchemas come from templates rather than hand-built scripts.\n\n## Coherent actions\n\n1. Ship three schema templates by May.\n\n## Measures\n\n- New tenants live in two weeks by 30 September.\n';
const DECIDER_LESS =
  '---\nkind: escalation\n---\n\n## Decision needed\n\nWho owns the nightly export job from June?\n\n## Facts\n\nThe job failed four times in April. Today whoever is on call decides whether to rerun it or page the data team.\n\n## Options\n\n1. The data team owns it.\n2. The platform team owns it.\n\n## Recommendation\n\nOption 1: the data team wrote the job.\n';
const RISK_LESS =
  '---\nkind: exec-summary\n---\n\n**Decision:** We will move the ledger freeze from 2 June to 9 June.\n\n**Reason:** The last dry run found 40 accounts with a stale balance.\n\n**Plan:** Rerun the dry run on 5 June and check the totals with the risk team.\n\n**Ask:** Approve the 9 June date by Friday.\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a summary in sentences, no labels: every part is said somewhere (structure/unrecognised-section asks for labels)',
      code: `---\nkind: exec-summary\n---\n\nWe are moving the billing cutover from 3 May to 17 May. The replay test found that 0.4% of invoices got the wrong tax code.\n\nShipping on 3 May would put about 900 invoices a week at risk of a refund.\n\nThe fix is a tax-code lookup per region and a second replay before the switch.\n\nCould you approve the 17 May date by Friday?\n`,
    },
    {
      name: 'a growth plan in the rows of a table',
      code: growth(
        '| What | Plan | When |\n|---|---|---|\n| Goal | Lead the search ranking redesign | Q3 |\n| Her work | Noor writes the ranking RFC | 4 June |\n| From me | I review her draft | 28 May |\n| Seen by | She presents it at the engineering all-hands | 20 June |\n',
      ),
    },
    {
      // Support has no cue words: the ways people help are too many to list, so an unknown heading
      // that may hold it keeps the finding a warning (structure/unrecognised-section), never an error.
      name: 'a support checkpoint in words no list has, under a chatty label',
      code: growth(
        "skill goal:\nLead the fraud-rules redesign.\n\nthe thing she'll own:\nThe rules-engine RFC, hers end to end, due 20 March.\n\nour tuesday slot:\nWe sit down with her draft before it goes out, and I push on the weak spots.\n\nvisibility:\nShe presents it to the risk council on 27 March.\n",
      ),
    },
    {
      name: 'an unknown heading that names a problem may be the diagnosis (structure/unrecognised-section asks)',
      code: strategy('Where things are heading', 'Teachers wait up to a minute for the iPad app to sync, and most of our support tickets are about it.'),
    },
    {
      name: 'a summary in sentences with an Ask label: the other parts may be in the prose (structure/unrecognised-section asks for labels)',
      code: `---\nkind: exec-summary\n---\n\nWe will move the card switch one week, to 20 March, because 1.3% of chargeback records did not reconcile in the last rehearsal. If we switch on 13 March, disputes could be lost and members refunded twice; the extra week lets us rerun the rehearsal and reach zero.\n\n**Ask:** approve the 20 March date by 3 March.\n`,
    },
    {
      name: 'a blocker named under an unknown heading may be the diagnosis',
      code: strategy('Where things stand', 'The one blocker for teachers is the iPad app: a class takes twenty minutes to set up on it.'),
    },
    growth(full),
    {
      name: 'an escalation that names its decider in the request line ("Sign-off we need from ... by Friday")',
      code: `---\nkind: escalation\n---\n\n## Decision needed\n\nSign-off we need from Ana Ruiz (Head of Support) by Friday: who runs the weekend queue from May?\n\n## Facts\n\nWeekend tickets doubled since March.\n\n## Options\n\n1. The support team adds a weekend rota.\n2. The product team takes weekend pages.\n\n## Recommendation\n\nOption 1, because support already triages weekday tickets.\n`,
    },
    {
      name: 'a role memo exported from Notion: the week split folded into a <details> toggle',
      code: `---\nkind: role-memo\n---\n\n## Archetype\n\nPrimary: architect for the ledger rewrite.\n\n## Scope\n\n- The ledger service design and its review.\n\n## Non-scope\n\n- Payroll integrations (Ravi's team).\n\n<details>\n<summary>▸ Where my week goes (5 days)</summary>\n\n| Work | Days |\n|---|---|\n| Ledger design | 3 |\n| Reviews | 2 |\n\n</details>\n\n## Stakeholders\n\n- Head of Finance Engineering, my sponsor.\n\n## Success signal\n\nBy 30 June the new ledger carries all EU traffic.\n`,
    },
    {
      name: 'an escalation in lower-case fields under a chatty lower-case first line',
      code: `---\nkind: escalation\n---\n\n# escalation: the search reindex window\n\nshort one, need an answer before the freeze\ndecision needed: who approves the weekend reindex window from 1 May\nfacts: the reindex takes 9 hours and blocks writes for 20 minutes\noptions: (1) the search team picks the window, (2) the storefront team picks it\nrecommendation: option 1, since the search team runs the job\ndecider: Lena Ortiz, VP Engineering, by 25 April\n`,
    },
    {
      name: 'a growth plan written as a letter to the person: "you\'ll lead", "you\'re the accountable owner", "I\'ll put your name forward"',
      code: growth(
        "Tomás, here is what we agreed, written down so that Priya can see it too.\n\nYou said you want to grow into leading cross-team designs, and that your last review said your work stays inside the payments team. We agreed the answer is ownership, not more advice.\n\nFrom March you'll lead the refund-service redesign with two engineers from checkout, and you're the accountable owner in the roadmap; I'm only a reviewer.\n\nWe'll go through your draft on 20 March and I'll play the sceptical architect in a dry run on 25 March.\n\nOnce it ships I'll put your name forward for the architecture guild, and you'll walk the wider engineering org through it at the April forum.\n",
      ),
    },
    {
      name: 'a junior summary: the decision in a bold opening line, the plan as "What we\'re doing", the asks under "What this means for you"',
      code: `---\nkind: exec-summary\naudience: junior\n---\n\n# The search move, for new starters\n\n**The move to the new search cluster is being pushed to 14 April.** Nothing else about the project changes.\n\n## Why\n\nThe new cluster lost about 1 in 2,000 writes in the load test.\n\n## Risk of waiting\n\nShoppers would see stale prices for up to an hour.\n\n## What we're doing\n\n1. The search team adds retries to the indexer.\n2. We rerun the load test on 7 April.\n\n## What this means for you\n\n- When you change code that writes to search, run the new chaos test before you merge.\n- Book one slot on the load-test rota by 1 April.\n`,
    },
    { name: 'headings and synonyms', code: growth('## Goal\n\nx\n\n## Stretch assignment\n\nx\n\n## Review checkpoint\n\nx\n\n## Visibility moment\n\nNamed in the update.\n') },
    { name: 'not an artifact', code: '# README\n\nHello.\n' },
    {
      spellings: true,
      name: 'a visibility moment in other words: a council, a nomination, publishing under her name',
      code: growth(
        '## Skill goal\n\nLead the API design.\n\n## Opportunity\n\nOwn the RFC.\n\n## Support\n\nReview by 5 March.\n\n## Recognition\n\nThe RFC goes to the Platform Council on 3 May, and I will nominate Ines for the staff panel in June.\n',
      ),
    },
    {
      name: 'a visibility that points at the opportunity, where the moment is',
      code: growth('Skill goal:\nLead the API design.\n\nOpportunity:\nPresent the RFC at the architecture forum on 12 March.\n\nSupport:\nReview by 5 March.\n\nVisibility:\nThe forum presentation above.\n'),
    },
    {
      name: "an empty visibility is structure/empty-section's, not this rule's",
      code: growth('## Skill goal\n\nLead the API design.\n\n## Opportunity\n\nOwn the RFC.\n\n## Support\n\nReview by 5 March.\n\n## Visibility\n\n<!-- later -->\n'),
    },
    {
      name: 'names as people write them: emoji, numbering, parentheticals, qualifiers, bold fields',
      code: growth('## 🎯 1. Goal (this half)\n\nx\n\n## 🚀 2. Stretch assignment:\n\nx\n\n**Review checkpoint:** 5 March.\n\n## Visibility moments for Q3\n\nShe demos it at the July all-hands.\n'),
    },
    {
      name: 'a Y-statement carries context, decision and consequences',
      code: '---\nkind: adr\n---\n# Sessions\n\nIn the context of the login service, facing lost sessions on deploy, we decided for Redis and neglected sticky sessions, to achieve deploys without logouts, accepting that Redis is one more service to run.\n',
    },
    {
      name: 'a heading staffwork does not know may be the section: structure/unrecognised-section asks, this rule does not',
      code: growth('## Skill goal\n\nx\n\n## Opportunity\n\nx\n\n## Support\n\nx\n\n## Making the migration work more visible across the org\n\nx\n'),
    },
    {
      name: 'an unknown heading whose text has a visibility moment may be it (British spelling, a forum, credit)',
      code: growth(
        '## Skill goal\n\nLead the API design.\n\n## Opportunity\n\nOwn the RFC.\n\n## Support\n\nReview by 5 March.\n\n## Afterwards\n\nShe presents the design at the architecture forum, and I credit her by name in the monthly update.\n',
      ),
    },
    {
      name: 'a support part nested under another heading, whose text is reviews, pairing and feedback, may be it',
      code: growth(
        '## Skill goal\n\nLead the API design.\n\n## Opportunity\n\nOwn the RFC, due 12 March.\n\n## Visibility\n\nNamed as owner in the status update.\n\n## Logistics\n\nWe keep the plan in the team folder.\n\n### Week by week\n\n- I review the first draft on 1 March and give written feedback.\n- We pair on the hardest section.\n- A dry run with two peers on 10 March.\n',
      ),
    },
    {
      name: 'a document of several # headings has its parts at that level: "# Motivation" may be the reason',
      code: '---\nkind: exec-summary\naudience: executive\n---\n\n# Summary\n\nWe move the build farm to the new region on 3 June.\n\n# Motivation\n\nThe old region is retired in July.\n\n# Risk if we wait\n\nBuilds stop in July.\n\n# Plan\n\nMove one pool a week.\n\n# Ask\n\nApprove the budget by Friday.\n',
    },
    {
      name: 'a title that joins two names holds both ("Risk and rollback")',
      code: '---\nkind: exec-summary\naudience: executive\n---\n\n## Decision\n\nDelay the launch to 14 May.\n\n## Why\n\nRetries can charge twice.\n\n## Risk and rollback\n\nA duplicate charge; we roll back within an hour.\n\n## Ask\n\nApprove the date by Friday.\n',
    },
    {
      name: 'a summary that opens with its decision before any label has its Decision section',
      code: '---\nkind: exec-summary\naudience: executive\n---\n\nFrom 3 March, after-hours calls go to the Northside clinic.\n\nWhy: night volume fell to two calls a week.\n\nRisk if we wait: two on-call vets for almost no calls.\n\nPlan: move the phone line on 1 March.\n\nAsk: approve the rota by Friday.\n',
    },
    {
      name: 'a greeting is not the decision, the paragraph after it is',
      code: '---\nkind: exec-summary\naudience: executive\n---\n\nHi all,\n\nWe will move after-hours calls to the Northside clinic.\n\nWhy: night volume fell to two calls a week.\n\nRisk if we wait: two on-call vets for almost no calls.\n\nPlan: move the phone line on 1 March.\n\nAsk: approve the rota by Friday.\n',
    },
  ],
  invalid: [
    // Words another part uses in passing do not say the missing part: each stays an error.
    {
      name: 'a finding that opens "No new ..." under the Diagnosis is no Anti-scope',
      code: ANTI_LESS,
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 15, data: { kind: 'engineering strategy', section: 'Anti-scope', hint: hintIn('strategy', 'anti-scope') } }],
      output: ANTI_LESS.replace('## Measures', `## Anti-scope\n\n<!-- ${hintIn('strategy', 'anti-scope')} -->\n\n## Measures`),
    },
    {
      name: 'how things go today ("whoever is on call decides") names no decider',
      code: DECIDER_LESS,
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 17, data: { kind: 'escalation brief', section: 'Decision maker', hint: hintIn('escalation', 'decision-maker') } }],
      output: `${DECIDER_LESS}\n## Decision maker\n\n<!-- ${hintIn('escalation', 'decision-maker')} -->\n`,
    },
    {
      name: 'a plan that mentions "the risk team" says no risk',
      code: RISK_LESS,
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 19, data: { kind: 'executive summary', section: 'Risk if ignored', hint: hintIn('exec-summary', 'risk') } }],
      output: RISK_LESS.replace('**Plan:**', `Risk if ignored:\n<!-- ${hintIn('exec-summary', 'risk')} -->\n\n\n\n**Plan:**`),
    },
    {
      name: 'an unknown heading that keeps the work private in words a moment would use ("no need to present it to the wider org") is no Visibility',
      code: growth(
        '## Skill goal\n\nLead the queue migration design.\n\n## Opportunity\n\nNoor owns the design doc, due 4 June.\n\n## Support\n\nI review her draft on 28 May.\n\n## Keeping it low-key\n\nNoor would rather finish first, so there is no need to present it to the wider engineering org this half.\n',
      ),
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 18, data: { kind: 'growth plan', section: 'Visibility', hint: HINT.visibility } }],
      output: growth(
        `## Skill goal\n\nLead the queue migration design.\n\n## Opportunity\n\nNoor owns the design doc, due 4 June.\n\n## Support\n\nI review her draft on 28 May.\n\n## Visibility\n\n<!-- ${HINT.visibility} -->\n\n## Keeping it low-key\n\nNoor would rather finish first, so there is no need to present it to the wider engineering org this half.\n`,
      ),
    },
    {
      name: 'a Visibility said only under the Opportunity heading is the delegation, not a moment others see',
      code: growth("## Skill goal\n\nLead the queue migration design.\n\n## Opportunity\n\nNoor owns the design doc and presents it at the team's design review on 4 June.\n\n## Support\n\nI review her draft on 28 May.\n"),
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 18, data: { kind: 'growth plan', section: 'Visibility', hint: HINT.visibility } }],
      output: growth(
        `## Skill goal\n\nLead the queue migration design.\n\n## Opportunity\n\nNoor owns the design doc and presents it at the team's design review on 4 June.\n\n## Support\n\nI review her draft on 28 May.\n\n## Visibility\n\n<!-- ${HINT.visibility} -->\n`,
      ),
    },
    {
      name: 'a summary whose sentences ask nothing still lacks its Ask',
      code: `---\nkind: exec-summary\n---\n\nWe are moving the billing cutover from 3 May to 17 May. The replay test found that 0.4% of invoices got the wrong tax code.\n\nShipping on 3 May would put about 900 invoices a week at risk of a refund.\n\nThe fix is a tax-code lookup per region and a second replay before the switch.\n`,
      errors: [
        {
          messageId: 'missing',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 19,
          data: { kind: 'executive summary', section: 'Ask', hint: ASK_HINT },
        },
      ],
      output: `---\nkind: exec-summary\n---\n\nWe are moving the billing cutover from 3 May to 17 May. The replay test found that 0.4% of invoices got the wrong tax code.\n\nShipping on 3 May would put about 900 invoices a week at risk of a refund.\n\nThe fix is a tax-code lookup per region and a second replay before the switch.\n\nAsk:\n<!-- ${ASK_HINT} -->\n`,
    },
    {
      spellings: true,
      name: 'a "Recognition" of private praise has the name, not the moment',
      code: growth(
        "## Skill goal\n\nLead the API design.\n\n## Opportunity\n\nOwn the RFC.\n\n## Support\n\nReview by 5 March.\n\n## Recognition\n\nGood work tends to speak for itself; once it lands I'll give Noor detailed feedback and we'll talk about what comes next.\n",
      ),
      errors: [{ messageId: 'unplayed', line: 17, column: 4, endLine: 17, endColumn: 15, words: ['Recognition'], data: { kind: 'growth plan', section: 'Visibility', heading: 'Recognition', hint: HINT.visibility } }],
    },
    {
      name: "visibility as updates to the writer's manager in private 1:1s (bold fields)",
      code: growth(
        "**Skill goal:** Lead the API design.\n\n**Opportunity:** Own the RFC.\n\n**Support:** Review by 5 March.\n\n**Visibility:** I'll keep my manager, Ruth, posted on Dev's progress in my own 1:1s with her, so it is on record for promotion.\n",
      ),
      errors: [{ messageId: 'unplayed', line: 11, column: 3, endLine: 11, endColumn: 16, words: ['Visibility'] }],
    },
    {
      name: 'a hope that the work gets noticed, and a denied announcement',
      code: growth('Skill goal:\nLead the API design.\n\nOpportunity:\nOwn the RFC.\n\nSupport:\nReview by 5 March.\n\nVisibility:\nShe will naturally get noticed. No announcement is planned.\n'),
      errors: [{ messageId: 'unplayed', line: 14, column: 1, endLine: 14, endColumn: 12, words: ['Visibility'] }],
    },
    {
      name: 'a vision where the diagnosis should be names no problem: the diagnosis is missing',
      code: strategy("Where we're headed", 'Our vision is a platform teachers genuinely love: every teacher sets up a class in under five minutes, on whatever device the school hands out.'),
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 15, data: { kind: 'engineering strategy', section: 'Diagnosis', hint: DIAGNOSIS_HINT } }],
      output: strategy("Where we're headed", `Our vision is a platform teachers genuinely love: every teacher sets up a class in under five minutes, on whatever device the school hands out.\n\n## Diagnosis\n\n<!-- ${DIAGNOSIS_HINT} -->`),
    },
    {
      name: 'a vision in joined-up prose (but, because, doesn’t, however) still names no problem: the diagnosis is missing',
      code: strategy("Where we're headed", "Our vision is a platform teachers love, but simpler: because a teacher doesn't want settings, every class is set up in five minutes, however the school buys its devices."),
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 15, data: { kind: 'engineering strategy', section: 'Diagnosis', hint: DIAGNOSIS_HINT } }],
      output: strategy(
        "Where we're headed",
        `Our vision is a platform teachers love, but simpler: because a teacher doesn't want settings, every class is set up in five minutes, however the school buys its devices.\n\n## Diagnosis\n\n<!-- ${DIAGNOSIS_HINT} -->`,
      ),
    },
    {
      name: 'headings that cannot be the visibility moment (attendees, a career aim) do not save it: it is missing',
      code: growth(
        '**Present:** Farah (platform lead), Ming (senior engineer)\n\n**Where Ming wants to be.** Principal engineer in two years; she has not yet led work across teams.\n\n**Skill goal.** Ming leads the design of the token rotation service.\n\n**What she will own.** The rotation design doc, due to design review on 14 October.\n\n**Support.** Farah reviews the first draft on 30 September.\n',
      ),
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 18, data: { kind: 'growth plan', section: 'Visibility', hint: HINT.visibility } }],
      output: growth(
        '**Present:** Farah (platform lead), Ming (senior engineer)\n\n**Where Ming wants to be.** Principal engineer in two years; she has not yet led work across teams.\n\n**Skill goal.** Ming leads the design of the token rotation service.\n\n**What she will own.** The rotation design doc, due to design review on 14 October.\n\n**Support.** Farah reviews the first draft on 30 September.\n\nVisibility:\n<!-- One moment where others see the person\'s ownership ("name their ownership in the status update"). -->\n\n\n',
      ),
    },
    {
      name: 'an unknown heading over plain prose with no visibility words is not the moment',
      code: growth('## Skill goal\n\nLead the API design.\n\n## Opportunity\n\nOwn the RFC.\n\n## Support\n\nReview by 5 March.\n\n## Notes\n\nWe agreed the scope last Tuesday and will revisit it after the holidays.\n'),
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 18, data: { kind: 'growth plan', section: 'Visibility', hint: HINT.visibility } }],
      output: growth(
        '## Skill goal\n\nLead the API design.\n\n## Opportunity\n\nOwn the RFC.\n\n## Support\n\nReview by 5 March.\n\n## Visibility\n\n<!-- One moment where others see the person\'s ownership ("name their ownership in the status update"). -->\n\n## Notes\n\nWe agreed the scope last Tuesday and will revisit it after the holidays.\n',
      ),
    },
    {
      name: "only asides and metadata besides the kind's sections: nothing could be the missing one",
      code: growth('Owner: Dana\n\n## Skill goal\n\nLead the API design.\n\n## Opportunity\n\nOwn the RFC.\n\n## Support\n\nReview by 5 March.\n\n## References\n\n- The RFC template.\n'),
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 18, data: { kind: 'growth plan', section: 'Visibility', hint: HINT.visibility } }],
      output: growth(
        'Owner: Dana\n\n## Skill goal\n\nLead the API design.\n\n## Opportunity\n\nOwn the RFC.\n\n## Support\n\nReview by 5 March.\n\n## Visibility\n\n<!-- One moment where others see the person\'s ownership ("name their ownership in the status update"). -->\n\n## References\n\n- The RFC template.\n',
      ),
    },
    {
      name: 'a second heading for a section the plan has ("Next check-in" after "Support") is not the missing one',
      code: growth('## Skill goal\n\nLead the API design.\n\n## Opportunity\n\nOwn the RFC.\n\n## Support\n\nReview by 5 March.\n\n## Next check-in\n\nWe meet on 30 March.\n'),
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 18, data: { kind: 'growth plan', section: 'Visibility', hint: HINT.visibility } }],
      output: growth(
        '## Skill goal\n\nLead the API design.\n\n## Opportunity\n\nOwn the RFC.\n\n## Support\n\nReview by 5 March.\n\n## Visibility\n\n<!-- One moment where others see the person\'s ownership ("name their ownership in the status update"). -->\n\n## Next check-in\n\nWe meet on 30 March.\n',
      ),
    },
    {
      name: 'labels: inserted as a label after the preceding section',
      code: growth('Skill goal:\nLead the API design.\n\nSupport:\nReview by 5 March.\n\nVisibility:\nNamed in the update.\n'),
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 18, data: { kind: 'growth plan', section: 'Opportunity', hint: HINT.opportunity } }],
      output: growth(
        'Skill goal:\nLead the API design.\n\nOpportunity:\n<!-- One artifact or piece of work the person owns, with a date ("present the RFC to architecture review on 12 March"). -->\n\nSupport:\nReview by 5 March.\n\nVisibility:\nNamed in the update.\n',
      ),
    },
    {
      name: 'headings: anchored on the title, inserted as a heading at the end',
      code: '---\nkind: growth-plan\n---\n# Plan\n\n## Skill goal\n\nx\n\n## Opportunity\n\nx\n\n## Support\n\nx\n',
      errors: [{ messageId: 'missing', line: 4, column: 3, endLine: 4, endColumn: 7, data: { kind: 'growth plan', section: 'Visibility', hint: HINT.visibility } }],
      output:
        '---\nkind: growth-plan\n---\n# Plan\n\n## Skill goal\n\nx\n\n## Opportunity\n\nx\n\n## Support\n\nx\n\n## Visibility\n\n<!-- One moment where others see the person\'s ownership ("name their ownership in the status update"). -->\n',
    },
  ],
});
