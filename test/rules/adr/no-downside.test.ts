import rule from '../../../src/core/rules/adr/no-downside.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const adr = (body: string) => `---\nkind: adr\n---\n\n# ADR 7\n\n${body}`;

ruleTester(rule, {
  valid: [
    {
      name: 'a negative heading whose "none expected" is followed by a real cost',
      code: adr('## Consequences\n\n* Faster lookups.\n\n### Negative Consequences\n\n* None expected for brokers, apart from the nightly load job we must now run and monitor.\n'),
    },
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
    { name: 'care asked of a team, wrapped mid-phrase', code: adr('## Consequences\n\n- Keys live in one vault, so it is important for the\n  platform team to rotate them every quarter.\n') },
    { spellings: true, name: 'care the decision asks of its users', code: adr('## Consequences\n\n- Every engineer can read the audit trail, so it is important for teams to keep secrets\n  out of their log lines.\n') },
    { spellings: true, name: 'follow-up work, hard-wrapped', code: adr('## Consequences\n\nNo more disk juggling on the file server. There may be further work on how we back up\nthe attachments.\n') },
    { spellings: true, name: 'a resource that grows, in plain words', code: adr('## Consequences\n\n- Regional reads stop scanning whole files.\n- Storage grows by about 4 PB, bought as object storage.\n') },
    { spellings: true, name: 'a step added for someone', code: adr('## Consequences\n\n- Exports come from the new store, which adds a conversion step and a few minutes to every request.\n') },
    { spellings: true, name: 'a weaker fallback, accepted', code: adr('## Consequences\n\n- Closes the audit finding.\n- The SMS fallback is weaker than an app; we accept it for now.\n') },
    { spellings: true, name: 'extra load on a team', code: adr('## Consequences\n\n- The service desk expects roughly 2,000 extra calls in the first week.\n') },
    { spellings: true, name: 'a migration imposed on users', code: adr('## Consequences\n\n1. New clusters use this scheme.\n2. We retire the old clusters and transition tenants to the new ones over the summer.\n') },
    { spellings: true, name: 'teams asked to keep doing the harder thing', code: adr('## Consequences\n\nBy not offering functions-as-a-service we are asking teams to keep packaging their jobs as containers.\n') },
    { spellings: true, name: 'a capability withheld, polite and British', code: adr("## Consequences\n\nWe shan't have admin rights on the managed cluster, so we are unable to install our own plugins.\n") },
    { spellings: true, name: 'a comparative: slower and harder', code: adr('## Consequences\n\nCold starts are slower, and debugging is harder to do across three services.\n') },
    { spellings: true, name: 'a good quality denied', code: adr('## Consequences\n\nStaging will not be identical to production, which is not ideal.\n') },
    { spellings: true, name: 'a risk that may happen', code: adr('## Consequences\n\n- One bad policy could take down every cluster at once.\n') },
    { spellings: true, name: 'a delay, compared', code: adr('## Consequences\n\n- Some alerts will page later than before.\n') },
    { spellings: true, name: 'a new tool to learn', code: adr('## Consequences\n\nThe team commits to learning Pkl and to writing the guides for it.\n') },
    { spellings: true, name: 'a "Trade-offs" part of the consequences', code: adr('## Consequences\n\nThings get better.\n\n### Trade-offs\n\nWe now operate the queue ourselves.\n') },
    { spellings: true, name: 'a consequences section titled as costs', code: adr('## What it costs us, and what we get\n\nWe operate the queue ourselves; reads get faster.\n') },
    {
      name: "the chosen option's cons in a pros/cons table",
      code: adr(
        '## Options\n\n| Option | For | Against |\n|---|---|---|\n| Zarr alongside the originals | fits object storage | a second copy to keep |\n| Rechunked NetCDF | every tool reads it | slow from object storage |\n\n## Decision\n\nWe will keep a Zarr copy alongside the originals.\n\n## Consequences\n\nRegional reads get faster.\n',
      ),
    },
    { name: 'a price accepted in the decision', code: adr('## Decision\n\nWe will run our own Kafka, at the cost of one engineer on the rota.\n\n## Consequences\n\nEvents arrive in order.\n') },
    { spellings: true, name: 'a risk said as possible', code: adr('## Consequences\n\nEvery tenant could see errors if the shared broker has a problem.\n') },
    { name: "an empty section is empty-section's finding", code: adr('## Consequences\n\n## Links\n\nx\n') },
  ],
  invalid: [
    {
      name: 'MADR 3: a negative consequences heading over "None expected"',
      code: adr('## Decision Outcome\n\nChosen option: "Nightly bulk load".\n\n### Positive Consequences\n\n* Lookups stay up when the vendor is down.\n* We stop paying per-call fees.\n\n### Negative Consequences\n\n* None expected.\n'),
      errors: [{ messageId: 'noDownside', line: 16, column: 5, endLine: 16, endColumn: 26, words: ['Negative Consequences'] }],
    },
    {
      name: 'a "Drawbacks" heading that says there are none to speak of, British',
      code: adr('## Consequences\n\nOne catalogue for every region, centralised.\n\n## Drawbacks\n\nNone to speak of at this stage.\n'),
      errors: [{ messageId: 'noDownside', line: 11, column: 4, endLine: 11, endColumn: 13, words: ['Drawbacks'] }],
    },
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
      name: 'upsides only, with words a phrase list takes for costs',
      code: adr(
        '## Consequences\n\n- Fixes the issues we had with flaky deploys.\n- Every team must no longer wait for a release window, and the API is harder to misuse.\n- Risk of drift is reduced, and there is no downtime during the switch.\n',
      ),
      errors: [{ messageId: 'noDownside', line: 7, column: 4, endLine: 7, endColumn: 16 }],
    },
    {
      spellings: true,
      name: 'upsides that use burden and failure words',
      code: adr(
        '## Consequences\n\n- If the CDN goes down we can fail over to the second provider within minutes.\n- Less planning is required, and the required changes to pipelines are few.\n- The shared ingress will not crash (and take down every service) when one tenant misbehaves.\n',
      ),
      errors: [{ messageId: 'noDownside', line: 7, column: 4, endLine: 7, endColumn: 16 }],
    },
    {
      spellings: true,
      name: 'plans and implementation steps are not costs',
      code: adr('## Consequences\n\nWe will deploy the gateway to every cluster, in audit mode first. We will use the ranges above. Traffic must go through the gateway.\n'),
      errors: [{ messageId: 'noDownside', line: 7, column: 4, endLine: 7, endColumn: 16 }],
    },
    {
      name: 'gains in chatty prose, and an additional layer of security',
      code: adr("Consequences:\nHonestly it's a win all round: an additional layer of security, decisions which affect all our work get written down, and we save about 30% on running costs.\n"),
      errors: [{ messageId: 'noDownside', line: 7, column: 1, endLine: 7, endColumn: 14 }],
    },
    {
      name: "another option's cons in the pros/cons table are not the decision's",
      code: adr(
        '## Options\n\n| Option | For | Against |\n|---|---|---|\n| Zarr alongside the originals | fits object storage | |\n| Rechunked NetCDF | every tool reads it | slow from object storage |\n\n## Decision\n\nWe will keep a Zarr copy alongside the originals.\n\n## Consequences\n\nRegional reads get faster.\n',
      ),
      errors: [{ messageId: 'noDownside', line: 18, column: 4, endLine: 18, endColumn: 16 }],
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
