// Sections carried in tables: a plan written as one table whose first column names the rows
// (`| | Plan | When |`) or whose header row names the columns (`| When | Delegated work | ... |`).
// A good artifact written this way gets no required-section error, and its rules read the cells.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinRules, checkText, defaultModule, DocQuery, parse, type Doc } from '../../src/core/index.ts';
import { assignSections } from '../../src/core/kinds/detect.ts';

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

describe('tables whose header row names the sections, each row a milestone', () => {
  const plan = (header: string, rows: string[]) =>
    `---\nkind: growth-plan\n---\n# Growth plan: Ana Ruiz, Q2\n\nAna is a mid-level engineer on search who wants to show she can own a design across teams.\n\nSkill goal: Ana leads the design of the query-suggestion ranking change across search and ads.\n\n${header}\n${header.replace(/[^|]+/g, '---')}\n${rows.join('\n')}\n`;
  const dated = [
    '| 14 April | Ana owns the ranking RFC end to end | I review the outline with her | |',
    '| 2 May | She runs the cross-team design review | Dry run with Lee the day before | She presents at the search guild |',
    '| 20 May | Rollout plan signed off | Retro with me | Her name on the launch note to ads |',
  ];
  const rowsOf = (text: string) => checkText(text, { module: defaultModule, rules: builtinRules });

  for (const header of ['| When | Delegated work | Checkpoint | Visibility |', '| **Date** | **Delegated work** | **Review checkpoint** | **Visibility moment** |', '| Milestone | Opportunity | Support | Visibility |']) {
    it(`${header}: no required-section error, and each column is its section`, () => {
      const text = plan(header, dated);
      assert.deepEqual(errors(text), []);
      assert.equal(rowsOf(text).diagnostics.filter((d) => d.ruleId === 'growth/no-date').length, 0);
    });
  }

  it('a column owns its non-empty cells and the row names (dates) beside them, once the kind is known', () => {
    const doc = parse(plan('| When | Delegated work | Checkpoint | Visibility |', dated));
    assert.equal(
      doc.sections.some((s) => s.column),
      false,
      'parse alone adds no column sections',
    );
    const kind = defaultModule.kinds.find((k) => k.id === 'growth-plan')!;
    assignSections(doc, kind);
    const visibility = doc.sections.find((s) => s.key === 'visibility')!;
    assert.equal(visibility.column, true);
    assert.deepEqual(
      visibility.owned.map((r) => slice(doc, r)),
      ['2 May', 'She presents at the search guild', '20 May', 'Her name on the launch note to ads'],
    );
    assert.deepEqual(
      new DocQuery(doc)
        .viewOf(visibility)
        .entries()
        .map((e) => e.text),
      ['2 May', 'She presents at the search guild', '20 May', 'Her name on the launch note to ads'],
    );
    // Assigned again, the columns are made once.
    const count = doc.sections.length;
    assignSections(doc, kind);
    assert.equal(doc.sections.length, count);
  });

  it('rules read the cells: undated milestones are caught per column', () => {
    const undated = dated.map((r, i) => r.replace(/^\| [^|]+\|/, `| ${i + 1} |`));
    const found = checkText(plan('| Step | Delegated work | Checkpoint | Visibility |', undated), { module: defaultModule, rules: builtinRules }).diagnostics.filter((d) => d.ruleId === 'growth/no-date');
    assert.ok(found.length >= 1, 'growth/no-date fires on a plan table without dates');
  });

  it('an empty column is no section: the missing one is still reported', () => {
    const blank = dated.map((r) => r.replace(/\| [^|]* \|$/, '| |'));
    assert.ok(errors(plan('| When | Delegated work | Checkpoint | Visibility |', blank)).some((e) => e.startsWith('structure/required-section') && e.includes('Visibility')));
  });

  it('not a header naming one section, nor a table weighing options', () => {
    assert.ok(errors(plan('| When | Work | Review | Notes |', dated)).some((e) => e.startsWith('structure/required-section')));
    const options = plan('| Option | Support | Visibility |', ['| A | pairing | demo |', '| B | reviews | forum |']);
    assert.ok(errors(options).some((e) => e.includes('Visibility')));
  });
});
