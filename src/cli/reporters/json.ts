// ESLint's `json` formatter format, so tools that read ESLint results read ours.
// ESLint has no info level: info findings keep severity 1 (as LSP keeps them, as Information)
// with `"info": true`, and count in neither errorCount nor warningCount. `fatal: true` marks
// a rule that crashed on the file (ESLint's fatal parse errors). `source` is left out: the
// findings are what a consumer needs, and holding every file's text would break streaming.
import type { Reporter } from './types.ts';

export const json: Reporter = (files) =>
  JSON.stringify(
    files.map((f) => ({
      filePath: f.path,
      messages: f.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity === 'error' ? 2 : 1,
        ...(d.severity === 'info' ? { info: true } : {}),
        ...(d.messageId === 'internalError' ? { fatal: true } : {}),
        message: d.message,
        messageId: d.messageId,
        ...(d.data ? { data: d.data } : {}),
        line: d.loc.start.line,
        column: d.loc.start.column,
        endLine: d.loc.end.line,
        endColumn: d.loc.end.column,
        ...(d.fix ? { fix: { range: d.fix.range, text: d.fix.text } } : {}),
      })),
      errorCount: f.errorCount,
      fatalErrorCount: f.diagnostics.filter((d) => d.messageId === 'internalError').length,
      warningCount: f.warningCount,
      fixableErrorCount: f.fixableErrorCount,
      fixableWarningCount: f.fixableWarningCount,
    })),
  ) + '\n';
