// Porting review comments from one revision to the next (src/core/review/anchor.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchorAt, porter, ruleFiresOn, toW3C, type Anchor, type PortStatus } from '../../src/core/review/anchor.ts';

const port = (anchor: Anchor, oldText: string, newText: string) => porter(oldText, newText)(anchor);

const BASE = `# Checkout strategy

## Diagnosis

Deploy lead time is nine days. Test flakiness blocks product teams twice a week.

## Guiding policy

Reduce platform friction before adding new platform features.

## Coherent actions

- Stabilise CI.
- Standardise service templates.
`;

/** Anchors the first occurrence of `quote` in BASE. */
const on = (quote: string, text = BASE) => {
  const i = text.indexOf(quote);
  assert.ok(i >= 0, `quote not in text: ${quote}`);
  return anchorAt(text, i, i + quote.length);
};

interface Case {
  name: string;
  quote: string;
  next: string;
  status: PortStatus;
  /** The text under the ported anchor (the quote itself when omitted and not orphaned). */
  under?: string;
  section?: string;
}

const QUOTE = 'Test flakiness blocks product teams twice a week.';

const cases: Case[] = [
  { name: 'unchanged text', quote: QUOTE, next: BASE, status: 'kept', section: 'Diagnosis' },
  {
    name: 'insertion before the anchor shifts it',
    quote: QUOTE,
    next: BASE.replace('# Checkout strategy\n', '# Checkout strategy\n\nDraft 2, after review.\n'),
    status: 'kept',
    section: 'Diagnosis',
  },
  { name: 'insertion right before the anchor stays outside it', quote: QUOTE, next: BASE.replace(QUOTE, 'Also, ' + QUOTE), status: 'kept' },
  { name: 'insertion right after the anchor stays outside it', quote: QUOTE, next: BASE.replace(QUOTE, QUOTE + ' We measured it in May.'), status: 'kept' },
  { name: 'insertion after the anchor leaves it', quote: QUOTE, next: BASE + '\n## Anti-scope\n\nNo new portals.\n', status: 'kept' },
  {
    name: 'insertion inside the anchor makes it edited',
    quote: QUOTE,
    next: BASE.replace('blocks product teams', 'blocks three product teams'),
    status: 'edited',
    under: 'Test flakiness blocks three product teams twice a week.',
  },
  {
    name: 'a sentence rewritten whole, with a line two lines below replaced too, stays edited in place',
    quote: 'Reduce platform friction before adding new platform features.',
    next: BASE.replace('Reduce platform friction before adding new platform features.', 'Stop feature work until CI passes nine runs in ten.').replace(
      '- Stabilise CI.\n- Standardise service templates.',
      '- Hire a release manager for the platform group.',
    ),
    status: 'edited',
    under: 'Stop feature work until CI passes nine runs in ten.',
  },
  {
    name: 'a word replaced inside the anchor makes it edited',
    quote: QUOTE,
    next: BASE.replace('twice a week', 'every day'),
    status: 'edited',
    under: 'Test flakiness blocks product teams every day.',
  },
  {
    name: 'the anchored sentence rewritten in place is edited, with the new words',
    quote: QUOTE,
    next: BASE.replace(QUOTE, 'Flaky integration suites fail 14% of merges (May sample).'),
    status: 'edited',
    under: 'Flaky integration suites fail 14% of merges (May sample).',
  },
  {
    name: 'an edit in place that also adds a paragraph before it is still edited',
    quote: QUOTE,
    next: BASE.replace('Deploy lead time is nine days. ' + QUOTE, 'We looked at the last quarter.\n\nDeploy lead time is nine days.\n\nTest flakiness blocks product teams twice per week.'),
    status: 'edited',
    under: 'Test flakiness blocks product teams twice per week.',
  },
  {
    name: 'moved within its section, with a number rewritten, is relocated there',
    quote: 'Deploy lead time is nine days.',
    next: BASE.replace('Deploy lead time is nine days. ' + QUOTE, QUOTE + ' Deploy lead time is 9 days.'),
    status: 'relocated',
    under: 'Deploy lead time is 9 days.',
    section: 'Diagnosis',
  },
  {
    name: 'moved word for word to another section is moved',
    quote: QUOTE,
    next: BASE.replace(' ' + QUOTE, '').replace('- Stabilise CI.', `- Stabilise CI. ${QUOTE}`),
    status: 'moved',
    section: 'Coherent actions',
  },
  { name: 'deleted sentence is orphaned', quote: QUOTE, next: BASE.replace(' ' + QUOTE, ''), status: 'orphaned' },
  {
    name: 'deleted, with a lookalike elsewhere, is orphaned rather than re-anchored',
    quote: 'Stabilise CI.',
    next: BASE.replace('- Stabilise CI.\n', '').replace('Reduce platform friction', 'Stabilise CI first. Reduce platform friction'),
    status: 'orphaned',
  },
  {
    name: 'two lookalike sentences in the section: the deleted one is not moved onto the other',
    quote: 'Standardise service templates.',
    next: BASE.replace('- Standardise service templates.\n', '- Standardise service templates for Go.\n- Standardise service templates for Java.\n').replace('- Stabilise CI.\n', ''),
    status: 'edited',
  },
];

describe('port: carrying an anchor to the next revision', () => {
  for (const c of cases) {
    it(c.name, () => {
      const anchor = on(c.quote);
      const out = port(anchor, BASE, c.next);
      assert.equal(out.status, c.status);
      assert.equal(out.previous, anchor);
      const { start, end } = out.anchor.position;
      if (c.status === 'orphaned') {
        assert.deepEqual(out.anchor, anchor, 'an orphaned thread keeps its old anchor to show');
        return;
      }
      const under = c.next.slice(start, end);
      assert.equal(out.anchor.quote.exact, under, 'the quote is the text under the new position');
      if (c.under !== undefined) assert.equal(under, c.under);
      else if (c.status !== 'edited') assert.equal(under, c.quote);
      if (c.status === 'edited') assert.equal(out.now, under);
      if (c.section) assert.equal(out.anchor.section, c.section);
    });
  }

  it('two lookalikes both surviving: the anchored one stays where it was', () => {
    const text = 'Intro.\n\n## Risks\n\nThe cutover may slip. The cutover may slip.\n';
    const second = text.lastIndexOf('The cutover may slip.');
    const anchor = anchorAt(text, second, second + 'The cutover may slip.'.length);
    const next = text.replace('## Risks\n\n', '## Risks\n\nNew first line.\n\n');
    const out = port(anchor, text, next);
    assert.equal(out.status, 'kept');
    assert.equal(out.anchor.position.start, next.lastIndexOf('The cutover may slip.'));
  });

  it('a comment on a whole section follows the section title', () => {
    const i = BASE.indexOf('## Guiding policy');
    const anchor = anchorAt(BASE, i, i);
    assert.equal(anchor.section, 'Guiding policy');
    const next = BASE.replace('## Diagnosis\n', '## Context\n\nWe run 40 services.\n\n## Diagnosis\n');
    const out = port(anchor, BASE, next);
    assert.equal(out.status, 'kept');
    assert.equal(out.anchor.position.start, next.indexOf('## Guiding policy'));
    assert.equal(port(anchor, BASE, BASE.replace('## Guiding policy', '## Policy')).status, 'orphaned');
  });

  it('an anchor whose quote does not match the old text is ported by its quote alone', () => {
    const anchor = on(QUOTE);
    const stale = { ...anchor, position: { ...anchor.position, start: 0, end: 5 } };
    const out = port(stale, BASE, BASE.replace('## Diagnosis\n', '## Diagnosis\n\nSee the appendix.\n'));
    assert.equal(out.status, 'relocated');
    assert.equal(out.anchor.quote.exact, QUOTE);
  });

  it('clamps out-of-range anchors', () => {
    const anchor = anchorAt(BASE, -5, BASE.length + 100);
    assert.equal(anchor.position.start, 0);
    assert.equal(anchor.position.end, BASE.length);
  });

  it('renders as W3C selectors: a quote, and a position in code points', () => {
    const text = '# Plan\n\n## Policy\n\n\u{1F680}\u{1F680} We will leverage synergies.\n';
    const i = text.indexOf('We will');
    const [quote, position] = toW3C(anchorAt(text, i, i + 7), text);
    assert.deepEqual([quote.type, quote.exact, position.type], ['TextQuoteSelector', 'We will', 'TextPositionSelector']);
    assert.equal(i, 24, 'two astral characters are four UTF-16 units');
    assert.deepEqual([position.start, position.end], [22, 29]);
    assert.deepEqual([...text].slice(position.start, position.end).join(''), 'We will');
    // A section comment selects its heading line.
    const h = text.indexOf('## Policy');
    const [heading, at] = toW3C(anchorAt(text, h, h), text);
    assert.equal(heading.exact, '## Policy');
    assert.deepEqual([at.start, at.end], [h, h + '## Policy'.length]);
  });
});

describe('port: lookalikes that were already there are not where the thread went', () => {
  const lines = (...l: string[]) => `${l.join('\n')}\n`;
  const at = (text: string, quote: string, nth = 0) => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = text.indexOf(quote, i + 1);
    assert.ok(i >= 0);
    return anchorAt(text, i, i + quote.length);
  };
  const SIZED = 'We have not sized the migration team yet.';

  it('a bullet deleted from Risks is not "moved" onto the same bullet already in Actions', () => {
    const old = lines('# Plan', '', '## Risks', '', `- ${SIZED}`, '- Vendor lock-in.', '', '## Actions', '', '- Hire two engineers.', `- ${SIZED}`);
    const next = old.replace(`- ${SIZED}\n- Vendor`, '- Vendor');
    assert.equal(port(at(old, SIZED), old, next).status, 'orphaned');
    // The same bullet truly moved to Actions (no copy there before) is moved.
    const single = old.replace(`- Hire two engineers.\n- ${SIZED}\n`, '- Hire two engineers.\n');
    const movedNext = single.replace(`- ${SIZED}\n- Vendor`, '- Vendor').replace('- Hire two engineers.\n', `- Hire two engineers.\n- ${SIZED}\n`);
    const out = port(at(single, SIZED), single, movedNext);
    assert.equal(out.status, 'moved');
    assert.equal(out.anchor.section, 'Actions');
  });

  it('a deleted line is not "relocated" onto a near-identical line of the same section', () => {
    const old = lines('# Plan', '', '## Actions', '', '- Owner: TBD for the vault cluster move.', '- Ship the API by June.', '- Owner: TBD for the vault cluster work.');
    const next = old.replace('- Owner: TBD for the vault cluster move.\n', '');
    assert.equal(port(at(old, 'Owner: TBD for the vault cluster move.'), old, next).status, 'orphaned');
  });

  it('a line moved within its section is relocated there', () => {
    const MOVE = 'Move the vault to a dedicated cluster by June 30.';
    const old = lines('# Plan', '', '## Actions', '', `- ${MOVE}`, '- Hire two engineers.', '- Ship the API.');
    const next = lines('# Plan', '', '## Actions', '', '- Hire two engineers.', '- Ship the API.', `- ${MOVE}`);
    const out = port(at(old, MOVE), old, next);
    assert.ok(out.status === 'relocated' || out.status === 'kept', out.status);
    assert.equal(next.slice(out.anchor.position.start, out.anchor.position.end), MOVE);
  });

  it('two sections titled alike: a comment on the second follows the second', () => {
    const old = lines('# Plan', '', '## Notes', '', 'first', '', '## Notes', '', 'second');
    const second = old.lastIndexOf('## Notes');
    const anchor = anchorAt(old, second, second);
    assert.deepEqual([anchor.section, anchor.sectionIndex], ['Notes', 1]);
    const retitled = old.replace('# Plan', '# Plan, v2');
    const kept = port(anchor, old, retitled);
    assert.deepEqual([kept.status, kept.anchor.position.start], ['kept', retitled.lastIndexOf('## Notes')]);
    // Its body edited: still the second.
    const edited = old.replace('second', 'second, longer');
    assert.deepEqual([port(anchor, old, edited).status, port(anchor, old, edited).anchor.position.start], ['kept', second]);
  });
});

describe('ruleFiresOn: has the cited rule stopped firing on the anchor?', () => {
  const anchor = on(QUOTE);
  const { start, end } = anchor.position;
  const table: [string, { ruleId: string; range: [number, number] }[], boolean][] = [
    ['overlapping finding of the rule', [{ ruleId: 'strategy/x', range: [start + 3, start + 9] }], true],
    ['finding of another rule', [{ ruleId: 'strategy/y', range: [start, end] }], false],
    ['finding of the rule elsewhere', [{ ruleId: 'strategy/x', range: [0, 5] }], false],
    ['zero-length finding at the start', [{ ruleId: 'strategy/x', range: [start, start] }], true],
    ['finding ending where the anchor starts', [{ ruleId: 'strategy/x', range: [start - 4, start] }], false],
  ];
  for (const [name, findings, want] of table) it(name, () => assert.equal(ruleFiresOn(anchor, 'strategy/x', findings, BASE), want));

  it('a section comment asks about the whole section', () => {
    const i = BASE.indexOf('## Coherent actions');
    const section = anchorAt(BASE, i, i);
    const j = BASE.indexOf('Standardise');
    assert.equal(ruleFiresOn(section, 'strategy/x', [{ ruleId: 'strategy/x', range: [j, j + 5] }], BASE), true);
    assert.equal(ruleFiresOn(section, 'strategy/x', [{ ruleId: 'strategy/x', range: [5, 9] }], BASE), false);
  });
});

describe('porter: many threads, one diff', () => {
  it('ports each anchor as port() does', () => {
    const next = BASE.replace('twice a week', 'every day').replace(' Deploy', ' Deploy');
    const anchors = [on(QUOTE), on('Stabilise CI.'), on('Reduce platform friction')];
    const many = porter(BASE, next);
    assert.deepEqual(
      anchors.map(many),
      anchors.map((a) => port(a, BASE, next)),
    );
  });
});
