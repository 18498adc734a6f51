// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
// Escaping per the runner's rules: data escapes % CR LF; properties also `:` and `,`. Other
// control characters from documents and file names are shown as visible escapes (the log
// viewer renders ANSI sequences).
import type { Severity } from '../../core/index.ts';
import { escapeControls } from './escape.ts';
import type { Reporter } from './types.ts';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

const data = (s: string) => escapeControls(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Reporter = (files) =>
  files
    .flatMap((f) =>
      f.diagnostics.map((d) => {
        const { start, end } = d.loc;
        const props = `file=${property(f.display)},line=${start.line},col=${start.column},endLine=${end.line},endColumn=${end.column},title=${property(d.ruleId)}`;
        return `::${COMMAND[d.severity]} ${props}::${data(d.message)}\n`;
      }),
    )
    .join('');
