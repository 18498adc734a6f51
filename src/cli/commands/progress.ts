// `staffwork progress [dir]`: the module's completion standard over a portfolio folder, each
// criterion pass/fail with its evidence; exit 1 while any fails. A portfolio is a learner's
// handful of files, checked here in one thread with their parsed docs kept for the criteria,
// and with the set rules as `check` runs them (the variants of a set are the files of one
// folder, the ones an ignore glob skips included), so both commands count the same findings.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createColors, isColorSupported } from 'picocolors';
import { evaluateProgress, type CriterionResult, type Progress, type ProjectResult } from '../../core/index.ts';
import { readText } from '../../node/read-text.ts';
import { CliError } from '../errors.ts';
import { findFiles, siblingPaths } from '../files.ts';
import { displayPath } from '../paths.ts';
import { escapeControls } from '../reporters/escape.ts';
import { loadSettings } from '../settings.ts';
import { addSibling, setProject } from '../sets.ts';

const MAX_EVIDENCE_LINES = 8;

export async function progress(dir: string, opts: { format: 'text' | 'json'; config?: string; module?: string; color?: boolean }): Promise<number> {
  const cwd = process.cwd();
  if (!statSync(resolve(cwd, dir), { throwIfNoEntry: false })?.isDirectory()) throw new CliError(`${dir}: not a folder`);
  const settings = loadSettings(cwd, opts);
  const found = findFiles([dir], cwd, settings.config.ignore, settings.configPath ? dirname(settings.configPath) : cwd);
  const project = setProject({ module: settings.module, config: settings.config, maxFileSize: settings.maxFileSize, fix: false });
  const checked: string[] = [];
  const unreadable: { file: string; error: string }[] = [];
  for (const file of found.files) {
    const read = await readText(file, settings.maxFileSize);
    if (read.ok) {
      project.upsert(file, read.text, { filePath: displayPath(file, cwd) });
      checked.push(file);
    } else unreadable.push({ file: displayPath(file, cwd), error: read.error });
  }
  const withSet = checked.filter((f) => project.setOf(f) !== undefined);
  for (const file of siblingPaths(withSet, new Set(found.files))) {
    const read = await readText(file, settings.maxFileSize);
    if (read.ok) addSibling(project, file, read.text);
  }
  const results = checked.map((f) => project.result(f) as ProjectResult);
  const report = evaluateProgress(settings.module, results);
  for (const u of unreadable) process.stderr.write(`${escapeControls(u.file)}: ${u.error}\n`);
  if (opts.format === 'json') {
    const files = results.map((r) => ({ file: r.filePath, kind: r.kind?.id ?? null, errorCount: r.errorCount, warningCount: r.warningCount, infoCount: r.infoCount }));
    process.stdout.write(JSON.stringify({ ...report, files, unreadable }, null, 2) + '\n');
  } else process.stdout.write(render(report, settings.module.title, results.length, displayPath(resolve(cwd, dir), cwd) || '.', createColors(opts.color ?? isColorSupported)));
  return unreadable.length ? 2 : report.pass ? 0 : 1;
}

function render(p: Progress, title: string, fileCount: number, dir: string, c: ReturnType<typeof createColors>): string {
  const out = [`${c.bold(`Completion standard, ${title}`)}`, c.dim(`${dir}: ${fileCount} file${fileCount === 1 ? '' : 's'}`), ''];
  for (const cr of p.criteria) out.push(...criterion(cr, c), '');
  const met = p.criteria.filter((x) => x.pass).length;
  out.push((p.pass ? c.green : c.red)(c.bold(`${met} of ${p.criteria.length} criteria met`)) + (p.pass ? '' : c.dim('  (fix the files marked ✖, then run again)')));
  return out.join('\n') + '\n';
}

function criterion(cr: CriterionResult, c: ReturnType<typeof createColors>): string[] {
  const mark = cr.pass ? c.green('✔') : c.red('✖');
  const lines = [`${mark} ${cr.description} ${c.dim(`(${cr.count} of ${cr.needed} needed)`)}`];
  if (!cr.evidence.length) lines.push(c.dim('    no candidate files in the folder'));
  for (const e of cr.evidence.slice(0, MAX_EVIDENCE_LINES)) {
    lines.push(e.ok ? `    ${c.green('✔')} ${escapeControls(e.file)}` : `    ${c.red('✖')} ${escapeControls(e.file)}${c.dim(`: ${escapeControls(e.reasons.join('; '))}`)}`);
  }
  if (cr.evidence.length > MAX_EVIDENCE_LINES) lines.push(c.dim(`    … and ${cr.evidence.length - MAX_EVIDENCE_LINES} more (--format json lists all)`));
  return lines;
}
