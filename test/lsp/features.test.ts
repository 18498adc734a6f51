// Code actions and hover, over the protocol with the real server process.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic as LspDiagnostic, Hover, MarkupContent, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinRules, checkText, defaultModule } from '../../src/core/index.ts';
import { open, ROOT, STACK_LINE, startClient, uriOf, type Client } from './client.ts';

const EXAMPLES = join(ROOT, 'test/fixtures/examples');
const findings = (text: string) => checkText(text, { module: defaultModule, rules: builtinRules }).diagnostics;

describe('lsp code actions and hover', () => {
  let client: Client;
  before(async () => {
    client = await startClient(EXAMPLES);
  });
  after(async () => {
    assert.equal(await client.close(), 0);
    assert.doesNotMatch(client.stderr(), STACK_LINE);
  });

  const version = 1;
  /** Opens `text`, asks for the actions on the diagnostics of `ruleId`, returns them with the document. */
  async function actionsFor(name: string, text: string, ruleId: string) {
    const uri = uriOf(join(EXAMPLES, name));
    await open(client, uri, text, version);
    const published = await client.diagnostics(uri);
    const diagnostics = published.diagnostics.filter((d) => d.code === ruleId);
    assert.ok(diagnostics.length > 0, `${ruleId} fires on ${name}`);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics },
    })) as CodeAction[];
    return { uri, actions, diagnostics, doc: TextDocument.create(uri, 'markdown', version, text) };
  }

  function apply(doc: TextDocument, action: CodeAction | undefined): string {
    assert.ok(action?.edit?.documentChanges, 'a versioned edit');
    const [change] = action.edit.documentChanges as TextDocumentEdit[];
    assert.equal(change!.textDocument.uri, doc.uri);
    assert.equal(change!.textDocument.version, doc.version, 'the edit names the version it was made for');
    return TextDocument.applyEdits(doc, change!.edits as TextEdit[]);
  }

  it("inserts a missing section's skeleton", async () => {
    const text = readFileSync(join(EXAMPLES, 'bad/advice-only-growth-plan.md'), 'utf8');
    const { actions, doc } = await actionsFor('skeleton.md', text, 'structure/required-section');
    const insert = actions.find((a) => a.title === 'Insert the "Opportunity" section skeleton');
    assert.ok(insert, `got: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(insert.isPreferred, true);
    const fixed = apply(doc, insert);
    assert.match(fixed, /^Opportunity:\n<!-- .+ -->$/m);
    const missing = (t: string) =>
      findings(t)
        .filter((d) => d.ruleId === 'structure/required-section')
        .map((d) => d.message);
    assert.deepEqual(
      missing(fixed),
      missing(text).filter((m) => !m.includes('`Opportunity`')),
    );
    assert.ok(
      actions.some((a) => a.title === 'Insert the "Visibility" section skeleton'),
      'one per missing section',
    );
  });

  it('applies a fix to the text the fix was made for, after an edit', async () => {
    const uri = uriOf(join(EXAMPLES, 'after-edit.md'));
    const text = '---\nkind: growth-plan\n---\n\nSkill goal:\nSam leads the API migration design by June.\n';
    await open(client, uri, text);
    await client.diagnostics(uri);
    // An edit arrives and the client asks for actions before the debounced re-check publishes.
    const withFm = text.replace('\nSkill goal', '\n# Growth plan for Sam\n\nSkill goal');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: withFm }] });
    const current = TextDocument.create(uri, 'markdown', 2, withFm);
    const missing = findings(withFm).find((d) => d.ruleId === 'structure/required-section');
    assert.ok(missing);
    const range = { start: current.positionAt(missing.range[0]), end: current.positionAt(missing.range[1]) };
    const diagnostic: LspDiagnostic = { range, message: missing.message, code: missing.ruleId, source: 'staffwork' };
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const fixed = apply(
      current,
      actions.find((a) => a.isPreferred),
    );
    assert.ok(fixed.startsWith(withFm.slice(0, withFm.indexOf('Skill goal'))), 'the text before the insertion is untouched');
    assert.ok(findings(fixed).filter((d) => d.ruleId === 'structure/required-section').length < findings(withFm).filter((d) => d.ruleId === 'structure/required-section').length);
  });

  it('disables a rule for the line, above it, and the server then drops the finding', async () => {
    const text = readFileSync(join(EXAMPLES, 'bad/advice-only-growth-plan.md'), 'utf8');
    const { uri, actions, diagnostics, doc } = await actionsFor('disable-line.md', text, 'growth/advice-only');
    const action = actions.find((a) => a.title === 'Disable growth/advice-only for this line');
    assert.ok(action, `got: ${actions.map((a) => a.title).join(' | ')}`);
    const fixed = apply(doc, action);
    const line = diagnostics[0]!.range.start.line;
    assert.equal(fixed.split('\n')[line], '<!-- staffwork-disable-next-line growth/advice-only -->');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await client.diagnostics(uri, (p) => p.version === 2);
    assert.equal(after.diagnostics.filter((d) => d.code === 'growth/advice-only' && d.range.start.line === line + 1).length, 0);
    assert.ok(
      after.diagnostics.some((d) => d.code === 'structure/required-section'),
      'other rules still run',
    );
  });

  it('disables a rule for the file, after the front matter', async () => {
    const text = readFileSync(join(EXAMPLES, 'bad/advice-only-growth-plan.md'), 'utf8');
    const { uri, actions, doc } = await actionsFor('disable-file.md', text, 'structure/required-section');
    const action = actions.find((a) => a.title === 'Disable structure/required-section for this file');
    assert.ok(action);
    const fixed = apply(doc, action);
    assert.ok(fixed.startsWith('---\nkind: growth-plan\ntitle: Mentoring Sam\n---\n<!-- staffwork-disable structure/required-section -->\n'), fixed.slice(0, 120));
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await client.diagnostics(uri, (p) => p.version === 2);
    assert.equal(after.diagnostics.filter((d) => d.code === 'structure/required-section').length, 0);
    assert.ok(after.diagnostics.length > 0, 'other rules still run');
    // A second rule joins the same comment rather than adding another.
    const next = after.diagnostics[0]!;
    const more = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: next.range, context: { diagnostics: [next] } })) as CodeAction[];
    const again = apply(
      TextDocument.create(uri, 'markdown', 2, fixed),
      more.find((a) => a.title === `Disable ${next.code} for this file`),
    );
    assert.ok(again.includes(`<!-- staffwork-disable structure/required-section ${next.code} -->`), again.slice(0, 200));
  });

  it('never puts a line comment inside front matter', async () => {
    const text = '---\nkind: strategy\naudience: everyone\ncase: 9\n---\n\n# Strategy\n';
    const { actions } = await actionsFor('front-matter.md', text, 'structure/front-matter');
    assert.ok(actions.some((a) => a.title === 'Disable structure/front-matter for this file'));
    assert.ok(!actions.some((a) => a.title === 'Disable structure/front-matter for this line'));
  });

  it("hovers a section heading with the case study's hint", async () => {
    const file = join(EXAMPLES, 'good/platform-strategy.md');
    const text = readFileSync(file, 'utf8');
    const uri = uriOf(file);
    await open(client, uri, text);
    await client.diagnostics(uri);
    const lines = text.split('\n');
    const hover = async (line: number, character = 4) => (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover | null;
    const strategy = defaultModule.kinds.find((k) => k.id === 'strategy')!;
    const h = await hover(lines.indexOf('## Guiding policy'));
    const value = (h?.contents as MarkupContent | undefined)?.value ?? '';
    assert.ok(value.includes(strategy.sections.find((s) => s.id === 'policy')!.hint!), value);
    assert.match(value, /Case Study 1: \*Engineering Strategy That Is Only A Roadmap\*/);
    assert.match(value, /reduce platform friction before adding new platform features/);
    assert.deepEqual(h?.range?.start, { line: lines.indexOf('## Guiding policy'), character: 3 });
    assert.equal(await hover(lines.indexOf('## Guiding policy') + 2), null, 'prose is not a section');
  });

  it('hovers a `Label:` line', async () => {
    const text = '---\nkind: escalation\n---\n\nDecision needed:\nWho owns v1 compatibility during the v2 migration?\n';
    const uri = uriOf(join(EXAMPLES, 'label-hover.md'));
    await open(client, uri, text);
    await client.diagnostics(uri);
    const h = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 2 } })) as Hover | null;
    const value = (h?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(value, /\*\*Decision needed\*\* · Escalation brief/);
    assert.match(value, /Case Study 3/);
  });
});
