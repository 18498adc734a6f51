// Which documents the summary rules judge: a summary addressed to its reader is one, whatever its
// sections; a guide or an RFC that happens to have a "Summary" is not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, builtinRules, defaultModule } from '../../../src/core/index.ts';

const prose = 'The working group met five times this spring and heard from the desks, legal and two vendors, and it will keep looking at the options.';
const kindOf = (text: string) => checkText(text, { module: defaultModule, rules: builtinRules }).kind?.id;

describe('a summary addressed to its reader', () => {
  const titles = [
    'Comments platform: summary for the Editor-in-Chief',
    'Lab computers - briefing for the Provost',
    'Update for the board: Q3 hiring',
    'Memo to Dana: the ledger cutover',
    'Observability review: briefing',
    'Payments one-pager',
    'Status update: warehouse scanners',
  ];
  for (const title of titles) it(`"${title}" is an executive summary`, () => assert.equal(kindOf(`# ${title}\n\n${prose}\n`), 'exec-summary'));
  it('front matter with an audience of the kind and no kind', () => assert.equal(kindOf(`---\naudience: executive\n---\n\n${prose}\n`), 'exec-summary'));
  it('a bold audience line naming leadership', () => assert.equal(kindOf(`**Audience:** senior leadership team\n\n${prose}\n`), 'exec-summary'));
});

describe('documents that are not summaries', () => {
  const titles = ['Summary', 'Update API naming guidelines', 'Update for Swift 6 concurrency', 'Summary of changes in 5.2', 'Briefings'];
  for (const title of titles) it(`"${title}" is not`, () => assert.equal(kindOf(`# ${title}\n\n${prose}\n`), undefined));
  it('an audience line for all staff is not a summary', () => assert.equal(kindOf(`**Audience:** all directorate staff\n\n${prose}\n`), undefined));
  it('a guide with "What is changing?" and "Why" is not a summary', () => {
    const guide = `# gRPC enablement guide\n\n## What is gRPC?\n\n${prose}\n\n## What is changing?\n\n${prose}\n\n### Rollout timeline\n\n${prose}\n\n## Why are we making this change?\n\n${prose}\n\n## Who do you contact?\n\n${prose}\n`;
    assert.equal(kindOf(guide), undefined);
  });
});

describe('a junior variant names its sections in its own words', () => {
  it('"What\'s happening" and "What this means for you" hold the decision and the plan', () => {
    const doc = `---\nkind: exec-summary\naudience: junior\n---\n\n## What's happening\n\nOn 8 March we switch the control room to the new system.\n\n## Why\n\nThe old unit is out of support.\n\n## What could go wrong\n\nA breaker could trip.\n\n## What this means for you\n\nA practice run on 1 March.\n\n## What we need from you\n\nSign up for the practice run by 27 February.\n`;
    const r = checkText(doc, { module: defaultModule, rules: builtinRules });
    assert.deepEqual(
      r.diagnostics.filter((d) => d.ruleId === 'structure/required-section').map((d) => d.message),
      [],
    );
  });
});
