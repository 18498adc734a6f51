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
      assert.deepEqual(diagnosis!.blocks.map((b) => b.text), ['Lead time is 3.5 days.']);
      assert.deepEqual(policy!.blocks.map((b) => b.text), ['Reduce friction first.']);
    });

    it(`nested, ${spelling} under a heading: the parent owns only what comes before the child`, () => {
      const text = `## Role\n\nI am the architect.\n\n${write(spelling === 'heading' ? 'label' : spelling, 'Scope', 'Payments architecture.')}`;
      const doc = parse(text);
      const [role, scope] = doc.sections;
      assert.equal(slice(doc, role!.own), 'I am the architect.');
      assert.equal(slice(doc, scope!.own), 'Payments architecture.');
      assert.equal(scope!.parent, 0);
      assert.ok(role!.span.end >= scope!.span.end, 'the parent span includes the child');
      assert.deepEqual(role!.blocks.map((b) => b.text), ['I am the architect.']);
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
    assert.deepEqual(summary!.blocks.map((b) => b.text), ['The reasons are a delay of two weeks and a cheaper contract.']);
    assert.equal(summary!.own.end, summary!.own.start, 'nothing before the first field');
  });

  it('a field whose value introduces a list takes the list', () => {
    const doc = parse('## Options\n\n**Considered:** two of them:\n- team A\n- team B\n\nMore.\n');
    const field = doc.sections[1]!;
    assert.equal(slice(doc, field.own), 'two of them:\n- team A\n- team B');
    assert.deepEqual(doc.sections[0]!.blocks.map((b) => b.text), ['More.']);
  });

  it('a setext heading owns the text under its underline', () => {
    const doc = parse('Diagnosis\n=========\n\nLead time is slow.\n');
    assert.equal(slice(doc, doc.sections[0]!.own), 'Lead time is slow.');
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
    assert.deepEqual(q.view('non-scope')!.clauses().map((c) => c.text), ['leading the team', 'incidents', 'mentoring engineers.']);
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
    assert.deepEqual(q.view('decision')!.sentences().map((s) => s.text), ['Move the launch to a new payments vendor.']);
    assert.match(q.body.text(), /delay of two weeks/);
  });

  it('nested lines that are not sections of the kind are entries of the section', () => {
    const q = views('---\nkind: role-memo\n---\n# Role\n\nWeekly allocation:\nArchitecture: 2 days\nMentoring: 1 day\n**Stakeholders:** Sam, Alex\n');
    assert.deepEqual(q.view('allocation')!.entries().map((e) => e.text), ['Architecture: 2 days', 'Mentoring: 1 day']);
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
    assert.deepEqual(policy.entries().map((e) => e.text.replace(/\s+/g, ' ')), ['Reduce friction first.']);
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
