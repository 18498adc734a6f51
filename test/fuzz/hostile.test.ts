// Hand-built hostile documents: the shapes that crash or hang Markdown tools (deep nesting,
// huge tables, alias bombs, endless lines, broken front matter, invalid UTF-8), each checked
// against every invariant in invariants.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultModule } from '../../src/core/index.ts';
import { LONG, assertSound, decodeLossy } from './invariants.ts';

const DEEP = 20_000;
/** Sizes for repetition (not depth): a fifth in `npm test`, in full with `npm run fuzz`. */
const n = (full: number) => (LONG ? full : full / 5);
const fmt = (x: number) => x.toLocaleString('en-US');
const strategy = (body: string) => `---\nkind: strategy\n---\n\n# Platform strategy\n\n${body}`;
const VOCABULARY = ['reduce', 'platform', 'friction', 'deploy', 'lead', 'time', 'team', 'owner', 'by', 'Q2', '40%', 'we', 'will', 'not', 'build', 'portal', 'instead', 'of', 'review', 'March'];
const entry = (i: number) => `${Array.from({ length: 8 }, (_, k) => VOCABULARY[(i * 7 + k * 13) % VOCABULARY.length]).join(' ')} ${i}`;
const labels = (n: number) => Array.from({ length: n }, (_, i) => `${['Diagnosis', 'Guiding policy', 'Coherent actions', 'Options', 'Decision needed'][i % 5]}:\nline ${i}\n`).join('\n');

const cases: [string, () => string][] = [
  ['20,000-deep blockquote on one line', () => strategy(`${'>'.repeat(DEEP)} Diagnosis: deep\n`)],
  // Nesting that grows a level per line makes the input quadratic in size, so depth per line
  // stops at 1,000 there; the 20,000-deep cases put the nesting on one line.
  ['blockquotes 1,000 deep, one level per line, then back out', () => strategy(Array.from({ length: 2000 }, (_, i) => `${'>'.repeat(i < 1000 ? i + 1 : 2000 - i)} Options: ${i}`).join('\n'))],
  ['a list 1,000 deep by indentation', () => strategy(Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n'))],
  ['200 lines of 20,000-deep blockquote and list markers', () => strategy(Array.from({ length: 200 }, (_, i) => `${(i % 2 ? '> ' : '- ').repeat(DEEP)}Decision: ${i}`).join('\n'))],
  ['20,000-deep list markers on one line', () => strategy(`${'- '.repeat(DEEP)}Coherent actions:\n`)],
  ['20,000 nested ordered lists', () => strategy(Array.from({ length: DEEP }, (_, i) => `${'   '.repeat(i % 200)}1. item ${i}`).join('\n'))],
  [
    `a ${fmt(n(10_000))}-row, 30-column table`,
    () =>
      strategy(
        `| ${Array.from({ length: 30 }, (_, i) => `c${i}`).join(' | ')} |\n|${'---|'.repeat(30)}\n${Array.from({ length: n(10_000) }, (_, r) => `| ${Array.from({ length: 30 }, (_, c) => (c === 2 ? '' : `r${r}c${c} \\| x`)).join(' | ')} |`).join('\n')}\n`,
      ),
  ],
  // A plan table whose header row names the sections: each column is a section of every row's cell.
  [
    `a growth plan as one ${fmt(n(40_000))}-row table whose header names its sections`,
    () => `---\nkind: growth-plan\n---\n\n# Plan\n\n| When | Delegated work | Checkpoint | Visibility |\n|---|---|---|---|\n${Array.from({ length: n(40_000) }, (_, i) => `| ${i} March | Kofi presents | review | demo |`).join('\n')}\n`,
  ],
  // A bold name and its qualifier, then a long run of blanks: a backtracking tail is quadratic here.
  ['a bold name with a qualifier, then 100,000 spaces', () => strategy(`**Scope** (agreed)${' '.repeat(100_000)}x\n`)],
  // A toggle's summary opened and never closed, then a run of blanks: a backtracking name is cubic here.
  // A phrase that wraps ("a ... customer") over a run of blanks: a gap pattern that can split the run anywhere is quadratic.
  ['a summary whose reason is a word, 100,000 spaces and another word', () => `---\nkind: exec-summary\n---\n\nDecision:\nWe move on 3 March.\n\nReason:\na${' '.repeat(100_000)}customer\n`],
  ['a <details> toggle whose <summary> is followed by 100,000 spaces', () => `---\nkind: growth-plan\n---\n\n# Plan\n\n<details>\n<summary>${' '.repeat(100_000)}\n<summary> x${' '.repeat(100_000)}x </summary>\n`],
  ['a tradeoff table with 5,000 columns in one row', () => strategy(`| Choice | Gain | Cost |${' x |'.repeat(5000)}\n|---|---|---|\n| a | b | none |\n`)],
  ['front matter opened and never closed', () => `---\nkind: strategy\ntitle: x\n${'key: value\n'.repeat(n(5000))}\n# Diagnosis\n\ntext\n`],
  ['front matter closed after the 2,000-line scan limit', () => `---\nkind: strategy\n${'a: b\n'.repeat(3000)}---\n\n# Diagnosis\n`],
  [
    'a YAML alias bomb in front matter',
    () =>
      `---\nkind: strategy\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n---\n\n# Diagnosis\n`,
  ],
  ['YAML with a recursive merge key, tags and a 100 KB scalar', () => `---\nkind: !!str strategy\nbase: &base { x: 1 }\nderived:\n  <<: *base\n  <<: *base\ntitle: ${'y'.repeat(100_000)}\nset: !custom tag\n---\n\n## Decision\n\nGo.\n`],
  ['front matter that is a list, then a scalar, then a number kind', () => `---\n- kind\n- strategy\n---\n\n---\njust text\n---\n\n---\nkind: 42\ncase: [1, 2]\naudience: {a: 1}\n---\n`],
  ['a 1 MB line', () => strategy(`Diagnosis: ${'lead time '.repeat(100_000)}\n`)],
  [`${fmt(n(100_000))} label lines`, () => strategy(labels(n(100_000)))],
  [`${fmt(n(10_000))} headings of every depth`, () => Array.from({ length: n(10_000) }, (_, i) => `${'#'.repeat((i % 6) + 1)} ${['Diagnosis', 'Decision', 'Options', 'Context'][i % 4]} ${i}\n\ntext ${i}\n`).join('\n')],
  ['headings whose depth only falls (section ends scan)', () => Array.from({ length: n(20_000) }, (_, i) => `${'#'.repeat(6 - Math.floor((i * 6) / n(20_000)))} Step ${i}\nField ${i}: value\n`).join('\n')],
  [`${fmt(n(50_000))} disable directives`, () => strategy(`${'<!-- staffwork-disable structure/required-section -->\n<!-- staffwork-enable -->\n'.repeat(n(25_000))}Diagnosis:\nx\n`)],
  ['an unclosed HTML comment and an unclosed fence', () => strategy(`<!-- staffwork-disable\n${'Decision needed:\n'.repeat(1000)}\n\`\`\`\n${'# not a heading\n'.repeat(1000)}`)],
  ['CR-only and mixed line endings', () => strategy('Diagnosis:\rslow deploys\r\nGuiding policy:\n\rfix first\r\r## Anti-scope\r- none\r')],
  ['NUL, BOM, lone surrogates and bidi controls', () => `\uFEFF---\nkind: escalation\n---\n\n# Decision needed\u0000\n\n\uD800who owns\uDFFF v1?\u202E\n\nOptions:\n- \uFEFFa\n- b\n`],
  [
    'invalid UTF-8 decoded with replacement',
    () => decodeLossy(new Uint8Array([...new TextEncoder().encode('---\nkind: strategy\n---\n# Diag'), 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 0xff, 0xfe, ...new TextEncoder().encode('nosis:\nDecision: x\n')])),
  ],
  ['every line a table delimiter or setext underline', () => strategy(Array.from({ length: n(20_000) }, (_, i) => (i % 3 === 0 ? '|---|---|' : i % 3 === 1 ? '===' : '| a | b |')).join('\n'))],
  [`${fmt(n(10_000))} reference definitions and links`, () => strategy(Array.from({ length: n(10_000) }, (_, i) => `[r${i}]: https://example.com/${i} "t"\n[r${i}][r${(i * 7) % n(10_000)}]`).join('\n'))],
  ['the empty document and whitespace only', () => '\n \t\r\n'],
  // Long sections for every kind, so a rule that compares entries pairwise shows up here.
  ...defaultModule.kinds.map((kind): [string, () => string] => [
    `a ${kind.id} with ${fmt(n(2000))} entries in every section and a ${fmt(n(200))}-row tradeoff table`,
    () =>
      `---\nkind: ${kind.id}\n---\n\n# T\n\n${kind.sections.map((s) => `## ${s.title}\n\n${Array.from({ length: n(2000) }, (_, i) => `- ${entry(i)}`).join('\n')}\n\n| Choice | Gain | Cost |\n|---|---|---|\n${Array.from({ length: n(200) }, (_, i) => `| ${entry(i)} | a | b |`).join('\n')}\n`).join('\n')}`,
  ]),
  // Runs of sentence punctuation with no space: a backtracking sentence pattern goes quadratic here.
  ...defaultModule.kinds.map((kind): [string, () => string] => [
    `a ${kind.id} with a 20,000-character run of dots, bangs and question marks in every section`,
    () => `---\nkind: ${kind.id}\n---\n\n${kind.sections.map((s, i) => `${s.title}:\nx${'.!?'[i % 3]!.repeat(20_000)}\n- y${'.'.repeat(20_000)}\n`).join('\n')}`,
  ]),
];

describe('hostile documents', () => {
  for (const [name, make] of cases) {
    it(name, () => {
      const text = make();
      const result = assertSound(text);
      assert.equal(result.doc.text, text.replace(/^\uFEFF/, ''), 'the model keeps the text it was given');
    });
  }
  it('labels are found with any line ending, a lone CR included', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const titles = assertSound(['Diagnosis:', 'slow deploys', 'Guiding policy:', 'fix first'].join(nl)).doc.sections.map((s) => s.title);
      assert.deepEqual(titles, ['Diagnosis', 'Guiding policy'], JSON.stringify(nl));
    }
  });
  it('the empty string', () => {
    assert.equal(assertSound('').diagnostics.filter((d) => d.severity === 'error').length, 0);
  });
});
