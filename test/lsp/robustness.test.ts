// Bad input over the protocol: after each, the server still answers, and prints no stack trace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, ErrorCodes, ResponseError, type Hover } from 'vscode-languageserver-protocol/node';
import { open, ROOT, serverCommand, STACK_LINE, startClient, uriOf, type Client } from './client.ts';

const frame = (body: Buffer | string) => {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`), bytes]);
};

describe('lsp bad input', () => {
  let client: Client;
  const uri = uriOf(join(ROOT, 'test/fixtures/examples/robust.md'));
  const text = '---\nkind: strategy\n---\n\n# Strategy\n\n## Diagnosis\n\nLead time is 3.5 days.\n';

  before(async () => {
    client = await startClient(null);
    await open(client, uri, text);
    await client.diagnostics(uri);
  });
  after(async () => {
    assert.equal(await client.close(), 0);
    assert.doesNotMatch(client.stderr(), STACK_LINE);
    for (const line of client.stderr().trim().split('\n')) assert.match(line, /^staffwork lsp: .+/, 'one line per problem');
  });

  /** The server still answers a request and still publishes diagnostics. */
  async function stillServing(): Promise<void> {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 4 } })) as Hover | null;
    assert.ok(hover, 'hover answered');
    const probe = uriOf(join(ROOT, `test/fixtures/examples/probe-${Math.random().toString(36).slice(2)}.md`));
    await open(client, probe, '---\nkind: escalation\n---\n\n# Brief\n');
    const p = await client.diagnostics(probe);
    assert.ok(p.diagnostics.some((d) => d.code === 'structure/required-section'));
  }

  const problems = () => client.stderr().split('\n').filter(Boolean).length;

  it('garbage bytes, with and without a header end', async () => {
    const before = problems();
    client.raw('this is not LSP\r\n\r\n');
    client.raw(Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x0a]));
    await stillServing();
    assert.ok(problems() > before, 'the bad frame is reported on stderr');
  });

  it('a bad Content-Length: not a number, too large, too small, absurd', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'staffwork/ignored', params: {} });
    client.raw(`Content-Length: abc\r\n\r\n${body}`);
    await stillServing();
    client.raw(`Content-Length: ${body.length + 4000}\r\n\r\n${body}`);
    await stillServing();
    client.raw(`Content-Length: 10\r\n\r\n${body}`);
    await stillServing();
    client.raw(`Content-Length: 99999999999999\r\n\r\n${body}`);
    await stillServing();
  });

  it('a body that is not JSON, or not a JSON-RPC object', async () => {
    client.raw(frame('{"jsonrpc": "2.0", "id": 5, '));
    client.raw(frame('[1, 2, 3]'));
    await stillServing();
  });

  it('invalid UTF-8 in a message body', async () => {
    const bad = Buffer.concat([
      Buffer.from('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x.md","languageId":"markdown","version":1,"text":"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}}}'),
    ]);
    client.raw(frame(bad));
    await stillServing();
    assert.match(client.stderr(), /not valid UTF-8/);
  });

  it('unknown methods: MethodNotFound for a request, nothing for a notification', async () => {
    await assert.rejects(client.connection.sendRequest('staffwork/noSuchMethod', {}), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.MethodNotFound);
    await client.connection.sendNotification('staffwork/noSuchNotification', {});
    await stillServing();
  });

  it('a 50 MB document: one warning that it is too large, and no check', async () => {
    const big = uriOf(join(ROOT, 'test/fixtures/examples/big.md'));
    const line = 'Lead time is 3.5 days and the flaky test rate is 18% this quarter. '.repeat(10) + '\n';
    const huge = `---\nkind: strategy\n---\n\n# Big\n\n${line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))}`;
    await open(client, big, huge);
    const p = await client.diagnostics(big, undefined, 60_000);
    assert.equal(p.diagnostics.length, 1);
    assert.equal(p.diagnostics[0]!.severity, DiagnosticSeverity.Warning);
    assert.match(p.diagnostics[0]!.message as string, /not checked: the file is 50\.\d MB, over the 10\.0 MB limit/);
    // An edit keeps it refused, and the server keeps serving.
    const end = { line: 4, character: 5 };
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: big, version: 2 }, contentChanges: [{ range: { start: end, end }, text: '!' }] });
    const q = await client.diagnostics(big, (x) => x.version === 2, 60_000);
    assert.equal(q.diagnostics.length, 1);
    await stillServing();
  });
});

describe('lsp stdin closed by the client', () => {
  const run = (messages: object[]) => spawnSync(process.execPath, serverCommand(), { cwd: ROOT, input: Buffer.concat(messages.map((m) => frame(JSON.stringify(m)))), encoding: 'utf8', timeout: 30_000 });
  const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } };

  it('answers what it already read, then exits 0 after shutdown', () => {
    const r = run([initialize, { jsonrpc: '2.0', method: 'initialized', params: {} }, { jsonrpc: '2.0', id: 2, method: 'shutdown' }]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /"id":1,"result":\{"capabilities"/);
    assert.match(r.stdout, /"id":2,"result":null/);
  });

  it('exits 1 without shutdown', () => {
    const r = run([initialize]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /"id":1,"result"/);
    assert.doesNotMatch(r.stderr, STACK_LINE);
  });
});
