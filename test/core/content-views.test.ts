// A document recognised by its content (content.ts) has no headings for the kind's sections; the
// rules read the stretches that play each part through the same view API (`context.view(id)`),
// so a flawed prose brief is judged by its kind's lessons. Documents recognised by their sections
// read exactly their sections, as before.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinRules, checkText, defaultModule } from '../../src/core/index.ts';
import { assignSections, contentViews, detectKind } from '../../src/core/kinds/detect.ts';
import { parse } from '../../src/core/model/parse.ts';
import { DocQuery } from '../../src/core/query/doc-query.ts';
import { ASK, escalationLetter, PAD } from '../helpers/letters.ts';

function query(text: string) {
  const doc = parse(text);
  const { kind, source } = detectKind(doc, defaultModule);
  assert.ok(kind, 'recognised');
  assignSections(doc, kind);
  return { doc, kind, q: new DocQuery(doc, contentViews(doc, kind, source)) };
}

const fired = (text: string) => checkText(text, { module: defaultModule, rules: builtinRules }).diagnostics.map((d) => `${d.severity}:${d.ruleId}`);

const letter = (recommendation: string) => escalationLetter(ASK, recommendation);

describe('content-located parts as views', () => {
  it('reads a located part through context.view, with no section and the kind’s name', () => {
    const { doc, q } = query(letter("I'd go with the second: data already owns the retention policy."));
    const rec = q.view('recommendation');
    assert.ok(rec);
    assert.equal(rec.section, undefined);
    assert.equal(rec.key, 'recommendation');
    assert.equal(rec.title, 'Recommendation');
    assert.match(rec.text(), /^I'd go with the second/);
    assert.equal(doc.plain.slice(rec.anchor.start, rec.anchor.end), "I'd go with the second: data already owns the retention policy.");
    // No heading claims it: section() stays undefined, and the part is not reported missing.
    assert.equal(q.section('recommendation'), undefined);
    // A label that names a part ("What we could do:") is that part, as in any document.
    assert.equal(q.view('options')?.section?.title, 'What we could do');
    // The decider is not located (no signal says where): its rules read the prose.
    assert.equal(q.view('decision-maker'), undefined);
  });

  it('gathers every block that asks for the decision', () => {
    const { doc, q } = query(letter("I'd go with the second."));
    const spans = q.view('decision-needed')?.spans ?? [];
    assert.deepEqual(
      spans.map((s) => doc.plain.slice(s.start, s.end).split('\n')[0]),
      ['need a call on the ingest cluster by Thursday 12 March', 'We need your decision on who pays for the second ingest cluster. Both platform and data leads'],
    );
  });

  it('judges a content-recognised brief by its lessons', () => {
    const cases: [string, string, string[], string[]][] = [
      ['a recommendation that names a fourth option', "I'd go with option 4, a managed service.", ['error:escalation/recommendation-not-an-option'], []],
      ['a recommendation of one of the three', "I'd go with the second: data already owns the retention policy.", [], ['escalation/recommendation-not-an-option']],
    ];
    for (const [name, rec, want, notWant] of cases) {
      const got = fired(letter(rec));
      for (const w of want) assert.ok(got.includes(w), `${name}: ${w} in ${got.join(', ')}`);
      for (const n of notWant) assert.ok(!got.some((g) => g.endsWith(n)), `${name}: no ${n} in ${got.join(', ')}`);
      assert.ok(!got.some((g) => g.endsWith('structure/required-section')), `${name}: ${got.join(', ')}`);
    }
  });

  it('reads a bare label line ("Opportunity" above its text) as the part it names', () => {
    const growth = (opportunity: string) => `From: Ines
To: Marta (Engineering Manager)
Subject: Jonas: plan for next quarter (sponsorship, not just mentoring)

Marta,

You asked what I'm doing for Jonas beyond our weekly chats. Details below; tell me if anything clashes with what you've promised him.

Skill goal
Jonas leads the design of the billing export rewrite, including the rollout plan.

Opportunity
${opportunity}

Support
- I review his outline by Friday 15 January and his draft by Friday 12 February.
- We rehearse the two hardest questions the week before the review.

Visibility
- Jonas presents the rollout plan to the finance leads on Wednesday 17 March.
- The Q1 engineering update names him as owner of the rewrite.

Ines
`;
    const owns = growth('From January, Jonas owns the design doc and presents it at the design review on 4 March. I am not co-authoring it.');
    const { doc, q } = query(owns);
    // Up to the next label: "Support" and its list are the support, not the opportunity.
    assert.equal(doc.plain.slice(q.view('opportunity')?.spans[0]?.start, q.view('opportunity')?.spans[0]?.end).trim(), 'From January, Jonas owns the design doc and presents it at the design review on 4 March. I am not co-authoring it.');
    assert.match(q.view('support')?.text() ?? '', /^- I review his outline[\s\S]*rehearse/);
    assert.equal(q.view('opportunity')?.title, 'Opportunity');
    assert.ok(!fired(owns).some((g) => g.endsWith('growth/not-delegated')));
    // He only watches: the lesson fires on the labelled part, not on the opening ("beyond our weekly chats").
    const shadows = growth('From January, Jonas shadows me in the design reviews and takes notes for the team.');
    assert.ok(fired(shadows).includes('warning:growth/not-delegated'), fired(shadows).join(', '));
  });

  it('locates a part under a heading whose name shows it ("What we are leaving alone")', () => {
    const text = `# Collections online, 2026 to 2028

## Where we actually are

Last year the collections pages had 2.2 million visits, and 71% of them ended on the search results page. We spent 40% of our time on exhibition microsites, and 3 of them are still unpatched.

## What we are choosing

Finding things wins over new front doors. We will stop building bespoke exhibition products; exhibitions get pages built from the story template instead.

## In practice

- We will rebuild search on the enriched records.
- We will put the story template into service by September.
- We will take down the three orphaned microsites.

## What we are leaving alone

- There will be no 3D models this period.
- There will be no public tagging tool.

## How we'll know

- Searches that end on the results page: from 71% to under 45% by 31 March 2027.
${PAD}`;
    const { doc, q } = query(text);
    const anti = q.view('anti-scope');
    assert.ok(anti);
    assert.match(doc.plain.slice(anti.spans[0]?.start, anti.spans[0]?.end), /^- There will be no 3D models/);
  });

  it('changes nothing for a document recognised by its sections', () => {
    const text = `---
kind: escalation
---

Decision needed:
Who owns v1 compatibility during the v2 migration?

Context:
The v2 migration started in January; v1 clients still send 30% of traffic.

Options:
- Team A owns an adapter.
- Team B keeps dual support.

Recommendation:
Option 1.

Decision maker:
VP of Engineering, by 1 March.
`;
    const doc = parse(text);
    const { kind, source } = detectKind(doc, defaultModule);
    assert.ok(kind);
    assert.notEqual(source, 'content');
    assert.equal(contentViews(doc, kind, source).size, 0);
  });

  it('keeps a wrapped line’s negation with its clause (“solver work, not / tech lead work”)', () => {
    const memo = (archetype: string) => `---
kind: role-memo
---

## Archetype

${archetype}

## Scope

- find why recalculation is not deterministic and fix it

## Not in my scope

- sprint work of the Calc team (Jonas stays their tech lead)

## Week (5 days)

- 3 days deep work on recalculation
- 2 days pairing with Calc engineers

## Stakeholders

Aylin (Head of Engineering), Jonas (Calc tech lead)

## Success signal

By 30 June: recalculation under 2 min per employee.
`;
    const cases: [string, boolean][] = [
      ['Primary is solver. Nobody has a clear approach yet, so it is solver work, not\ntech lead work', false],
      ['Primary is solver. It is solver work and not\nreally tech lead work', false],
      ['Primary is solver and\ntech lead for the rewrite', true],
    ];
    for (const [text, fires] of cases) {
      const got = fired(memo(text));
      assert.equal(got.includes('error:role/multiple-primary'), fires, `${JSON.stringify(text)}: ${got.join(', ')}`);
    }
  });

  it('says content named the kind, and locates the parts from that alone (no state kept on the Doc)', () => {
    const text = letter("I'd go with the second: data already owns the retention policy.");
    assert.equal(detectKind(parse(text), defaultModule).source, 'content');
    assert.equal(checkText(text, { module: defaultModule, rules: [] }).kindSource, 'content');
    // A fresh parse that detectKind never saw: the same parts, told by the source passed in.
    const doc = parse(text);
    const kind = defaultModule.kinds.find((k) => k.id === 'escalation');
    assert.ok(kind);
    assignSections(doc, kind);
    assert.deepEqual([...contentViews(doc, kind, 'content').keys()].sort(), ['decision-needed', 'recommendation']);
    assert.equal(contentViews(doc, kind, 'inferred').size, 0);
  });

  it('judges a located ask that names a topic, not a question (the view has no section title)', () => {
    // A subject line that asks nothing, so the located ask is the only place the decision is named.
    const text = escalationLetter('We need a steer on the second ingest cluster.', "I'd go with the second: data already owns the retention policy.").replace('need a call on the ingest cluster by', 'ingest cluster costs,');
    const r = checkText(text, { module: defaultModule, rules: builtinRules });
    assert.equal(r.kind?.id, 'escalation');
    const found = r.diagnostics.filter((d) => d.ruleId === 'escalation/no-decision-question').map((d) => `${d.messageId} L${d.loc.start.line}: ${d.words?.join('|')}`);
    assert.deepEqual(found, ['noQuestion L5: We need a steer on the second ingest cluster.']);
  });
});
