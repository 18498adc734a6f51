// Real documents, damaged: the shared examples and a spread of corpus files, truncated,
// byte-flipped (decoded with replacement), spliced with hostile snippets, lines blown up.
// Every result must satisfy invariants.ts. `npm run fuzz` runs 25x as many cases.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertSound, decodeLossy, runs } from './invariants.ts';

const examples = join(import.meta.dirname, '../fixtures/examples');
const corpus = join(import.meta.dirname, '../../../shared/corpus');

function markdownUnder(dir: string): string[] {
  try {
    return (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

// Every example, plus every 25th corpus file (about 40, of every source), when the corpus is there.
const seeds = [...markdownUnder(examples), ...markdownUnder(corpus).filter((_, i) => i % 25 === 0)].map((f) => readFileSync(f, 'utf8'));

const SNIPPETS = [
  '\n---\n',
  '---\nkind: strategy\n',
  '\n| Choice | Gain | Cost |\n|---|---|---|\n| a | b | none |\n',
  '\n' + '> '.repeat(500),
  '\n' + '- '.repeat(500),
  '\n```\n',
  '\n~~~\n',
  '<!-- staffwork-disable -->',
  '<!-- staffwork-enable',
  '-->',
  '\r',
  '\r\n',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\uDFFF',
  '\nDecision needed:\n',
  '\n**Options:**\n',
  '\nOwner: Sam\n',
  '\n## Diagnosis\n',
  '\n#\n',
  '\n===\n',
  '<div>\n',
  '\n1. ',
  '[x]: <',
  '*'.repeat(200),
  '\u202E',
  '\t',
  'kind: escalation\n',
  '\nset: launch\naudience: junior\n',
  '| | |\n',
  '\\|',
];

type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'flip'; at: number; mask: number }
  | { op: 'insert'; at: number; snippet: string; times: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'longLine'; at: number; length: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: position }),
  fc.record({ op: fc.constant('flip' as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: position, snippet: fc.constantFrom(...SNIPPETS), times: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 2000 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 5000 }) }),
  fc.record({ op: fc.constant('longLine' as const), at: position, length: fc.integer({ min: 1000, max: 200_000 }) }),
);

function apply(text: string, m: Mutation): string {
  const at = Math.floor(m.at * text.length);
  switch (m.op) {
    case 'truncate':
      return text.slice(0, at);
    case 'flip': {
      // On the UTF-8 bytes, so multi-byte characters break; decoded as an editor would.
      const bytes = new TextEncoder().encode(text);
      const i = Math.floor(m.at * bytes.length);
      if (i < bytes.length) bytes[i] = (bytes[i] as number) ^ m.mask;
      return decodeLossy(bytes);
    }
    case 'insert':
      return text.slice(0, at) + m.snippet.repeat(m.times) + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate':
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'longLine':
      return text.slice(0, at) + 'word '.repeat(m.length / 5) + text.slice(at);
  }
}

describe('mutated real documents', () => {
  it(`${seeds.length} seed documents survive random damage`, () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (seed, mutations) => {
        assertSound(mutations.reduce(apply, seeds[seed] as string));
      }),
      { numRuns: runs(150) },
    );
  });
});
