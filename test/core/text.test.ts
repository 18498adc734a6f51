// src/core/text and the section view's answers that rules rely on: dates and quantities,
// phrase search across line wraps, entry kinds, empty fields, options.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignSections, defaultModule, DocQuery, parse } from '../../src/core/index.ts';
import { lexicon, mentions, spacesAsWhiteSpace } from '../../src/core/lexicon/index.ts';
import { hasDate, hasQuantity } from '../../src/core/text/numbers.ts';

const adr = defaultModule.kinds.find((k) => k.id === 'adr')!;
function viewOf(text: string, key: string) {
  const doc = parse(text);
  assignSections(doc, adr);
  return new DocQuery(doc).view(key);
}

describe('dates and quantities', () => {
  it('a decimal or a percentage is a quantity, not a day-month date', () => {
    for (const t of ['below 0.3%', 'p95 under 1.5 hours', 'error rate at 2.5 percent', '2-3 weeks of work']) {
      assert.equal(hasDate(t), false, t);
      assert.equal(hasQuantity(t), true, t);
    }
  });
  it('numeric, named and relative dates are dates, and not quantities', () => {
    for (const t of ['by 12/3', 'on 3.4.2026', 'by May', 'May 14', 'in Q3', 'by the end of the quarter', 'next year', 'within two weeks']) {
      assert.equal(hasDate(t), true, t);
    }
    for (const t of ['by 12/3', 'in Q3 2027', '30 June']) assert.equal(hasQuantity(t), false, t);
  });
  it('the modal "may" is not the month', () => {
    assert.equal(hasDate('Sam may present it'), false);
    assert.equal(hasDate('Sam presents it in May'), true);
  });
});

describe('lexicons', () => {
  it('a phrase matches across a line wrap and indentation, not across a blank line', () => {
    assert.ok(mentions('blame', 'we are still waiting on the Infrastructure\n  team despite several\n   reminders'));
    const re = lexicon('blame');
    const text = 'despite several\n\nreminders';
    assert.equal(re.exec(text)?.[0], undefined);
  });
  it('a space inside a [...] class stays a space (no literal + slips in)', () => {
    const re = new RegExp(spacesAsWhiteSpace('important for [\\w ]{1,30} to'), 'i');
    assert.ok(re.test('important for the platform team to'));
    assert.ok(!re.test('important for a+b to'));
    assert.ok(!re.test('important for the\nteam to'));
  });
  it('each call gives a fresh regex (no shared lastIndex)', () => {
    const a = lexicon('blame');
    a.exec('their fault, their fault');
    assert.equal(lexicon('blame').lastIndex, 0);
  });
});

describe('section view', () => {
  it('entries say what they are: item, row, line or sentence', () => {
    const v = viewOf('## Context\n\n- one item\n\n| A | B |\n|---|---|\n| x | y |\n\nShort line\nAnother line\n\nA sentence here. And a second one that goes on.\n', 'context')!;
    assert.deepEqual(
      v.entries().map((e) => [e.kind, e.text]),
      [
        ['item', 'one item'],
        ['row', 'x; y'],
        ['line', 'Short line'],
        ['line', 'Another line'],
        ['sentence', 'A sentence here.'],
        ['sentence', 'And a second one that goes on.'],
      ],
    );
  });
  it('an empty **Field:** directly above another field is empty', () => {
    const v = viewOf('# ADR\n\n**Status:** Accepted\n\n**Consequences:**\n**Links:** x\n', 'consequences')!;
    assert.equal(v.isEmpty(), true);
    // Items of a bold label stay its content.
    const o = viewOf('# ADR\n\n**Considered Options:**\n**Option 1:** PostgreSQL\n**Option 2:** MySQL\n', 'options')!;
    assert.deepEqual(
      o.options().map((c) => c.text),
      ['Option 1', 'Option 2'],
    );
  });
  it('a nested section of the kind is not an option', () => {
    const v = viewOf('# ADR\n\n**Considered Options:**\n* PostgreSQL\n\n**Decision Outcome:** Chosen option: PostgreSQL.\n', 'options')!;
    assert.deepEqual(
      v.options().map((c) => c.text),
      ['PostgreSQL'],
    );
  });
});
