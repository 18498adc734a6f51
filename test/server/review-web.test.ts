// The review pages' pure helpers (src/web/review), run without a browser.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeNext } from '../../src/web/review/safe-next.ts';

describe('safeNext: where sign-in goes afterwards', () => {
  const origin = 'http://127.0.0.1:4321';
  const table: [string | null, string][] = [
    [null, '/'],
    ['/cohorts', '/cohorts'],
    ['/cohorts/c-abc/reviews/3?x=1#thread-4', '/cohorts/c-abc/reviews/3?x=1#thread-4'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example', '/'], // ?next=/%09/evil.example, decoded by URLSearchParams
    ['\t//evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['http://127.0.0.1:4321/ok', '/ok'],
  ];
  for (const [next, want] of table) it(`${JSON.stringify(next)} -> ${want}`, () => assert.equal(safeNext(next, origin), want));
});
