// wink and its model, required inside a function so that bundlers keep them lazy: esbuild turns
// each require() here into a call that evaluates the module on first use, so importing the
// core does not parse and build the ~3 MB model. A static import would run it at start-up.
'use strict';
exports.createWink = function createWink(pipe) {
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  return winkNLP(model, pipe);
};
