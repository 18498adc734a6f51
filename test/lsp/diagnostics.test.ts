// Diagnostics from the real server process: the same findings as `staffwork check --format json`,
// updates on change, debounced bursts that never end on a stale result, and `set:` variants.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver-protocol/node';
import { builtinRules, checkText, defaultModule, Project } from '../../src/core/index.ts';
import { open, ROOT, STACK_LINE, startClient, uriOf, type Client } from './client.ts';

const EXAMPLES = join(ROOT, 'test/fixtures/examples');
const exampleFiles = ['good', 'bad'].flatMap((sub) => readdirSync(join(EXAMPLES, sub)).map((f) => join(EXAMPLES, sub, f)));

/** `staffwork check --format json`, from the built binary (or the source, as the server is run). */
function checkJson(paths: string[]): { filePath: string; messages: { ruleId: string; severity: number; info?: boolean; message: string; line: number; column: number; endLine: number; endColumn: number }[] }[] {
  const cli = process.env['STAFFWORK_LSP_SOURCE'] ? ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')] : [join(ROOT, 'bin/staffwork.js')];
  let out: string;
  try {
    out = execFileSync(process.execPath, [...cli, 'check', '--format', 'json', ...paths], { cwd: ROOT, encoding: 'utf8' });
  } catch (e) {
    out = (e as { stdout: string }).stdout; // exit 1: findings at error level
  }
  return JSON.parse(out);
}

/** What the LSP shows, in the json reporter's terms (1-based, severity 2/1 + info). */
function asJson(d: LspDiagnostic) {
  return {
    ruleId: d.code,
    severity: d.severity === DiagnosticSeverity.Error ? 2 : 1,
    ...(d.severity === DiagnosticSeverity.Information ? { info: true } : {}),
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}

describe('lsp diagnostics', () => {
  let client: Client;
  before(async () => {
    client = await startClient(EXAMPLES);
  });
  after(async () => {
    assert.equal(await client.close(), 0, 'exit after shutdown is exit code 0');
    assert.doesNotMatch(client.stderr(), STACK_LINE);
  });

  it('shows what `staffwork check --format json` prints, for every example', async () => {
    const report = checkJson([EXAMPLES]);
    assert.equal(report.length, exampleFiles.length);
    for (const file of exampleFiles) await open(client, uriOf(file), readFileSync(file, 'utf8'));
    let compared = 0;
    for (const file of exampleFiles) {
      const published = await client.diagnostics(uriOf(file));
      const cli = report.find((r) => resolve(ROOT, r.filePath) === file);
      assert.ok(cli, `check reported ${file}`);
      const want = cli.messages
        .filter((m) => m.ruleId !== 'structure/unknown-kind')
        .map(({ ruleId, severity, info, message, line, column, endLine, endColumn }) => ({ ruleId, severity, ...(info ? { info } : {}), message, line, column, endLine, endColumn }));
      assert.deepEqual(published.diagnostics.map(asJson), want, file);
      for (const d of published.diagnostics) {
        assert.equal(d.source, 'staffwork');
        assert.match(d.codeDescription?.href ?? '', new RegExp(`^file://.*/docs/rules/${d.code}\\.md$`));
      }
      compared += want.length;
    }
    assert.ok(compared > 10, 'the bad examples have findings to compare');
  });

  it('links each rule to its docs page in the package', async () => {
    const file = join(EXAMPLES, 'bad/roadmap-strategy.md');
    const uri = uriOf(file);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: readFileSync(file, 'utf8') + '\n' }] });
    const p = await client.diagnostics(uri, (x) => x.version === 2);
    const href = p.diagnostics[0]?.codeDescription?.href;
    assert.ok(href);
    assert.ok(readFileSync(new URL(href), 'utf8').length > 0, `${href} exists`);
  });

  it('suppresses the unknown-kind note on documents that are not artifacts', async () => {
    const uri = uriOf(join(EXAMPLES, 'README-not-an-artifact.md'));
    const text = '# Notes\n\nSome thoughts on the platform.\n';
    assert.ok(
      checkText(text, { module: defaultModule, rules: builtinRules }).diagnostics.some((d) => d.ruleId === 'structure/unknown-kind'),
      'the core notes it',
    );
    await open(client, uri, text);
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
  });

  it('re-checks on incremental changes', async () => {
    const uri = uriOf(join(EXAMPLES, 'incremental.md'));
    const text = '---\nkind: growth-plan\n---\n\nSkill goal:\nSam leads the API migration design by June.\n';
    await open(client, uri, text);
    const first = await client.diagnostics(uri);
    const missing = first.diagnostics.filter((d) => d.code === 'structure/required-section').length;
    assert.ok(missing >= 3, 'opportunity, support and visibility are missing');
    const addition = '\nOpportunity:\nSam presents the RFC to architecture review on 12 March.\n';
    const end = { line: 6, character: 0 };
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: end, end }, text: addition }] });
    const second = await client.diagnostics(uri, (p) => p.version === 2);
    assert.equal(second.diagnostics.filter((d) => d.code === 'structure/required-section').length, missing - 1);
  });

  it('debounces a burst of keystrokes and publishes the final version last', async () => {
    const uri = uriOf(join(EXAMPLES, 'burst.md'));
    let text = '---\nkind: escalation\n---\n\n# Brief\n\nDecision needed:\n';
    await open(client, uri, text);
    await client.diagnostics(uri);
    const start = client.published.length;
    const typed = 'Who owns v1 compatibility during the v2 migration? Team B is blocking us.';
    let version = 1;
    for (const ch of typed) {
      // Typed at the end of the last line.
      const pos = { line: text.split('\n').length - 1, character: text.length - text.lastIndexOf('\n') - 1 };
      text += ch;
      version++;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: pos, end: pos }, text: ch }] });
    }
    const last = await client.diagnostics(uri, (p) => p.version === version);
    const all = client.published.slice(start).filter((p) => p.uri === uri);
    assert.ok(all.length < typed.length / 2, `debounced: ${all.length} publications for ${typed.length} keystrokes`);
    const versions = all.map((p) => p.version ?? 0);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      'never an older version after a newer one',
    );
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(client.published.filter((p) => p.uri === uri).at(-1), last, 'nothing published after the final version');
    const want = checkText(text, { module: defaultModule, rules: builtinRules }).diagnostics.map((d) => `${d.ruleId} ${d.loc.start.line}:${d.loc.start.column} ${d.message}`);
    assert.deepEqual(
      last.diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`),
      want,
    );
  });
});

describe('lsp audience variants (set:)', () => {
  let dir: string;
  let client: Client;
  const variant = (audience: string, decision: string, ask: string) =>
    `---\nkind: exec-summary\naudience: ${audience}\nset: launch\n---\n\n# Launch\n\nDecision:\n${decision}\n\nReason:\nPayment retries can duplicate charges under timeout.\n\nRisk if ignored:\nA customer-impacting financial incident.\n\nPlan:\nIdempotency keys, a replay test and a launch gate by 10 May.\n\nAsk:\n${ask}\n`;
  const files = { exec: 'exec.md', peer: 'peer.md', junior: 'junior.md' };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'staffwork-lsp-set-'));
    writeFileSync(join(dir, files.junior), variant('junior', 'We delay the launch two weeks, to 14 May.', 'Approve the revised date of 14 May by Friday.'));
    client = await startClient(dir);
  });
  after(async () => {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The core's answer for the three files checked together, as the CLI checks a folder. */
  function expected(texts: Record<string, string>): Record<string, string[]> {
    const options = { module: defaultModule, rules: builtinRules };
    const project = new Project({ ...options, membership: 'sameFolder' });
    for (const [name, text] of Object.entries(texts)) project.upsert(join(dir, name), text);
    const results = project.results();
    return Object.fromEntries(results.map((r) => [r.filePath, r.diagnostics.map((d) => `${d.ruleId} ${d.loc.start.line}:${d.loc.start.column} ${d.message}`)]));
  }
  const shown = (p: { diagnostics: LspDiagnostic[] }) => p.diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);

  it('a change to one variant re-checks the other open variants with the one on disk', async () => {
    const exec = variant('executive', 'We delay the launch two weeks, to 14 May.', 'Approve the revised date of 14 May by Friday.');
    const peer = variant('peer', 'We delay the launch two weeks, to 14 May.', 'Approve the revised date of 14 May by Friday.');
    const [execUri, peerUri] = [uriOf(join(dir, files.exec)), uriOf(join(dir, files.peer))];
    await open(client, execUri, exec);
    await open(client, peerUri, peer);
    await client.diagnostics(execUri);
    await client.diagnostics(peerUri);

    // The executive variant now decides something else: the peer variant is re-checked and republished.
    const changed = variant('executive', 'We ship on 30 April as planned.', 'Accept the duplicate-charge risk in writing.');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: execUri, version: 2 }, contentChanges: [{ text: changed }] });
    const execNow = await client.diagnostics(execUri, (p) => p.version === 2);
    const peerNow = await client.diagnostics(peerUri, (p) => p.version === 1);
    const want = expected({ [files.exec]: changed, [files.peer]: peer, [files.junior]: readFileSync(join(dir, files.junior), 'utf8') });
    assert.deepEqual(shown(execNow), want[join(dir, files.exec)]);
    assert.deepEqual(shown(peerNow), want[join(dir, files.peer)]);
    const setRules = builtinRules.filter((r) => 'checkSet' in r);
    assert.ok(setRules.length > 0, 'summary/variants-disagree is a set rule');
    assert.ok(
      Object.values(want)
        .flat()
        .some((line) => setRules.some((r) => line.startsWith(r.meta.id))),
      'a set rule fires on variants that disagree',
    );
  });
});
