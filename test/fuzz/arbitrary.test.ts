// Property: for any string at all, and for random Markdown-shaped text, the core never throws
// and every position it reports is inside the document (invariants.ts).
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertSound, runs } from './invariants.ts';

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)); // lone surrogates too

// Lines built from the pieces staffwork reads: headings, labels, fields, lists, quotes,
// tables, fences, front matter, directives, with the module's own section names.
const word = fc.constantFrom(
  'Diagnosis',
  'Guiding policy',
  'Coherent actions',
  'Anti-scope',
  'Success metrics',
  'Decision needed',
  'Options',
  'Recommendation',
  'Decision maker',
  'Ask',
  'Risk if ignored',
  'Skill goal',
  'Opportunity',
  'Primary archetype',
  'Not currently',
  'Status',
  'Consequences',
  'team B is blocking us',
  'by 15 May',
  '40%',
  'none',
  'we evaluated',
  'x',
);
const prefix = fc.constantFrom('', '# ', '## ', '###### ', '- ', '* ', '1. ', '> ', '>> ', '    ', '| ', '**', '- [ ] ', '<!-- staffwork-disable ', '<!-- staffwork-enable -->');
const suffix = fc.constantFrom('', ':', '**:', ':**', ' |', ' | cost |', ' -->', '  ', ': value', '\\');
const special = fc.constantFrom('---', '...', '```', '~~~', '|---|---|---|', '===', 'kind: strategy', 'kind: exec-summary', 'set: s', 'audience: peer', 'case: 9', 'a: &a [1]', 'b: [*a, *a]', '', '\r', '<div>');
const line = fc.oneof({ weight: 4, arbitrary: fc.tuple(prefix, word, suffix).map(([p, w, s]) => p + w + s) }, { weight: 2, arbitrary: special });
const markdownish = fc.array(line, { maxLength: 80 }).chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((nl) => lines.join(nl)));

describe('arbitrary input', () => {
  it('any string of UTF-16 code units', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyCodeUnit, maxLength: 2000 }), (s) => void assertSound(s)),
      { numRuns: runs(200) },
    );
  });
  it('any string of Unicode code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => void assertSound(s)),
      { numRuns: runs(200) },
    );
  });
  it('random Markdown-shaped documents', () => {
    fc.assert(
      fc.property(markdownish, (s) => void assertSound(s)),
      { numRuns: runs(200) },
    );
  });
  it('random Markdown-shaped documents behind front matter', () => {
    fc.assert(
      fc.property(fc.constantFrom('strategy', 'role-memo', 'escalation', 'growth-plan', 'exec-summary', 'adr'), markdownish, (kind, body) => void assertSound(`---\nkind: ${kind}\nset: s\n---\n${body}`)),
      { numRuns: runs(200) },
    );
  });
});
