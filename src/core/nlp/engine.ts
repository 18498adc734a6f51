// The one process-level singleton the language layer keeps: wink's model, read once. Building
// it unpacks ~3 MB of lexicon and compiles its automata (~60 ms); it is immutable after that and
// the same for every text, so caching it cannot leak one check into another. It is built on
// first use (wink.cjs keeps even the module evaluation lazy), so a check that never reaches a
// language rule never pays for it.
import type { ItsHelpers, WinkMethods } from 'wink-nlp';
import { createWink } from './wink.cjs';

export interface Engine {
  nlp: WinkMethods;
  its: ItsHelpers;
}

let engine: Engine | undefined;

export function load(): Engine {
  if (!engine) {
    // Sentence boundaries, negation scope and POS (lemmas come with the model); no NER or sentiment.
    const nlp = createWink(['sbd', 'negation', 'pos']);
    engine = { nlp, its: nlp.its };
  }
  return engine;
}
