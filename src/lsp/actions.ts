// Code actions for staffwork diagnostics: apply the rule's fix (a missing section's skeleton,
// or any other fix and suggestion), or silence the rule for one line or for the whole file.
import { CodeActionKind, TextDocumentEdit, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { positionAt, type Diagnostic, type FileResult, type TextEdit as CoreEdit } from '../core/index.ts';
import { bomOf, rangeOf } from './diagnostics.ts';

export interface ActionContext {
  doc: TextDocument;
  result: FileResult;
  /** The client applies versioned `documentChanges` (stale edits are refused), else plain `changes`. */
  documentChanges: boolean;
}

export function codeActions(ctx: ActionContext, diagnostics: LspDiagnostic[]): CodeAction[] {
  const bom = bomOf(ctx.doc);
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const lsp of diagnostics) {
    if (lsp.source !== 'staffwork' || typeof lsp.code !== 'string') continue;
    const d = findingOf(ctx, lsp, bom);
    if (!d) continue;
    const add = (title: string, edit: TextEdit, preferred = false) => {
      const key = `${title}\0${JSON.stringify(edit)}`;
      if (seen.has(key)) return;
      seen.add(key);
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [lsp], isPreferred: preferred, edit: workspaceEdit(ctx, [edit]) });
    };
    if (d.fix) add(d.fix.title, toLspEdit(ctx.doc, d.fix, bom), true);
    for (const s of d.suggestions ?? []) add(s.title, toLspEdit(ctx.doc, s, bom));
    const line = disableLine(ctx, d, bom);
    if (line) add(`Disable ${d.ruleId} for this line`, line);
    add(`Disable ${d.ruleId} for this file`, disableFile(ctx, d.ruleId, bom));
  }
  return actions;
}

/**
 * The finding an LSP diagnostic stands for: by the id the server put in its `data`; a client that
 * does not send `data` back gets the finding of that rule at that range (the first of several).
 */
function findingOf(ctx: ActionContext, lsp: LspDiagnostic, bom: number): Diagnostic | undefined {
  const id = (lsp.data as { id?: unknown } | undefined)?.id;
  if (typeof id === 'string') return ctx.result.diagnostics.find((x) => x.id === id);
  const at = ctx.result.diagnostics.filter((x) => x.ruleId === lsp.code && sameRange(rangeOf(ctx.doc, x.range, bom), lsp.range));
  return at.find((x) => x.message === lsp.message) ?? at[0];
}

function sameRange(a: LspDiagnostic['range'], b: LspDiagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function toLspEdit(doc: TextDocument, fix: CoreEdit, bom: number): TextEdit {
  return { range: rangeOf(doc, fix.range, bom), newText: fix.text };
}

function workspaceEdit(ctx: ActionContext, edits: TextEdit[]): WorkspaceEdit {
  if (ctx.documentChanges) return { documentChanges: [TextDocumentEdit.create({ uri: ctx.doc.uri, version: ctx.doc.version }, edits)] };
  return { changes: { [ctx.doc.uri]: edits } };
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** `<!-- staffwork-disable-next-line id -->` above the finding's line, at its indentation; not inside front matter (it is YAML). */
function disableLine(ctx: ActionContext, d: Diagnostic, bom: number): TextEdit | undefined {
  const fm = ctx.result.doc.frontMatter;
  if (fm && d.range[0] < fm.span.end) return undefined;
  const line = ctx.doc.positionAt(d.range[0] + bom).line;
  const text = ctx.doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(text.replace(/^\ufeff/, ''))?.[0] ?? '';
  const at = { line, character: line === 0 ? bom : 0 };
  return { range: { start: at, end: at }, newText: `${indent}<!-- staffwork-disable-next-line ${d.ruleId} -->${eolOf(ctx.doc.getText())}` };
}

/** Adds the rule to a file-wide `staffwork-disable` comment after the front matter, or writes one. */
function disableFile(ctx: ActionContext, ruleId: string, bom: number): TextEdit {
  const { doc } = ctx.result;
  const firstSection = doc.sections[0]?.titleSpan.start ?? doc.text.length;
  const existing = doc.directives.find((x) => x.kind === 'disable' && x.rules.length > 0 && x.start < firstSection);
  if (existing) {
    const at = ctx.doc.positionAt(existing.end - '-->'.length + bom);
    const before = doc.text.slice(existing.start, existing.end - 3);
    return { range: { start: at, end: at }, newText: `${/\s$/.test(before) ? '' : ' '}${ruleId} ` };
  }
  const fm = doc.frontMatter;
  let offset = 0;
  if (fm) {
    const fmLine = positionAt(doc.lineStarts, Math.max(0, fm.span.end - 1)).line; // 1-based: the closing `---`
    offset = doc.lineStarts[fmLine] ?? doc.text.length;
  }
  const eol = eolOf(doc.text);
  const lead = offset === doc.text.length && offset > 0 && !/[\r\n]$/.test(doc.text) ? eol : '';
  const at = ctx.doc.positionAt(offset + bom);
  return { range: { start: at, end: at }, newText: `${lead}<!-- staffwork-disable ${ruleId} -->${eol}` };
}
