// ESLint's stylish layout for people at a terminal: findings grouped by file, the words that
// fired highlighted, a dim "better:" line (once per rule and file, to stay scannable), and
// a summary line. Colours only when asked for (a TTY, FORCE_COLOR, --color). Everything that
// comes from a document or a file name is printed with its control characters escaped.
import { createColors } from 'picocolors';
import type { Diagnostic, Severity } from '../../core/index.ts';
import { escapeControls as safe } from './escape.ts';
import type { ReportFile, Reporter } from './types.ts';

const MAX_HINT = 110;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const stylish: Reporter = (files, context) => {
  const c = createColors(context.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const highlight = (d: Diagnostic) => {
    let message = safe(d.message);
    const missing: string[] = [];
    for (const w of new Set((d.words ?? []).map(safe))) {
      if (!w.trim()) continue;
      if (message.includes(w)) message = message.split(w).join(c.bold(w));
      else missing.push(`“${w}”`);
    }
    return missing.length ? `${message} ${c.dim('(')}${missing.map((w) => c.bold(w)).join(', ')}${c.dim(')')}` : message;
  };
  const out: string[] = [];
  for (const f of files) {
    if (!f.diagnostics.length) continue;
    const at = f.diagnostics.map((d) => `${d.loc.start.line}:${d.loc.start.column}`);
    const atWidth = Math.max(...at.map((s) => s.length));
    const sevWidth = Math.max(...f.diagnostics.map((d) => d.severity.length));
    const hinted = new Set<string>();
    out.push('', c.underline(safe(f.display)));
    f.diagnostics.forEach((d, i) => {
      out.push(`  ${c.dim((at[i] as string).padEnd(atWidth))}  ${paint[d.severity](d.severity.padEnd(sevWidth))}  ${highlight(d)}  ${c.dim(safe(d.ruleId))}`);
      if (d.note && !hinted.has(d.ruleId)) {
        hinted.add(d.ruleId);
        const note = safe(d.note.length > MAX_HINT ? `${d.note.slice(0, MAX_HINT - 1).trimEnd()}…` : d.note);
        out.push(c.dim(`  ${' '.repeat(atWidth + sevWidth + 4)}better: ${note}`));
      }
    });
  }
  return `${out.length ? out.join('\n') + '\n\n' : ''}${summary(files, c)}\n`;
};

function summary(files: ReportFile[], c: ReturnType<typeof createColors>): string {
  const sum = (key: 'errorCount' | 'warningCount' | 'infoCount' | 'fixableErrorCount' | 'fixableWarningCount') => files.reduce((n, f) => n + f[key], 0);
  const [errors, warnings, infos] = [sum('errorCount'), sum('warningCount'), sum('infoCount')];
  const total = errors + warnings + infos;
  const checked = plural(files.length, 'file');
  if (!total) return c.green(`✔ ${checked} checked, no problems`);
  const colour = errors ? c.red : warnings ? c.yellow : c.blue;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos ? [plural(infos, 'info')] : [])];
  let line = colour(c.bold(`${errors ? '✖' : warnings ? '⚠' : 'ℹ'} ${plural(total, 'problem')} (${parts.join(', ')}) in ${checked}`));
  const [fixErrors, fixWarnings] = [sum('fixableErrorCount'), sum('fixableWarningCount')];
  if (fixErrors + fixWarnings) line += '\n' + colour(c.bold(`  ${plural(fixErrors, 'error')} and ${plural(fixWarnings, 'warning')} potentially fixable with the \`--fix\` option.`));
  return line;
}
