import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignSections, defaultModule, detectKind, parse } from '../../src/core/index.ts';
import { impliedSections } from '../../src/core/kinds/detect.ts';

const kindOf = (text: string) => detectKind(parse(text), defaultModule);
const keysOf = (text: string) => {
  const doc = parse(text);
  const m = detectKind(doc, defaultModule);
  assert.ok(m.kind, 'kind expected');
  assignSections(doc, m.kind);
  return Object.fromEntries(doc.sections.filter((s) => s.key).map((s) => [s.title, s.key]));
};

describe('detectKind', () => {
  const inferred: [string, string, string][] = [
    ['emoji and numbered headings', 'strategy', '# Search strategy\n\n## 🔍 1. Where we are today\n\nx\n\n## 🧭 2. Our bet\n\nx\n\n## 🛠️ 3. What we’ll do\n\nx\n\n## 🚫 Not doing this half\n\nx\n\n## 📈 Measuring success\n\nx\n'],
    ['Rumelt kernel wording', 'strategy', '# Kernel\n\n## Diagnostic\n\nx\n\n## Guiding Policy\n\nx\n\n## Coherent set of actions\n\nx\n'],
    ['chatty lower-case labels', 'role-memo', 'archetype:\nsolver\n\nscope:\nthe ranking service\n\nnot my scope:\nfeature work\n\nhow i spend my time:\n60% latency\n\npeople i work with:\nRae (EM)\n'],
    ['title names the kind, two required sections', 'escalation', '# Escalation: who owns the search index\n\n## The question\n\nx\n\n## Options we looked at\n\nx\n'],
    ['growth plan from its title', 'growth-plan', '# Growth plan for Ravi\n\n## Goal\n\nx\n\n## Stretch project\n\nx\n\n## Notes\n\nx\n'],
    ['two required sections that are the whole outline', 'exec-summary', '## Bottom line\n\nx\n\n## Ask of you\n\nx\n'],
    ['Tyree & Akerman', 'adr', '# Caching\n\n## Issue\n\nx\n\n## Decision\n\nx\n\n## Status\n\nx\n\n## Positions\n\nx\n\n## Implications\n\nx\n'],
    ['ADR title and a Proposal heading', 'adr', '# ADR 12: Queue choice\n\n## Context\n\nx\n\n## Proposal\n\nx\n'],
    ['bold fields only', 'escalation', '**Decision needed:** who owns it?\n\n**Context:** two teams.\n\n**Options:** A or B.\n\n**Recommendation:** A.\n\n**Decision maker:** the VP.\n'],
    [
      'a Status heading that opens with a record status, and one named section',
      'adr',
      '# Billing events queue\n\nDate: 2025-02-03\n\n## Status\n\n🟢 Superseded by 14\n\n## Proposal\n\nMove the billing events to SQS.\n\n## Reasoning\n\nx\n',
    ],
    [
      'Y-statement',
      'adr',
      '# Sessions\n\nIn the context of the login service, facing session loss on deploys, we decided for Redis and neglected sticky sessions, to achieve zero-downtime deploys, accepting that Redis is one more thing to run.\n',
    ],
  ];
  for (const [name, want, text] of inferred) it(`infers ${want}: ${name}`, () => assert.equal(kindOf(text).kind?.id, want));

  it('lets front matter win over the sections', () => {
    const m = kindOf('---\nkind: growth-plan\n---\n\n## Diagnosis\n\nx\n\n## Guiding policy\n\nx\n\n## Coherent actions\n\nx\n');
    assert.deepEqual([m.kind?.id, m.source], ['growth-plan', 'front-matter']);
  });

  const notArtifacts: [string, string][] = [
    [
      'an RFC with a few matching headings among many',
      '# RFC: async\n\n## Summary\n\nx\n\n## Motivation\n\nx\n\n## Goals\n\nx\n\n## Non-goals\n\nx\n\n## Detailed design\n\nx\n\n## Risks and mitigations\n\nx\n\n## Alternatives\n\nx\n\n## Unresolved questions\n\nx\n\n## Prior art\n\nx\n',
    ],
    ['a postmortem', '# Outage on 3 May\n\n## Summary\n\nx\n\n## Impact\n\nx\n\n## Timeline\n\nx\n\n## Root cause\n\nx\n\n## Resolution\n\nx\n\n## Action items\n\nx\n'],
    ['a title alone', '# Our engineering strategy\n\nWe will write it next week.\n'],
    ['a proposal with a Status line, Background and Proposal', '# Proposal: faster maps\n\nStatus: Accepted\n\n## Background\n\nx\n\n## Proposal\n\nx\n\n## Compatibility\n\nx\n\n## Implementation\n\nx\n'],
    ['a Status heading that is prose, with one named section', '# Type aliases\n\n## Status\n\nThis design has been accepted in principle and is being implemented.\n\n## Background\n\nx\n\n## Design\n\nx\n\n## Open questions\n\nx\n'],
    [
      'a guide that explains the fields of a decision record',
      '# How we record decisions\n\n## Why write them down\n\nx\n\n## The format\n\n**Status:**\n\n[Proposed/Accepted/Superseded]\n\n**Context:**\n\nThe forces at play.\n\n**Decision:**\n\nWhat we will do.\n\n**Consequences:**\n\nWhat follows.\n\n## Where to keep them\n\nx\n\n## When to write one\n\nx\n',
    ],
    ['a strategy template page with several titles', '# Strategy page template\n\nUse this.\n\n# Team strategy\n\n## Mission\n\nx\n\n## Guiding principles\n\nx\n\n## Where we are now\n\nx\n\n### Goals\n\nx\n'],
  ];
  for (const [name, text] of notArtifacts) it(`does not guess: ${name}`, () => assert.equal(kindOf(text).kind, undefined));
});

describe('a title that declares the kind', () => {
  const prose = 'We have talked about this for a while and the teams involved have different views on what should happen next, so this page sets out where things stand today.';
  const declared: [string, string][] = [
    ['Escalation: who pays for the search reindex', 'escalation'],
    ['ADR-031: Use logical replication for reporting', 'adr'],
    ['Growth plan: Wei', 'growth-plan'],
    ['Development plan for Amara', 'growth-plan'],
    ['Role clarity — Jonas, payments', 'role-memo'],
    ['Executive summary: review of the Q3 incident programme', 'exec-summary'],
    ['Data Platform Strategy 2026–2028', 'strategy'],
    ['FY27 strategy', 'strategy'],
    ['Checkout Platform Strategy — FY2027', 'strategy'],
    ['Search strategy: 2026', 'strategy'],
  ];
  for (const [title, want] of declared) it(`"${title}" is a ${want}`, () => assert.equal(kindOf(`# ${title}\n\n${prose}\n`).kind?.id, want));
  const other = ['Merge strategies', 'Testing strategy', 'Privilege escalation in the admin API', 'Escalation policy', 'Strategy page template', 'Caching strategy — overview'];
  for (const title of other) it(`"${title}" is not an artifact`, () => assert.equal(kindOf(`# ${title}\n\n${prose}\n`).kind, undefined));
  it('needs more than a stub under the title', () => assert.equal(kindOf('# Escalation: search reindex\n\nTo follow.\n').kind, undefined));
});

describe('assignSections', () => {
  it('matches qualified, fallback and containing names', () => {
    assert.deepEqual(keysOf('---\nkind: exec-summary\n---\n\n## TL;DR\n\nx\n\n## Why now\n\nx\n\n## Risk if we wait\n\nx\n\n## What happens next\n\nx\n\n## What we need you to do\n\nx\n'), {
      'TL;DR': 'decision',
      'Why now': 'reason',
      'Risk if we wait': 'risk',
      'What happens next': 'plan',
      'What we need you to do': 'ask',
    });
    assert.deepEqual(keysOf('---\nkind: adr\n---\n\n## Context\n\nx\n\n## Proposal\n\nx\n\n### Negative Consequences <!-- optional -->\n\nx\n'), {
      Context: 'context',
      Proposal: 'decision',
      'Negative Consequences <!-- optional -->': 'consequences',
    });
    assert.equal(keysOf('---\nkind: growth-plan\n---\n\n## Timeline\n\nx\n\n## Where she gets support from me\n\nx\n')['Where she gets support from me'], 'support');
  });

  it("reads he, she and they alike in a growth plan's labels", () => {
    const keys = keysOf("---\nkind: growth-plan\n---\n\nwhat she's working towards: lead the API review.\n\n## The piece of work that's his\n\nx\n\n## How I'll back her up\n\nx\n\n## How we'll know it worked\n\nx\n");
    assert.deepEqual(keys, { "what she's working towards": 'skill', "The piece of work that's his": 'opportunity', "How I'll back her up": 'support', "How we'll know it worked": 'visibility' });
  });

  it('takes a `For:` line as the decider once the document is an escalation', () => {
    const keys = keysOf('---\nkind: escalation\n---\n\nFor: Director of Collections (Helen Marsh)\n\n## Decision needed\n\nWho owns dunning?\n');
    assert.equal(keys['For'], 'decision-maker');
  });

  it('prefers an exact name over a qualified one for the same section', () => {
    const keys = keysOf('---\nkind: strategy\n---\n\n## Policy for new services\n\nx\n\n## Guiding policy\n\nx\n');
    assert.equal(keys['Guiding policy'], 'policy');
    assert.equal(keys['Policy for new services'], undefined);
  });

  it('recognises an unnamed list of exclusions as the anti-scope', () => {
    const text = '---\nkind: strategy\n---\n\n## Diagnosis\n\nx\n\n## Things we are leaving alone this half\n\n- No new regions.\n- We won’t rewrite the billing service.\n- Not the mobile app.\n';
    assert.equal(keysOf(text)['Things we are leaving alone this half'], 'anti-scope');
    const prose = '---\nkind: strategy\n---\n\n## Diagnosis\n\nx\n\n## Later\n\n- Add regions.\n- Rewrite billing.\n';
    assert.equal(keysOf(prose)['Later'], undefined);
  });
});

describe('question headings name the section the statement names', () => {
  const cases: [string, string, string][] = [
    ['role-memo', "What's mine?", 'scope'],
    ['role-memo', 'What is mine', 'scope'],
    ['role-memo', "What isn't mine?", 'non-scope'],
    ['role-memo', "What I'm not doing", 'non-scope'],
    ['role-memo', 'What am I not doing?', 'non-scope'],
    ['role-memo', 'How will we know it worked?', 'success'],
    ['role-memo', 'How will I know it is working?', 'success'],
    ['role-memo', 'Who do I work with?', 'stakeholders'],
    ['strategy', "What won't we do?", 'anti-scope'],
    ['strategy', 'What are we betting on?', 'policy'],
    ['strategy', 'How will we measure progress?', 'metrics'],
    ['escalation', 'Who decides?', 'decision-maker'],
    ['escalation', 'Whose call is it?', 'decision-maker'],
    ['escalation', "What I'd do", 'recommendation'],
    ['escalation', 'My recommendation', 'recommendation'],
    ['escalation', "I'd suggest", 'recommendation'],
    ['escalation', 'What are the options?', 'options'],
    ['escalation', 'What do we need you to decide?', 'decision-needed'],
    ['exec-summary', 'What do we need from you?', 'ask'],
    ['exec-summary', "What's the ask?", 'ask'],
    ['exec-summary', 'Why now?', 'reason'],
    ['exec-summary', 'What if we wait?', 'risk'],
    ['growth-plan', 'How will I support her?', 'support'],
    ['growth-plan', 'Who will see it?', 'visibility'],
    ['adr', 'What did we decide?', 'decision'],
    ['adr', 'What else did we consider?', 'options'],
  ];
  for (const [kind, title, id] of cases) {
    it(`${kind}: ${title} = ${id}`, () => assert.equal(keysOf(`---\nkind: ${kind}\n---\n\n## ${title}\n\nx\n`)[title], id));
  }
  it('keeps a question and its negation apart', () => {
    const keys = keysOf("---\nkind: role-memo\n---\n\n## What's mine?\n\nx\n\n## What isn't mine?\n\ny\n");
    assert.deepEqual(keys, { "What's mine?": 'scope', "What isn't mine?": 'non-scope' });
  });
});

describe('a title that names the kind lowers the bar', () => {
  it('takes a titled executive summary with two recognised sections', () => {
    for (const title of ['Fibre rollout review: executive summary', 'Exec summary — data centre exit', 'TL;DR for leadership: the billing freeze']) {
      assert.equal(kindOf(`# ${title}\n\n## Summary\n\nx\n\n## Background notes\n\nx\n\n## Next steps\n\nx\n\n## Appendix\n\nx\n\n## Contacts\n\nx\n`).kind?.id, 'exec-summary', title);
    }
  });
  it('does not take a generic one-word title with two sections as the kind', () => {
    assert.equal(kindOf('# Code search strategy\n\n## Where we are now\n\nx\n\n## Guiding principles\n\nx\n\n## Team\n\nx\n\n## Links\n\nx\n\n## FAQ\n\nx\n').kind, undefined);
  });
  it('needs the sections to be a good part of the outline', () => {
    const many = Array.from({ length: 8 }, (_, i) => `## Part ${i + 1}\n\nx\n`).join('\n');
    assert.equal(kindOf(`# Executive summary of the audit\n\n## Summary\n\nx\n\n## Next steps\n\nx\n\n${many}`).kind, undefined);
  });
});

describe('impliedSections', () => {
  const adr = defaultModule.kinds.find((k) => k.id === 'adr')!;
  it('reads a Y-statement as context, decision, options and consequences', () => {
    const doc = parse('In the context of checkout, facing slow queries, we decided for a read replica and neglected caching, to achieve p99 under 200 ms, accepting that reads may lag by a second.\n');
    assert.deepEqual([...impliedSections(doc, adr, 'inferred').keys()].sort(), ['consequences', 'context', 'decision', 'options']);
  });
  it('reads a Status row in a table', () => {
    const doc = parse('| Field | Value |\n|---|---|\n| Status | Accepted |\n| Date | 2025-01-02 |\n');
    assert.deepEqual([...impliedSections(doc, adr, 'inferred').keys()], ['status']);
  });
  it('does not read a sentence that only mentions a context', () => {
    const doc = parse('In the context of the migration we decided nothing yet.\n');
    assert.equal(impliedSections(doc, adr, 'inferred').size, 0);
  });
});
