// The judgement guard: each labelled set's score may only go up (test/accuracy/ratchet.json), and
// no file an expert calls clean may get an error-level finding (on the held-out sets, no more than
// the ratchet's `<set>:errorsOnClean` allows while they are worked down to zero).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { SETS, SHARED, scoreSet } from '../../tools/accuracy.ts';

const ratchet = JSON.parse(readFileSync(new URL('./ratchet.json', import.meta.url), 'utf8')) as Record<string, number>;
const available = existsSync(SHARED);
// The held-out sets are ours (test/fixtures) and always present; the development set needs ../shared.

describe('accuracy against the expert labels', { skip: available ? false : `${SHARED} is missing: the labelled sets live there` }, () => {
  for (const spec of SETS) {
    describe(spec.name, () => {
      const score = scoreSet(spec);
      it('agrees with the shared scorer', () => {
        assert.equal(score.scorerLine, `score ${((100 * score.passed) / score.items).toFixed(0)}%`);
      });
      it(`scores at least the ratchet (${ratchet[spec.name]})`, () => {
        const floor = ratchet[spec.name];
        assert.equal(typeof floor, 'number', `test/accuracy/ratchet.json has no entry for ${spec.name}`);
        assert.ok(score.score >= (floor as number), `${spec.name}: ${score.passed}/${score.items} = ${score.score.toFixed(3)} < ${floor}; run npm run accuracy`);
      });
      const allowed = ratchet[`${spec.name}:errorsOnClean`] ?? 0;
      it(allowed ? `gives error-level findings on at most ${allowed} clean files` : 'gives no error-level finding on a file labelled clean', () => {
        assert.ok(score.errorsOnClean.length <= allowed, JSON.stringify(score.errorsOnClean));
      });
    });
  }
});
