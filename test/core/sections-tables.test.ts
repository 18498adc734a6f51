// Sections carried in tables: a plan written as one table whose first column names the rows
// (`| | Plan | When |`) or whose header row names the columns (`| When | Delegated work | ... |`).
// A good artifact written this way gets no required-section error, and its rules read the cells.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinRules, checkText, defaultModule, DocQuery, parse, type Doc } from '../../src/core/index.ts';

const slice = (doc: Doc, s: { start: number; end: number }) => doc.text.slice(s.start, s.end);
const errors = (text: string) =>
  checkText(text, { module: defaultModule, rules: builtinRules })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.ruleId}:${JSON.stringify(d.data)}`);

const intro = 'Priya is a mid-level engineer on the payments team; this term she builds the evidence for senior: visible ownership of a cross-team design.\n\n';

describe('tables of three or more columns whose first column names the rows', () => {
  const rows = (first: string, key: (s: string) => string) =>
    `| ${first} | Plan | When |\n|---|---|---|\n` +
    `| ${key('Skill goal')} | Priya leads the design of the refund ledger's idempotency model | design accepted by 26 February |\n` +
    `| ${key('Delegated work')} | She writes and owns the ledger RFC, rollout included | first draft 5 February |\n` +
    `| ${key('Checkpoint')} | I review the draft with her; a dry run with the billing leads | 9 February |\n` +
    `| ${key('Visibility')} | She presents the RFC at the architecture forum as its owner | 4 March |\n`;
  for (const [name, first, key] of [
    ['blank corner, bold names', '', (s: string) => `**${s}**`],
    ['blank corner, plain names', '', (s: string) => s],
    ['`Section` corner', 'Section', (s: string) => s],
    ['named corner, bold names with colons', 'Growth plan', (s: string) => `**${s}:**`],
  ] as const) {
    it(`${name}: each row a field owning each of its value cells`, () => {
      const text = `---\nkind: growth-plan\n---\n# Growth plan: Priya\n\n${intro}${rows(first, key)}`;
      const doc = parse(text);
      const goal = doc.sections.find((s) => s.title === 'Skill goal');
      assert.ok(goal, 'Skill goal row is a section');
      assert.equal(goal.style, 'field');
      assert.deepEqual(
        goal.owned.map((r) => slice(doc, r)),
        ["Priya leads the design of the refund ledger's idempotency model", 'design accepted by 26 February'],
      );
      assert.deepEqual(
        goal.blocks.map((b) => b.type),
        ['paragraph', 'paragraph'],
      );
      assert.deepEqual(errors(text), []);
    });
  }

  it('unkeyed rows are still one entry each of the section that holds the table', () => {
    const text = `## Plan\n\n${rows('', (s) => `**${s}**`)}`;
    const doc = parse(text);
    const entries = new DocQuery(doc).viewOf(doc.sections[0]!).entries();
    assert.deepEqual(
      entries.filter((e) => e.kind === 'row').map((e) => e.text.split(';')[0]),
      ['**Skill goal**', '**Delegated work**', '**Checkpoint**', '**Visibility**'],
    );
  });

  it('not data tables: a named first column of plain names, options weighed, one row', () => {
    for (const text of [
      '| Service | Owner | Status |\n|---|---|---|\n| Checkout | Payments | live |\n| Search | Discovery | beta |\n',
      '| **Option** | Gain | Cost |\n|---|---|---|\n| **Delay** | stable | revenue |\n| **Ship now** | revenue | incidents |\n',
      '| Approach | Gain | Cost |\n|---|---|---|\n| Buy | fast | lock-in |\n| Build | control | time |\n',
      '| | Plan | When |\n|---|---|---|\n| Skill goal | Lead the design | March |\n',
      '| | Q1 | Q2 |\n|---|---|---|\n| Q3 | 1 | 2 |\n| Q4 | 3 | 4 |\n',
    ]) {
      assert.deepEqual(
        parse(text).sections.map((s) => s.title),
        [],
        text,
      );
    }
  });
});
