// The contract of the section model: what each section owns, whatever the spelling (heading,
// `Label:` line, `**Field:** value`), flat and nested. Rules read sections only through this.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinRules, checkText, defaultModule, DocQuery, parse, type Doc, type Section } from '../../src/core/index.ts';
import { lexicon } from '../../src/core/lexicon/index.ts';
import { respell } from '../helpers/rule-tester.ts';

const slice = (doc: Doc, s: { start: number; end: number }) => doc.text.slice(s.start, s.end);
const shape = (doc: Doc, s: Section) => ({ title: s.title, style: s.style, titleSpan: slice(doc, s.titleSpan), own: slice(doc, s.own), span: slice(doc, s.span) });

type Spelling = 'heading' | 'label' | 'field';
/** One section written in a spelling, at heading level 2 (labels and fields sit under the heading above). */
function write(spelling: Spelling, title: string, body: string): string {
  if (spelling === 'heading') return `## ${title}\n\n${body}\n`;
  if (spelling === 'label') return `${title}:\n${body}\n`;
  return `**${title}:** ${body}\n`;
}
const titleOfSpelling = (spelling: Spelling, title: string) => (spelling === 'heading' ? title : spelling === 'label' ? `${title}:` : `${title}:**`);

describe('sections: the same document in three spellings', () => {
  for (const spelling of ['heading', 'label', 'field'] as const) {
    it(`flat, ${spelling}: each section owns its own text and nothing of the next`, () => {
      const text = `# Plan\n\n${write(spelling, 'Diagnosis', 'Lead time is 3.5 days.')}\n${write(spelling, 'Guiding policy', 'Reduce friction first.')}`;
      const doc = parse(text);
      const [, diagnosis, policy] = doc.sections;
      assert.equal(doc.sections.length, 3);
      assert.deepEqual(shape(doc, diagnosis!), {
        title: 'Diagnosis',
        style: spelling,
        titleSpan: titleOfSpelling(spelling, 'Diagnosis'),
        own: 'Lead time is 3.5 days.',
        span: slice(doc, { start: diagnosis!.titleSpan.start, end: text.indexOf('Lead time is 3.5 days.') + 'Lead time is 3.5 days.'.length }) + (spelling === 'field' ? '' : '\n\n'),
      });
      assert.equal(slice(doc, policy!.own), 'Reduce friction first.');
      assert.equal(diagnosis!.parent, 0);
      assert.deepEqual(doc.sections[0]!.children, [1, 2]);
      // Every piece of text belongs to one section only.
      assert.deepEqual(
        diagnosis!.blocks.map((b) => b.text),
        ['Lead time is 3.5 days.'],
      );
      assert.deepEqual(
        policy!.blocks.map((b) => b.text),
        ['Reduce friction first.'],
      );
    });

    it(`nested, ${spelling} under a heading: the parent owns only what comes before the child`, () => {
      const text = `## Role\n\nI am the architect.\n\n${write(spelling === 'heading' ? 'label' : spelling, 'Scope', 'Payments architecture.')}`;
      const doc = parse(text);
      const [role, scope] = doc.sections;
      assert.equal(slice(doc, role!.own), 'I am the architect.');
      assert.equal(slice(doc, scope!.own), 'Payments architecture.');
      assert.equal(scope!.parent, 0);
      assert.ok(role!.span.end >= scope!.span.end, 'the parent span includes the child');
      assert.deepEqual(
        role!.blocks.map((b) => b.text),
        ['I am the architect.'],
      );
    });
  }

  it('a heading with subheadings owns its intro only; its span runs to the next sibling', () => {
    const doc = parse('## Options\n\nTwo of them.\n\n### Option 1\n\nTeam A.\n\n### Option 2\n\nTeam B.\n\n## Decision\n\nTeam A.\n');
    const [options, one, two, decision] = doc.sections;
    assert.equal(slice(doc, options!.own), 'Two of them.');
    assert.equal(slice(doc, options!.span).trimEnd(), 'Options\n\nTwo of them.\n\n### Option 1\n\nTeam A.\n\n### Option 2\n\nTeam B.');
    assert.deepEqual(options!.children, [1, 2]);
    assert.equal(slice(doc, one!.own), 'Team A.');
    assert.equal(slice(doc, two!.own), 'Team B.');
    assert.equal(decision!.parent, -1);
  });

  it("a field's title holds the closing ** and the colon; its content starts at the value", () => {
    for (const [line, title] of [
      ['**Non-scope:** incidents', 'Non-scope:**'],
      ['**Non-scope**: incidents', 'Non-scope**:'],
      ['Non-scope: incidents', 'Non-scope:'],
      ['__Non-scope:__   incidents', 'Non-scope:__'],
    ] as const) {
      const doc = parse(`## Role\n\n${line}\n`);
      const field = doc.sections[1]!;
      assert.equal(field.style, 'field', line);
      assert.equal(slice(doc, field.titleSpan), title, line);
      assert.equal(slice(doc, field.own), 'incidents', line);
    }
  });

  it('a field ends with its paragraph (split at the next field line) and the text after it is the parent’s', () => {
    const doc = parse('## Summary\n\n**Decision:** Move the launch to a new payments vendor.\n**Ask:** approve by Friday.\n\nThe reasons are a delay of two weeks and a cheaper contract.\n');
    const [summary, decision, ask] = doc.sections;
    assert.equal(slice(doc, decision!.own), 'Move the launch to a new payments vendor.');
    assert.equal(slice(doc, decision!.span), 'Decision:** Move the launch to a new payments vendor.');
    assert.equal(slice(doc, ask!.own), 'approve by Friday.');
    assert.deepEqual(
      summary!.blocks.map((b) => b.text),
      ['The reasons are a delay of two weeks and a cheaper contract.'],
    );
    assert.equal(summary!.own.end, summary!.own.start, 'nothing before the first field');
  });

  it('a field whose value introduces a list takes the list', () => {
    const doc = parse('## Options\n\n**Considered:** two of them:\n- team A\n- team B\n\nMore.\n');
    const field = doc.sections[1]!;
    assert.equal(slice(doc, field.own), 'two of them:\n- team A\n- team B');
    assert.deepEqual(
      doc.sections[0]!.blocks.map((b) => b.text),
      ['More.'],
    );
  });

  it('a setext heading owns the text under its underline', () => {
    const doc = parse('Diagnosis\n=========\n\nLead time is slow.\n');
    assert.equal(slice(doc, doc.sections[0]!.own), 'Lead time is slow.');
  });

  it('plain run-in heads ("Why now. Costs ...", "Recommendation. We ...") own their paragraphs where the writer keeps to them', () => {
    const doc = parse("Why now. Costs double in March, and the budget is fixed.\n\nWhat we'd do. Keep the old store until June.\n\nRecommendation. We go with option B.\n");
    assert.deepEqual(
      doc.sections.map((s) => [s.title, slice(doc, s.own)]),
      [
        ['Why now', 'Costs double in March, and the budget is fixed.'],
        ["What we'd do", 'Keep the old store until June.'],
        ['Recommendation', 'We go with option B.'],
      ],
    );
    // One short opening sentence is a sentence; an abbreviation or a longer sentence is no head.
    for (const text of ['Thoughts welcome. Happy to discuss.\n\nMore prose here.\n', 'Dr. Okafor decides. On Friday.\n\nMr. Ode agrees. Fine.\n', 'We shipped it on time last week. Then the pager went off.\n\nSo it goes. Always.\n'])
      assert.deepEqual(
        parse(text).sections.map((s) => s.title),
        [],
        text,
      );
  });

  it('a wrapped sentence that goes on in lower case opens no field ("... we propose\\nsomething different: keep ...")', () => {
    const doc = parse('Recommendation:\nNeither option works for both teams, so we propose\nsomething different: keep a week of raw data.\n');
    assert.deepEqual(
      doc.sections.map((s) => s.title),
      ['Recommendation'],
    );
    // Lower-case fields one per line are still fields.
    assert.deepEqual(
      parse('owner: dana\nstatus: open\n').sections.map((s) => s.title),
      ['owner', 'status'],
    );
  });

  it('a <details> toggle is a label named by its <summary>, owning what follows it', () => {
    for (const [toggle, title] of [
      ['<details>\n<summary>Time split (4 days)</summary>\n\n- 2 days migration\n- 2 days reviews\n\n</details>\n', 'Time split (4 days)'],
      ['<details><summary>\n</summary></details>\n\n<details open>\n  <summary> 🔽 Who I work with </summary>\n\nThe data team and its EM.\n</details>\n', '🔽 Who I work with'],
    ] as const) {
      const doc = parse(`## Scope\n\nThe billing domain.\n\n${toggle}\n## Next\n\nx\n`);
      const label = doc.sections.find((s) => s.style === 'label');
      assert.ok(label, toggle);
      assert.equal(label.title, title);
      assert.equal(label.parent, 0, 'nested under the heading above, as a `Label:` line is');
      assert.match(slice(doc, label.own), /^(?:- 2 days migration|The data team)/);
      // The `<details>` tag line stays with the heading above: markup, not the writer's text.
      assert.equal(
        slice(doc, doc.sections[0]!.own)
          .replace(/<[^>\n]*>/g, '')
          .trim(),
        'The billing domain.',
      );
    }
    assert.equal(parse('<details>\n<summary>A toggle with <b>markup</b></summary>\n\nx\n</details>\n').sections.length, 0, 'a summary with markup inside is not a plain name');
  });

  it('toggles: the tag and its summary on one line, several in one HTML block, the title span on the name', () => {
    const cases: [name: string, html: string, titles: string[]][] = [
      ['<details> and <summary> on one line', '<details><summary>How my days split</summary>\n\n- 3 days design\n', ['How my days split']],
      ['an open toggle with blanks round the name', '<details open>  <summary>  Who I report to </summary>\n\nThe CTO.\n', ['Who I report to']],
      ['a name that spells part of its tag', '<details>\n<summary>mary</summary>\n\nx\n', ['mary']],
      ['two toggles in one HTML block (no blank line between them)', '<details>\n<summary>First part</summary>\none\n</details>\n<details><summary>Second part</summary>\ntwo\n</details>\n', ['First part', 'Second part']],
      ['a summary of blanks only', `<details>\n<summary>${' '.repeat(50)}</summary>\n\nx\n`, []],
    ];
    for (const [name, html, titles] of cases) {
      const doc = parse(`## Scope\n\nThe billing domain.\n\n${html}\n## Next\n\nx\n`);
      const labels = doc.sections.filter((s) => s.style === 'label');
      assert.deepEqual(
        labels.map((s) => s.title),
        titles,
        name,
      );
      for (const s of labels) assert.equal(slice(doc, s.titleSpan), s.title, `${name}: the span is the name, not text in the tag`);
    }
  });

  it('a run of lower-case field lines keeps each other after a lower-case opening line', () => {
    const cases: [name: string, text: string, titles: string[]][] = [
      ['fields under a chatty first line', 'heads up, we need a call before the freeze\nask: who runs the on-call rota from June\nwhy: pages doubled since April\nproposal: the SRE team takes it\n', ['ask', 'why', 'proposal']],
      ['the same without the first line', 'ask: who runs the on-call rota from June\nwhy: pages doubled since April\n', ['ask', 'why']],
      ['one wrapped line is still a continuation', 'Proposal:\nBoth rotas are full, so we suggest\nsomething else: hire a contractor.\n', ['Proposal']],
    ];
    for (const [name, text, titles] of cases)
      assert.deepEqual(
        parse(text).sections.map((s) => s.title),
        titles,
        name,
      );
  });
});

describe('sections: the review’s three repros, through the views the rules read', () => {
  const views = (text: string) => {
    const result = checkText(text, { module: defaultModule, rules: [] });
    return new DocQuery(result.doc);
  };

  it('(a) a **Non-scope:** field inside the Scope paragraph is not part of the scope', () => {
    const q = views('---\nkind: role-memo\n---\n# Role\n\nScope:\nPayments architecture and the v2 API design.\n**Non-scope:** leading the team, incidents, mentoring engineers.\n');
    assert.equal(q.view('scope')!.text(), 'Payments architecture and the v2 API design.');
    assert.equal(q.view('non-scope')!.text(), 'leading the team, incidents, mentoring engineers.');
    assert.deepEqual(
      q
        .view('non-scope')!
        .clauses()
        .map((c) => c.text),
      ['leading the team', 'incidents', 'mentoring engineers.'],
    );
  });

  it('(b) Opportunity: followed by a **Visibility:** field: the opportunity is only its own text', () => {
    const q = views('---\nkind: growth-plan\n---\n# Plan\n\nOpportunity:\nSam attends the architecture review.\n**Visibility:** Sam presents the RFC.\n');
    assert.equal(q.view('opportunity')!.text(), 'Sam attends the architecture review.');
    assert.equal(q.view('opportunity')!.find('sponsorship').length, 0);
    assert.equal(q.view('visibility')!.text(), 'Sam presents the RFC.');
  });

  it('(c) a **Decision:** field followed by a reasons paragraph: the decision is the field’s paragraph', () => {
    const q = views('---\nkind: exec-summary\n---\n# Vendor\n\n**Decision:** Move the launch to a new payments vendor.\n\nWe weighed a delay of two weeks against the contract.\n');
    assert.equal(q.view('decision')!.text(), 'Move the launch to a new payments vendor.');
    assert.deepEqual(
      q
        .view('decision')!
        .sentences()
        .map((s) => s.text),
      ['Move the launch to a new payments vendor.'],
    );
    assert.match(q.body.text(), /delay of two weeks/);
  });

  it('nested lines that are not sections of the kind are entries of the section', () => {
    const q = views('---\nkind: role-memo\n---\n# Role\n\nWeekly allocation:\nArchitecture: 2 days\nMentoring: 1 day\n**Stakeholders:** Sam, Alex\n');
    assert.deepEqual(
      q
        .view('allocation')!
        .entries()
        .map((e) => e.text),
      ['Architecture: 2 days', 'Mentoring: 1 day'],
    );
    assert.equal(q.view('stakeholders')!.text(), 'Sam, Alex');
  });
});

describe('HTML comments are not the writer’s text', () => {
  it('are blanked in Doc.plain with offsets kept, outside code only', () => {
    const text = '# T\n\nApprove <!-- hint: adding up to 100% --> it.\n\n```\n<!-- code -->\n```\n';
    const doc = parse(text);
    assert.equal(doc.plain.length, text.length);
    assert.equal(doc.comments.length, 1);
    assert.doesNotMatch(doc.plain, /hint/);
    assert.match(doc.plain, /<!-- code -->/);
  });

  it('a section whose only content is a hint comment is empty; an inline hint is skipped by every query', () => {
    const q = new DocQuery(checkText('---\nkind: strategy\n---\n# S\n\n## Diagnosis\n\n<!-- hint: name the problem -->\n\n## Guiding policy\n\nReduce friction <!-- up to 100% --> first.\n', { module: defaultModule, rules: [] }).doc);
    assert.equal(q.view('diagnosis')!.isEmpty(), true);
    const policy = q.view('policy')!;
    assert.equal(policy.isEmpty(), false);
    assert.doesNotMatch(policy.text(), /up to/);
    assert.deepEqual(
      policy.entries().map((e) => e.text.replace(/\s+/g, ' ')),
      ['Reduce friction first.'],
    );
    assert.equal(policy.match(/up to/).length, 0);
  });

  it('staffwork-disable comments still work', () => {
    const text = '---\nkind: strategy\n---\n<!-- staffwork-disable structure/required-section -->\n# S\n\n## Diagnosis\n\nLead time is 3.5 days.\n';
    const found = (t: string) => checkText(t, { module: defaultModule, rules: builtinRules }).diagnostics.map((d) => d.ruleId);
    assert.ok(found(text.replace(/<!--.*-->\n/, '')).includes('structure/required-section'));
    assert.ok(!found(text).includes('structure/required-section'));
  });
});

describe('Doc.body', () => {
  it('starts after the front matter and a leading # title', () => {
    const doc = parse('---\nkind: adr\n---\n<!-- x -->\n# Title\n\nBody text.\n');
    assert.equal(doc.text.slice(doc.body.start).trim(), 'Body text.');
    assert.equal(parse('## Not a title\n\nx\n').body.start, 0);
  });
});

describe('lexicon', () => {
  it('gives each caller its own regex state', () => {
    const a = lexicon('fluff');
    a.exec('we will leverage synergies and leverage synergies');
    assert.equal(lexicon('fluff').lastIndex, 0);
    assert.notEqual(lexicon('fluff'), lexicon('fluff'));
  });
});

describe('the review’s three repros, through the rules, in every spelling', () => {
  const run = (id: string, text: string) => checkText(text, { module: defaultModule, rules: builtinRules.filter((r) => r.meta.id === id) }).diagnostics.map((d) => d.messageId);
  const spellings = (text: string) => [text, respell(text, 'label'), respell(text, 'field')];

  it('(a) role/scope-every-task does not count the tasks a **Non-scope:** field excludes', () => {
    const memo = '---\nkind: role-memo\n---\n# Role\n\nScope:\nCross-team architecture for payments.\n**Non-scope:** leading the team, incidents, mentoring engineers, representing the group to executives.\n';
    assert.deepEqual(run('role/scope-every-task', memo), []);
    assert.deepEqual(run('role/scope-every-task', memo.replace('**Non-scope:**', '**Scope too:**')), ['every'], 'the same words inside the scope do count');
  });

  it('(b) growth/not-delegated fires whether Visibility is a label or a field after the opportunity', () => {
    const plan = '---\nkind: growth-plan\n---\n# Plan\n\n## Opportunity\n\nSam attends the architecture review.\n\n## Visibility\n\nSam presents the RFC.\n';
    const inline = '---\nkind: growth-plan\n---\n# Plan\n\nOpportunity:\nSam attends the architecture review.\n**Visibility:** Sam presents the RFC.\n';
    for (const text of [...spellings(plan), inline]) assert.deepEqual(run('growth/not-delegated', text), ['passive'], text);
  });

  it('(c) tradeoff/recommendation-not-in-table reads the decision, not the reasons after it', () => {
    const table = '\n\n| Option | Gain | Cost |\n|---|---|---|\n| Delay two weeks | stable launch | revenue slips |\n| Launch now | revenue | incident risk |\n';
    const summary = `---\nkind: exec-summary\n---\n# Vendor\n\n## Decision\n\nMove the launch to a new payments vendor.\n\n## Reason\n\nWe would otherwise face a delay of two weeks.${table}`;
    for (const text of spellings(summary)) assert.deepEqual(run('tradeoff/recommendation-not-in-table', text), ['notInTable'], text);
    // A field ends with its paragraph: the reasons paragraph after it is not the decision.
    const field = `---\nkind: exec-summary\n---\n# Vendor\n\n**Decision:** Move the launch to a new payments vendor.\n\nWe would otherwise face a delay of two weeks.${table}`;
    assert.deepEqual(run('tradeoff/recommendation-not-in-table', field), ['notInTable']);
  });
});

describe('respell (the rule tester’s spellings)', () => {
  const text = '---\nkind: strategy\n---\n# Plan\n\n## Diagnosis\n\nLead time is slow.\n\n## Actions\n\n- a\n- b\n\n## Empty\n\n### Deeper\n\nx\n';
  it('writes ## sections as labels', () => {
    assert.equal(respell(text, 'label'), '---\nkind: strategy\n---\n# Plan\n\nDiagnosis:\nLead time is slow.\n\nActions:\n- a\n- b\n\nEmpty:\n\n### Deeper\n\nx\n');
  });
  it('writes ## sections as fields, and as bold labels when the body is not one paragraph', () => {
    assert.equal(respell(text, 'field'), '---\nkind: strategy\n---\n# Plan\n\n**Diagnosis:** Lead time is slow.\n\n**Actions:**\n- a\n- b\n\n**Empty:**\n\n### Deeper\n\nx\n');
  });
  it('parses to the same section titles', () => {
    const titles = (t: string) => parse(t).sections.map((s) => s.title);
    assert.deepEqual(titles(respell(text, 'label')), titles(text));
    assert.deepEqual(titles(respell(text, 'field')), titles(text));
  });
});

// The spellings people use for a section's name besides headings, `Label:` and `**Field:**`.
describe('sections: common Markdown spellings of a section name', () => {
  const sections = (text: string) => {
    const doc = parse(text);
    return doc.sections.map((s) => ({ ...shape(doc, s), parent: s.parent === -1 ? undefined : doc.sections[s.parent]!.title }));
  };
  const find = (text: string, title: string) => sections(text).find((s) => s.title === title);

  describe('a bold line is a heading one level under the enclosing one', () => {
    for (const [name, text] of [
      ['flat', '**Scope**\nPayments architecture.\n\n**Weekly allocation (40-hour week)**\n\n- Architecture: 2 days\n- Mentoring: 3 days\n'],
      ['nested', '## Role\n\nI am the architect.\n\n**Scope**\nPayments architecture.\n\n**Weekly allocation (40-hour week)**\n\n- Architecture: 2 days\n- Mentoring: 3 days\n'],
    ] as const) {
      it(name, () => {
        const scope = find(text, 'Scope')!;
        assert.equal(scope.style, 'label');
        assert.equal(scope.titleSpan, 'Scope**');
        assert.equal(scope.own, 'Payments architecture.');
        assert.equal(scope.parent, name === 'nested' ? 'Role' : undefined);
        // Its items are fields nested in it (so it owns nothing before them), and its view reads them.
        const doc = parse(text);
        const allocation = doc.sections.find((s) => s.title === 'Weekly allocation (40-hour week)')!;
        assert.equal(find(text, 'Architecture')!.parent, 'Weekly allocation (40-hour week)');
        assert.equal(find(text, 'Architecture')!.own, '2 days');
        assert.deepEqual(
          new DocQuery(doc)
            .viewOf(allocation)
            .entries()
            .map((e) => e.text),
          ['Architecture: 2 days', 'Mentoring: 3 days'],
        );
      });
    }
    it('a short bold line with a full stop heads what follows; `**Decision.**` then text is a run-in head', () => {
      assert.equal(find('**Coherent actions.**\n- Ship the gateway.\n', 'Coherent actions')!.own, '- Ship the gateway.');
    });
    it('not: emphasis inside prose, a bold sentence, a bold line with nothing after it, a phrase with a comma', () => {
      for (const text of [
        'We will **not** migrate billing.\n',
        '**This whole line is one long bold sentence that ends here.**\n\nMore text.\n',
        '## Risks\n\n**Scope**\n\n## Next\n\nx\n',
        '**Scope**\n',
        '**Digital Services, Department of Rural Payments**\n\nThe plan.\n',
      ]) {
        assert.deepEqual(
          sections(text).filter((s) => s.style !== 'heading'),
          [],
          text,
        );
      }
    });
  });

  describe('bold run-in heads own the rest of their paragraph', () => {
    for (const [line, titleSpan] of [
      ['**Decision.** Move to the new vendor.', 'Decision.**'],
      ['**Decision —** Move to the new vendor.', 'Decision —**'],
      ['**Decision** — Move to the new vendor.', 'Decision** —'],
      ['**Decision:** Move to the new vendor.', 'Decision:**'],
      ['__Decision__: Move to the new vendor.', 'Decision__:'],
      ['*Decision:* Move to the new vendor.', 'Decision:*'],
    ] as const) {
      it(line, () => {
        for (const text of [`${line}\nIt is cheaper.\n\nAfter.\n`, `## Summary\n\nIntro.\n\n${line}\nIt is cheaper.\n\nAfter.\n`]) {
          const doc = parse(text);
          const decision = doc.sections.find((s) => s.title === 'Decision')!;
          assert.equal(decision.style, 'field', text);
          assert.equal(slice(doc, decision.titleSpan), titleSpan);
          assert.equal(slice(doc, decision.own), 'Move to the new vendor.\nIt is cheaper.');
          assert.ok(!decision.blocks.some((b) => b.text.includes('After')), 'the next paragraph is not the field’s');
        }
      });
    }
    it('takes the list its value introduces', () => {
      assert.equal(find('**Plan.** Three steps:\n- one\n- two\n\nAfter.\n', 'Plan')!.own, 'Three steps:\n- one\n- two');
    });
    it('not: a bold word inside a sentence, or bold text without punctuation after it', () => {
      assert.deepEqual(sections('**Please** read this before Friday.\n\nWe **must** decide.\n'), []);
    });
  });

  describe('labels at the start of a list item are fields owning the rest of the item', () => {
    it('bold, in a mixed list', () => {
      const text = '## Summary\n\n- **Decision needed:** approve the vendor\n  by Friday.\n- The rest is context.\n';
      const doc = parse(text);
      const field = doc.sections[1]!;
      assert.deepEqual([field.title, field.style, slice(doc, field.titleSpan), slice(doc, field.own)], ['Decision needed', 'field', 'Decision needed:**', 'approve the vendor\n  by Friday.']);
      assert.equal(field.parent, 0);
      assert.deepEqual(
        field.blocks.map((b) => b.type),
        ['list'],
      );
      assert.deepEqual(
        new DocQuery(doc)
          .viewOf(field)
          .entries()
          .map((e) => [e.kind, e.text.replace(/\s+/g, ' ')]),
        [['item', 'approve the vendor by Friday.']],
      );
      // Unkeyed, the items are still the heading's entries.
      assert.equal(new DocQuery(doc).viewOf(doc.sections[0]!).entries().length, 2);
    });
    it('plain `Owner: Dana` when every item is a field; not one option among others', () => {
      assert.deepEqual(
        sections('* Owner: Dana\n* Due: Friday\n').map((s) => [s.title, s.own]),
        [
          ['Owner', 'Dana'],
          ['Due', 'Friday'],
        ],
      );
      assert.deepEqual(sections('1. Keep the team as it is.\n2. Split: each team owns a part.\n'), []);
    });
    it('a bold item title alone owns the item’s nested content', () => {
      assert.equal(find('- **Risks**\n  - the vendor slips\n- **Owner:** Dana\n', 'Risks')!.own, '- the vendor slips');
    });
  });

  it('numbered paragraphs (RFC style): the label is the text between the number and the colon', () => {
    const text = '1.1. Summary: we need a decision.\n1.2. Requested decision maker: **Director of Technology**, by 20 March.\n2. Scope:\nThe payments API.\n';
    assert.deepEqual(
      sections(text).map((s) => [s.title, s.style, s.own]),
      [
        ['Summary', 'field', 'we need a decision.'],
        ['Requested decision maker', 'field', '**Director of Technology**, by 20 March.'],
        ['Scope', 'label', 'The payments API.'],
      ],
    );
  });

  it('names with a qualifier keep the full title', () => {
    const text = '**Decision needed by 20 May 2026:** approve the budget.\n\nWeekly allocation (5 days):\nArchitecture: 2 days\n\nAsk (for the board):\nApprove it.\n';
    assert.deepEqual(
      sections(text).map((s) => [s.title, s.style, s.parent]),
      [
        ['Decision needed by 20 May 2026', 'field', undefined],
        ['Weekly allocation (5 days)', 'label', undefined],
        ['Architecture', 'field', 'Weekly allocation (5 days)'],
        ['Ask (for the board)', 'label', undefined],
      ],
    );
  });

  describe('two-column key/value tables: each row a field owning its value cell', () => {
    const table = '| Field | Plan |\n|---|---|\n| Skill goal | Lead the design review |\n| **Owner:** | Head of Platform |\n';
    for (const [name, text] of [
      ['flat', table],
      ['nested', `## Growth plan\n\nFor Sam.\n\n${table}`],
      ['header as a pair', '| **Skill goal:** | Lead the design review of the payments API |\n|---|---|\n| Owner | Head of Platform |\n'],
    ] as const) {
      it(name, () => {
        const doc = parse(text);
        const goal = doc.sections.find((s) => s.title === 'Skill goal')!;
        const owner = doc.sections.find((s) => s.title === 'Owner')!;
        assert.equal(goal.style, 'field');
        assert.match(slice(doc, goal.own), /^Lead the design review/);
        assert.equal(slice(doc, owner.own), 'Head of Platform');
        assert.deepEqual(
          owner.blocks.map((b) => [b.type, b.text]),
          [['paragraph', 'Head of Platform']],
        );
        if (name === 'nested') {
          assert.equal(doc.sections[goal.parent]!.title, 'Growth plan');
          // Unkeyed rows are still the heading's table.
          assert.equal(
            new DocQuery(doc)
              .viewOf(doc.sections[0]!)
              .entries()
              .filter((e) => e.kind === 'row').length,
            2,
          );
        }
      });
    }
    it('not data tables: dates, quarters or numbers in the first column, repeated keys, more columns', () => {
      for (const text of [
        '| Quarter | Project |\n|---|---|\n| Q1 | Migrate billing |\n| Q2 | Retire the monolith |\n',
        '| Date | Event |\n|---|---|\n| 3 March | Outage |\n| 12 May 2026 | Review |\n',
        '| Team | Task |\n|---|---|\n| Team A | x |\n| Team A | y |\n| Team A | z |\n',
        '| Option | Gain | Cost |\n|---|---|---|\n| Delay | stable | revenue |\n',
        '| Step | Done |\n|---|---|\n| 1 | yes |\n| 2 | no |\n',
      ]) {
        assert.deepEqual(sections(text), [], text);
      }
    });
  });

  describe('a label line looks like a title', () => {
    it('not a prose line that ends with a colon after a sentence', () => {
      const text = '## Update\n\nWe moved on 20 October. Since then:\n**Decision:** keep it.\n';
      assert.deepEqual(
        sections(text).map((s) => [s.title, s.parent]),
        [
          ['Update', undefined],
          ['Decision', 'Update'],
        ],
      );
    });
    it('short names, qualifiers and chatty lower-case labels are', () => {
      for (const label of ['scope', 'Weekly allocation (5 days)', "what we won't do", "the piece of work that's hers"]) {
        const s = find(`## Role\n\n${label}:\nThe payments API.\n`, label);
        assert.deepEqual([s?.style, s?.own], ['label', 'The payments API.'], label);
      }
    });
  });

  describe('metadata lines at the top are fields', () => {
    it('aligned `Key:    value` lines', () => {
      assert.deepEqual(
        sections('# Vendor\n\nStatus:    For decision\nAuthor:    Dana Lee\n\nText.\n')
          .slice(1)
          .map((s) => [s.title, s.own]),
        [
          ['Status', 'For decision'],
          ['Author', 'Dana Lee'],
        ],
      );
    });
    it('middle-dot separated pairs, each a field', () => {
      const doc = parse('# Vendor\n\nFor: Director of Platform · From: Dana Lee · 6 March\n\nText.\n');
      assert.deepEqual(
        doc.sections.slice(1).map((s) => [s.title, slice(doc, s.titleSpan), slice(doc, s.own), s.parent]),
        [
          ['For', 'For:', 'Director of Platform', 0],
          ['From', 'From:', 'Dana Lee', 0],
        ],
      );
      assert.deepEqual(
        doc.sections[0]!.blocks.map((b) => b.text),
        ['· 6 March', 'Text.'],
      );
    });
  });
});

describe('the new spellings, through structure/required-section', () => {
  const required = (text: string) =>
    checkText(text, { module: defaultModule, rules: builtinRules.filter((r) => r.meta.id === 'structure/required-section') })
      .diagnostics.map((d) => d.message.match(/`([^`]+)`/)?.[1] ?? d.message)
      .sort();
  const parts: [string, string][] = [
    ['Skill goal', 'Sam leads the design review of the payments API by March.'],
    ['Opportunity', 'The payments API redesign, which starts in January.'],
    ['Support', 'I pair with Sam on the first two reviews, then step back.'],
    ['Visibility', 'Sam presents the design at the architecture forum in March.'],
  ];
  const front = '---\nkind: growth-plan\n---\n# Growth plan for Sam\n\n';
  const spellings: Record<string, (ps: [string, string][]) => string> = {
    heading: (ps) => ps.map(([t, b]) => `## ${t}\n\n${b}\n`).join('\n'),
    'bold line': (ps) => ps.map(([t, b]) => `**${t}**\n${b}\n`).join('\n'),
    'run-in': (ps) => ps.map(([t, b]) => `**${t}.** ${b}\n`).join('\n'),
    'list item': (ps) => `${ps.map(([t, b]) => `- **${t}:** ${b}`).join('\n')}\n`,
    table: (ps) => `| Field | Plan |\n|---|---|\n${ps.map(([t, b]) => `| ${t} | ${b} |`).join('\n')}\n`,
  };
  for (const [name, write] of Object.entries(spellings)) {
    it(`${name}: a complete plan has every section; one left out is reported`, () => {
      assert.deepEqual(required(front + write(parts)), [], name);
      assert.equal(required(front + write(parts.filter(([t]) => t !== 'Visibility'))).length, 1, name);
    });
  }
});
