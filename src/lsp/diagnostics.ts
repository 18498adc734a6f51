// The core's findings as LSP diagnostics, and the size limit a document must be under to be
// checked. The same core and config as `staffwork check`, so an editor shows what CI will say.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Diagnostic as LspDiagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createCheckMemo, type Config, type Diagnostic, type FileResult, type Severity } from '../core/index.ts';
import { DEFAULT_MAX_FILE_SIZE, formatBytes } from '../node/read-text.ts';

/** structure/unknown-kind is an info note on every README in an editor; the LSP leaves it out. */
export const SUPPRESSED_RULES = new Set(['structure/unknown-kind']);

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** docs/rules/ of the installed package, found upward from this file (src/lsp or dist/chunks). */
export const DOCS_BASE = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return pathToFileURL(join(dir, 'docs/rules')).href + '/';
})();

// One memo for the server's checks (its Project keeps it): a re-check after a keystroke re-tags only the edited paragraph.
export const memo = createCheckMemo();

/** A BOM is stripped by the core; positions in the editor's text count it. */
export function bomOf(doc: TextDocument): number {
  return doc.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }) === '\ufeff' ? 1 : 0;
}

/** Why a document is not checked (over the size limit in its config), as the one diagnostic to show; undefined when it is checked. */
export function notChecked(doc: TextDocument, config: Config): LspDiagnostic[] | undefined {
  const text = doc.getText();
  const max = config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  // UTF-8 size is at most 3 bytes per UTF-16 unit: only count when it could be over.
  const bytes = text.length * 3 > max ? Buffer.byteLength(text, 'utf8') : text.length;
  if (bytes <= max) return undefined;
  const message = `staffwork: not checked: the file is ${formatBytes(bytes)}, over the ${formatBytes(max)} limit (maxFileSize in staffwork.config.json).`;
  const range: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [LspDiagnostic.create(range, message, DiagnosticSeverity.Warning, undefined, 'staffwork')];
}

export function toLsp(doc: TextDocument, result: FileResult): LspDiagnostic[] {
  const bom = bomOf(doc);
  return result.diagnostics.filter((d) => !SUPPRESSED_RULES.has(d.ruleId)).map((d) => toLspDiagnostic(doc, d, bom));
}

export function rangeOf(doc: TextDocument, [start, end]: [number, number], bom: number): Range {
  return { start: doc.positionAt(start + bom), end: doc.positionAt(end + bom) };
}

function toLspDiagnostic(doc: TextDocument, d: Diagnostic, bom: number): LspDiagnostic {
  const out: LspDiagnostic = {
    range: rangeOf(doc, d.range, bom),
    severity: SEVERITY[d.severity],
    code: d.ruleId,
    codeDescription: { href: `${DOCS_BASE}${d.ruleId}.md` },
    source: 'staffwork',
    message: d.message,
    // The finding's identity, for code actions (never matched by message text).
    data: { id: d.id },
  };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({ message: r.message, location: { uri: doc.uri, range: rangeOf(doc, r.range, bom) } }));
  }
  return out;
}
