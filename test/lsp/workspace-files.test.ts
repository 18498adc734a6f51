// What the server reads from the workspace on its own: the `set:` variants on disk and the
// config files. A symlink to /dev/zero or to a FIFO among them must not hang or exhaust the
// server, and a client that cannot watch files still sees a config created or edited later.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagnosticSeverity, MessageType, type ClientCapabilities, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { DEFAULT_CAPABILITIES, open, STACK_LINE, startClient, uriOf, type Client } from './client.ts';

const NOT_REGULAR = /not a regular file \(a FIFO\); only regular files are read/;
const variant = (audience: string, decision: string) =>
  `---\nkind: exec-summary\naudience: ${audience}\nset: launch\n---\n\n# Launch\n\nDecision:\n${decision}\n\nReason:\nPayment retries can duplicate charges under timeout.\n\nRisk if ignored:\nA customer-impacting financial incident.\n\nPlan:\nIdempotency keys, a replay test and a launch gate by 10 May.\n\nAsk:\nApprove the revised date by Friday.\n`;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'staffwork-lsp-files-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const clients: Client[] = [];
after(async () => {
  for (const c of clients) {
    await c.close();
    assert.doesNotMatch(c.stderr(), STACK_LINE);
  }
});
async function client(dir: string, capabilities?: ClientCapabilities): Promise<Client> {
  const c = await startClient(dir, capabilities);
  clients.push(c);
  return c;
}

describe('lsp: special files in the workspace', () => {
  it('a symlink to /dev/zero and one to a FIFO beside the variants: the set is still checked', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'exec.md'), variant('executive', 'We ship on 30 April as planned.'));
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    symlinkSync(join(dir, 'pipe'), join(dir, 'pipe.md'));
    const c = await client(dir);
    const uri = uriOf(join(dir, 'peer.md'));
    await open(c, uri, variant('peer', 'We delay the launch two weeks, to 14 May.'));
    // The set rules compare peer.md with exec.md on disk, which the server found by reading the folder.
    const p = await c.diagnostics(uri, (x) => x.diagnostics.some((d) => String(d.message).includes('exec.md')));
    assert.ok(p.diagnostics.length > 0);
  });

  it('a staffwork.config.json that is a FIFO: one message, and the defaults meanwhile', async () => {
    const dir = workspace();
    execFileSync('mkfifo', [join(dir, 'staffwork.config.json')]);
    const c = await client(dir);
    const uri = uriOf(join(dir, 'plan.md'));
    await open(c, uri, '---\nkind: growth-plan\n---\n\nSkill goal:\nSam leads the API migration design by June.\n');
    const p = await c.diagnostics(uri);
    assert.ok(p.diagnostics.some((d) => d.code === 'structure/required-section'));
    const errors = c.messages.filter((m) => m.type === MessageType.Error);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, NOT_REGULAR);
  });
});

describe('lsp config without file watching (Neovim, some Helix builds)', () => {
  const RULE = 'structure/required-section';
  const PLAN = '---\nkind: growth-plan\n---\n\nSkill goal:\nSam leads the API migration design by June.\n';
  const levelOf = (p: PublishDiagnosticsParams) => {
    const found = p.diagnostics.find((d) => d.code === RULE);
    return !found ? 'off' : found.severity === DiagnosticSeverity.Error ? 'error' : found.severity === DiagnosticSeverity.Warning ? 'warning' : 'info';
  };
  const noWatching: ClientCapabilities = { ...DEFAULT_CAPABILITIES, workspace: { workspaceEdit: { documentChanges: true } } };

  it('a config created after the file was opened applies at the next save, and an edited one at the next change', async () => {
    const dir = workspace();
    const c = await client(dir, noWatching);
    assert.equal(c.registrations.length, 0, 'no watchers asked of a client that cannot watch');
    const uri = uriOf(join(dir, 'plan.md'));
    await open(c, uri, PLAN);
    assert.equal(levelOf(await c.diagnostics(uri)), 'error', 'no config: the default level');

    // Saved in another editor buffer the server is not attached to: nothing tells the server.
    writeFileSync(join(dir, 'staffwork.config.json'), JSON.stringify({ rules: { [RULE]: 'off' } }));
    await c.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    assert.equal(levelOf(await c.diagnostics(uri, (p) => levelOf(p) === 'off')), 'off');

    writeFileSync(join(dir, 'staffwork.config.json'), JSON.stringify({ rules: { [RULE]: 'warning' } }));
    await c.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: PLAN + '\n' }] });
    assert.equal(levelOf(await c.diagnostics(uri, (p) => p.version === 2)), 'warning');
  });
});
