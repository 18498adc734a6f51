// The language server's cost per keystroke on a 12-page (~6,000-word) strategy after a
// one-character edit: `node --import tsx bench/lsp-recheck.ts`.
//  1. in process (tinybench): the incremental edit applied to the TextDocument, the server's
//     Project upsert (every rule) and result, and the findings converted to LSP diagnostics: what the server does
//     once the debounce fires;
//  2. over the protocol, against the real server process: didChange then a hover request,
//     which re-checks the new version at once (no debounce), so the round trip is IPC + check.
import { performance } from 'node:perf_hooks';
import { Bench } from 'tinybench';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinRules, defaultModule, Project } from '../src/core/index.ts';
import { memo, toLsp } from '../src/lsp/diagnostics.ts';
import { open, startClient } from '../test/lsp/client.ts';
import { median, percentile } from './lib.ts';
import { longStrategy } from './recheck.ts';

const text = longStrategy();
const words = text.split(/\s+/).length;
const edit = (doc: TextDocument, i: number) => {
  // One letter typed at a moving position inside the body, as a writer typing through it.
  const at = doc.positionAt(200 + ((i * 7919) % (text.length - 400)));
  return [{ range: { start: at, end: at }, text: String.fromCharCode(97 + (i % 26)) }];
};

async function inProcess(): Promise<number[]> {
  let doc = TextDocument.create('file:///bench/strategy.md', 'markdown', 1, text);
  let i = 0;
  const project = new Project({ module: defaultModule, rules: builtinRules, membership: 'workspace', roots: ['/bench'], memo });
  const bench = new Bench({ time: 3000, warmupTime: 500, retainSamples: true });
  bench.add('edit + check + convert', () => {
    doc = TextDocument.update(doc, edit(doc, i++), doc.version + 1);
    project.upsert('/bench/strategy.md', doc.getText());
    toLsp(doc, project.result('/bench/strategy.md') as NonNullable<ReturnType<Project['result']>>);
  });
  await bench.run();
  const result = bench.tasks[0]?.result;
  const samples = result && 'latency' in result ? [...(result.latency.samples ?? [])] : [];
  if (!samples.length) throw new Error('lsp-recheck: tinybench returned no samples');
  return samples;
}

async function overProtocol(iterations: number): Promise<number[]> {
  const client = await startClient(null);
  const uri = 'file:///bench/strategy.md';
  await open(client, uri, text);
  await client.diagnostics(uri, undefined, 30_000);
  let doc = TextDocument.create(uri, 'markdown', 1, text);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const changes = edit(doc, i);
    doc = TextDocument.update(doc, changes, doc.version + 1);
    const t0 = performance.now();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 4 } });
    samples.push(performance.now() - t0);
  }
  await client.close();
  return samples;
}

const line = (label: string, xs: number[]) => `${label}: median ${median(xs).toFixed(2)} ms, p95 ${percentile(xs, 95).toFixed(2)} ms (${xs.length} samples)`;

console.log(`lsp re-check, ${words}-word strategy (${text.length} chars), one-character edit`);
console.log(line('  in process (edit + project upsert + LSP diagnostics)', await inProcess()));
console.log(line('  over the protocol (didChange + hover round trip)', await overProtocol(300)));
