// An ADR states its consequences without a section of that name (MADR's pros and cons of the chosen
// option, an accepted cost in the decision, a "Risks" heading): structure/required-section must not
// ask for a Consequences section then, and still must when nothing says what the choice costs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinRules, checkText, defaultModule } from '../../src/core/index.ts';

const missing = (text: string) =>
  checkText(text, { module: defaultModule, rules: builtinRules })
    .diagnostics.filter((d) => d.ruleId === 'structure/required-section')
    .map((d) => d.message.match(/`([^`]+)`/)?.[1]);

const unrecognised = (text: string) =>
  checkText(text, { module: defaultModule, rules: builtinRules })
    .diagnostics.filter((d) => d.ruleId === 'structure/unrecognised-section')
    .map((d) => d.message.match(/`([^`]+)`/)?.[1]);

const madr = (outcome: string, prosCons: string) => `---
kind: adr
status: accepted
---
# Use a managed queue

## Context and Problem Statement

Jobs are lost when a worker restarts mid-batch; we need a queue that survives restarts.

## Considered Options

* Managed queue
* Self-hosted broker

## Decision Outcome

${outcome}

## Pros and Cons of the Options

${prosCons}
`;

const PROS_CONS = `### Managed queue

* Good, because nothing to operate
* Bad, because messages over 256 KB must go through object storage

### Self-hosted broker

* Good, because any message size
* Bad, because we run it at 3am`;

describe('ADR consequences stated without a Consequences section', () => {
  const table: [string, string, boolean][] = [
    ["the chosen option's Good/Bad items (MADR)", madr('Chosen option: "Managed queue", because it is the only one nobody has to run.', PROS_CONS), false],
    ['the chosen option in curly quotes with inner quotes', madr('Chosen option: \u201cManaged queue\u201d, because we have no broker on-call.', PROS_CONS), false],
    [
      'only the rejected option has pros and cons',
      madr('Chosen option: "Managed queue", because it is simpler.', PROS_CONS.split('### Self-hosted')[0]!.replace(/\* (Good|Bad).*\n?/g, '') + '### Self-hosted broker\n\n* Bad, because we run it at 3am'),
      true,
    ],
    ['an accepted cost in the decision', madr('Chosen option: "Managed queue".\n\nWe accept that large messages need a second hop through object storage.', '### Self-hosted broker\n\nMore to run.'), false],
    ['good/bad only as words inside sentences, not MADR items', madr('Chosen option: "Managed queue", because it is good, because it is managed.', '### Managed queue\n\nThe proposed solution is good, because it is managed.'), true],
    ['reasons only, nothing about the cost', madr('Chosen option: "Managed queue", because it is managed.', '### Self-hosted broker\n\nMore to run.'), true],
  ];
  for (const [name, text, wantMissing] of table) {
    it(name, () => assert.equal(missing(text).includes('Consequences'), wantMissing));
  }

  it('a Risks heading in a document already known to be an ADR holds its consequences', () => {
    const nygard = `# 7. Retire the batch exporter

## Status

Accepted

## Context

The exporter duplicates what the warehouse sync already does.

## Decision

We will retire the batch exporter at the end of the quarter.

## Risks

Two finance reports still read the exporter's files and must move to the warehouse first.
`;
    assert.equal(missing(nygard).includes('Consequences'), false);
    // Under a heading the kind does not name, the consequences may be there: a warning names it.
    const notes = nygard.replace('## Risks\n\nTwo finance', '## Notes\n\nTwo finance');
    assert.equal(missing(notes).includes('Consequences'), false);
    assert.deepEqual(unrecognised(notes), ['Consequences']);
    assert.equal(missing(nygard.replace(/## Risks\n\n.*\n/, '')).includes('Consequences'), true);
  });
});
