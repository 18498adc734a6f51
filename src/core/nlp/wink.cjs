// wink and its model, required inside a function so that bundlers keep them lazy: esbuild turns
// each require() here into a call that evaluates the module on first use, so importing the
// core does not parse and build the ~3 MB model. A static import would run it at start-up.
'use strict';
exports.createWink = function createWink(pipe) {
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  return winkNLP({ ...model, core: () => coreModel(require('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json')) }, pipe);
};

/**
 * The model's core() (its read-core-model.js and load-core-model.js), less its first step: a deep
 * copy of the whole 3 MB JSON (JSON.parse(JSON.stringify(...)), a third of the model's load) that
 * keeps the required JSON unchanged. Only the objects the steps (and wink's cache, later) change
 * are copied here, so the JSON stays unchanged all the same; test/core/nlp-model.test.ts holds the result equal to core()'s.
 */
function coreModel(json) {
  const model = { ...json, packing: { ...json.packing }, features: { ...json.features } };
  const { packing, features, pos } = model;
  // Lists too: wink's cache adds the words it meets to them.
  for (const f of Object.keys(features)) features[f] = Array.isArray(features[f].list) ? { ...features[f], list: [...features[f].list] } : { ...features[f] };
  model.lexicon = new Uint32Array(bufferFromBase64(json.lexicon));
  model.xpansions = new Uint32Array(bufferFromBase64(json.xpansions));
  for (const f in packing.layout) {
    if (packing.layout[f][3] !== 0) continue;
    features[f].hash = Object.create(null);
    for (let k = 0; k < features[f].list.length; k++) features[f].hash[features[f].list[k]] = k;
  }
  features.lexeme.hash = Object.create(null);
  for (let k = 0; k < features.lexeme.list.length; k++) features.lexeme.hash[features.lexeme.list[k]] = k;
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set(clusters[k].split('_').map((e) => pos.hash[e] || 0));
  // load-core-model.js
  packing.efList = [];
  for (const f in packing.layout) {
    if (packing.layout[f][3] === 0) {
      features[f].intrinsicSize = features[f].list.length;
      features[f].index = features[f].list.length;
      features[f].maxIndex = packing.layout[f][1] >>> packing.layout[f][2];
    }
    if (packing.layout[f][4] === 1) packing.efList.push(f);
  }
  features.lexeme.intrinsicSize = features.lexeme.list.length;
  features.lexeme.index = features.lexeme.list.length;
  return model;
}

function bufferFromBase64(data) {
  const decoded = atob(data);
  const bytes = new Uint8Array(decoded.length);
  for (let k = 0; k < decoded.length; k++) bytes[k] = decoded.charCodeAt(k);
  return bytes.buffer;
}

exports.coreModel = coreModel;
