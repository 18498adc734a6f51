import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rule from '../../../src/core/rules/summary/audience-fit.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const fixtures = join(import.meta.dirname, '../../fixtures');
const variant = (name: string) => readFileSync(join(fixtures, 'summary/launch-delay', `${name}.md`), 'utf8');
const fm = (audience: string) => `---\nkind: exec-summary\naudience: ${audience}\n---\n\n`;
// Ten plain words a sentence, one sentence a line.
const plain = (n: number) => Array.from({ length: n }, () => 'We fix the retry path and then we ship it.').join('\n');
const hard =
  'Decision:\nPostpone general availability of the consolidated payments orchestration platform.\n\n' +
  'Reason:\nNon-idempotent retries under processor unavailability produce duplicate authorisations.\n\n' +
  'Risk if ignored:\nUnrecoverable reconciliation discrepancies necessitating manual financial intervention.\n\n' +
  'Plan:\nIntroduce idempotency identifiers, deterministic replay verification, and automated deployment gating.\n\n' +
  'Ask:\nAuthorise the revised availability date, conditional on successful verification, before the quarterly operational review.\n';

ruleTester(rule, {
  valid: [
    { name: 'the module example (executive)', code: readFileSync(join(fixtures, 'examples/good/launch-delay-exec.md'), 'utf8') },
    { name: 'executive variant of the launch-delay set', code: variant('executive') },
    { name: 'peer variant: jargon and acronyms are fine for peers', code: variant('peer') },
    { name: 'junior variant: terms spelled out, short sentences', code: variant('junior') },
    {
      name: 'acronyms defined on first use, both ways round',
      code: `${fm('junior')}Decision:\nWe missed our service-level objective (SLO) twice, so the PSP (payment service provider) retry changes. The SLO and the PSP are now tracked weekly.\n`,
    },
    { name: 'well-known acronyms and capitals for emphasis', code: `${fm('executive')}Decision:\nDo NOT launch on 30 April; the CEO approved the API change and the new date in Q2.\n` },
    {
      name: 'a 32-word sentence is a few words over the guideline, not a lost point',
      code: `${fm('executive')}Reason:\nThe old terminal unit is out of vendor support from 1 April and has failed twice this winter, each time leaving the control room blind to the site for over an hour.\n`,
    },
    {
      name: 'acronyms defined in emphasis, after a colon, a dash or "stands for"',
      code: `${fm('junior')}**What the words mean.** An *RTU* (remote terminal unit) reports readings. **SCADA**: the control-room software. MTTR - mean time to recovery. The WAL stands for write-ahead log.\n`,
    },
    { name: 'acronyms in inline code are code', code: `${fm('junior')}Decision:\nWe set \`MAX_RETRIES\` to 0 until the fix ships.\n` },
    { name: '200 words is the executive limit, not over it', code: `${fm('executive')}${plain(20)}\n` },
    { name: 'peers have no word limit', code: `${fm('peer')}${plain(40)}\n` },
    { name: "an audience the module does not know is front-matter's finding", code: `${fm('board')}${plain(40)}\n` },
  ],
  invalid: [
    {
      name: 'executive summary over 200 words: points where it passes the limit',
      code: `${fm('executive')}${plain(21)}\n`,
      errors: [{ messageId: 'tooLong', line: 26, column: 1, endLine: 26, endColumn: 43, data: { audience: 'executive', count: 210, over: 10, limit: 200 } }],
    },
    {
      name: 'no audience: read as executive (it is an executive summary)',
      code: `---\nkind: exec-summary\n---\n\n${plain(21)}\n`,
      errors: [{ messageId: 'tooLong', line: 25, column: 1, endLine: 25, endColumn: 43 }],
    },
    {
      name: 'a blank `audience: ""` is no audience: read as executive, like the workbench and the portfolio',
      code: `---\nkind: exec-summary\naudience: ""\n---\n\n${plain(21)}\n`,
      errors: [{ messageId: 'tooLong', line: 26, column: 1, endLine: 26, endColumn: 43, data: { audience: 'executive', count: 210, over: 10, limit: 200 } }],
    },
    {
      name: 'a blank `audience:` (YAML null) is no audience too',
      code: `---\nkind: exec-summary\naudience:\n---\n\nDecision:\nWe delay the launch: the PSP retry breaks.\n`,
      errors: [{ messageId: 'undefinedAcronym', line: 7, column: 26, endLine: 7, endColumn: 29, words: ['PSP'] }],
    },
    {
      name: 'an executive summary in long words: grade above 12, at the hardest sentence',
      code: `${fm('executive')}${hard}`,
      errors: [{ messageId: 'tooHard', line: 13, column: 1, endLine: 13, endColumn: 88, data: { grade: '27.5', over: '15.5', limit: 12, audience: 'executive', worst: '39.4' } }],
    },
    {
      name: 'a 36-word sentence',
      code: `${fm('peer')}Decision:\nWe are delaying the payments launch by two weeks because the retry path can charge customers twice when the processor times out and we need time to add keys and tests before the launch in May.\n`,
      errors: [{ messageId: 'longSentence', line: 7, column: 1, endLine: 7, endColumn: 193, data: { count: 36, over: 6, limit: 30 } }],
    },
    {
      name: 'undefined acronyms for a junior reader, each reported once',
      code: `${fm('junior')}Decision:\nWe delay the launch: the PSP retry breaks our SLO. The PSP team agrees.\n`,
      errors: [
        { messageId: 'undefinedAcronym', line: 7, column: 26, endLine: 7, endColumn: 29, words: ['PSP'] },
        { messageId: 'undefinedAcronym', line: 7, column: 47, endLine: 7, endColumn: 50, words: ['SLO'] },
      ],
    },
    {
      name: 'plural acronym, executive reader',
      code: `${fm('executive')}**Decision:** Delay the launch until the SLOs hold for a week.\n`,
      errors: [{ messageId: 'undefinedAcronym', line: 6, column: 42, endLine: 6, endColumn: 46, data: { acronym: 'SLOs', audience: 'executive' } }],
    },
  ],
});

// Template placeholders are filled in by a tool: they are not acronyms the reader must know.
ruleTester(rule, {
  valid: [
    { name: 'preprocessor and mustache placeholders', code: `${fm('executive')}Decision: approve (((#GOALS))) goals, led by {{OWNER}} from \${TEAM}.\n\n(((FLAGSHIP GOALS: Flexible, fast(er) builds)))\n` },
    { name: 'a hashtag or a handle', code: `${fm('executive')}Decision: ship on 14 May. Questions to #PAYMENTS or @SRE.\n` },
  ],
  invalid: [
    {
      name: 'an acronym beside a placeholder is still one',
      code: `${fm('executive')}Decision: approve (((#GOALS))) goals; each has an SLO.\n`,
      errors: [{ messageId: 'undefinedAcronym', line: 6, column: 51, endLine: 6, endColumn: 54 }],
    },
  ],
});
