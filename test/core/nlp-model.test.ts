// src/core/nlp/wink.cjs builds wink's core model without the model's own deep copy of its JSON:
// the result must be the model's core() exactly, and the JSON must stay as it was required
// (another winkNLP() in the process would read it), after a document is read too.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';

const require = createRequire(import.meta.url);
const { coreModel, createWink } = require('../../src/core/nlp/wink.cjs');
const model = require('wink-eng-lite-web-model');
const json = require('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json');

describe("wink's core model, built without a deep copy", () => {
  it('is the model core() builds', () => {
    assert.deepStrictEqual(coreModel(json), model.core());
  });

  it('leaves the required JSON as it was, after reading words wink does not know', () => {
    const before = JSON.stringify(json);
    const nlp = createWink(['sbd', 'negation', 'pos']);
    const doc = nlp.readDoc('Zorblaxing the frobnicator isn’t ideal; we can’t ship Qwertyuiop by Friday.');
    assert.ok(doc.tokens().length() > 10);
    assert.equal(JSON.stringify(json), before);
  });
});
