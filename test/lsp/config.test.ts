// The workspace's staffwork config: honoured, re-read when the watched file changes (or the
// open config file is saved), an invalid one reported once while the last good one stays.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, FileChangeType, MessageType, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { open, STACK_LINE, startClient, uriOf, type Client } from './client.ts';

const PLAN = '---\nkind: growth-plan\n---\n\nSkill goal:\nSam leads the API migration design by June.\n';
const RULE = 'structure/required-section';
const levelOf = (p: PublishDiagnosticsParams) => {
  const found = p.diagnostics.filter((d) => d.code === RULE);
  return found.length === 0 ? 'off' : found[0]!.severity === DiagnosticSeverity.Warning ? 'warning' : found[0]!.severity === DiagnosticSeverity.Error ? 'error' : 'info';
};

describe('lsp config', () => {
  let dir: string;
  let client: Client;
  let configFile: string;
  const docUri = () => uriOf(join(dir, 'notes/plan.md'));
  const writeConfig = (content: string) => writeFileSync(configFile, content);
  const changed = () => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(configFile), type: FileChangeType.Changed }] });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'staffwork-lsp-config-'));
    mkdirSync(join(dir, 'notes'));
    configFile = join(dir, 'staffwork.config.json');
    writeConfig(JSON.stringify({ rules: { [RULE]: 'off' } }));
    client = await startClient(dir);
  });
  after(async () => {
    await client.close();
    assert.doesNotMatch(client.stderr(), STACK_LINE);
    rmSync(dir, { recursive: true, force: true });
  });

  it('honours the nearest config upward from the file', async () => {
    await open(client, docUri(), PLAN);
    const p = await client.diagnostics(docUri());
    assert.equal(levelOf(p), 'off');
  });

  it('registers a watcher for config files when the client can (before the first diagnostics)', () => {
    const watchers = client.registrations.flatMap((r) => r.registrations).filter((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.equal(watchers.length, 1);
    const globs = (watchers[0]!.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    assert.ok(
      globs.some((g) => g.includes('staffwork.config.json') && g.includes('.staffworkrc')),
      globs.join(', '),
    );
  });

  it('re-reads the config when the watched file changes', async () => {
    writeConfig(JSON.stringify({ rules: { [RULE]: 'warning' } }));
    await changed();
    assert.equal(levelOf(await client.diagnostics(docUri(), (p) => levelOf(p) !== 'off')), 'warning');
  });

  it('reports an invalid config once and keeps the last good one', async () => {
    writeConfig('{"rules": {"no-such/rule": "off"}}');
    await changed();
    const p = await client.diagnostics(docUri());
    assert.equal(levelOf(p), 'warning', 'the last good config still applies');
    await changed();
    await client.diagnostics(docUri());
    const errors = client.messages.filter((m) => m.type === MessageType.Error);
    assert.equal(errors.length, 1, errors.map((m) => m.message).join(' | '));
    assert.match(errors[0]!.message, /no-such\/rule/);
    assert.doesNotMatch(errors[0]!.message, /\n/);

    writeConfig('{ not json');
    await changed();
    await client.diagnostics(docUri());
    assert.equal(client.messages.filter((m) => m.type === MessageType.Error).length, 2, 'a different problem is reported');
  });

  it('skips files the config ignores, as check does, and checks them again when the glob goes', async () => {
    mkdirSync(join(dir, 'drafts'), { recursive: true });
    const draft = uriOf(join(dir, 'drafts/plan.md'));
    writeConfig(JSON.stringify({ rules: { [RULE]: 'warning' }, ignore: ['drafts'] }));
    await changed();
    await open(client, draft, PLAN);
    assert.deepEqual((await client.diagnostics(draft)).diagnostics, []);
    // The file beside the config is still checked under the same config.
    assert.equal(levelOf(await client.diagnostics(docUri(), (p) => levelOf(p) === 'warning')), 'warning');
    writeConfig(JSON.stringify({ rules: { [RULE]: 'warning' } }));
    await changed();
    assert.equal(levelOf(await client.diagnostics(draft, (p) => p.diagnostics.length > 0)), 'warning');
  });

  it('re-reads on didSave of the open config file', async () => {
    writeConfig(JSON.stringify({ rules: { [RULE]: 'error' } }));
    const uri = uriOf(configFile);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: '' } });
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    assert.equal(levelOf(await client.diagnostics(docUri(), (p) => levelOf(p) === 'error')), 'error');
  });
});
