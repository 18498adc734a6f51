// `staffwork check`: find the files, check them (in worker threads when there are many),
// report in the chosen format, exit 0 clean / 1 error findings / 2 usage or read errors.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import pc from 'picocolors';
import pkg from '../../../package.json' with { type: 'json' };
import { builtinRules, checkText, type Diagnostic } from '../../core/index.ts';
import { decodeText, type ReadResult } from '../../node/read-text.ts';
import { checkOptions, type CheckSetup, type Outcome } from '../check-file.ts';
import { CliError, firstLine } from '../errors.ts';
import { findFiles } from '../files.ts';
import { displayPath } from '../paths.ts';
import { checkFiles, defaultJobs } from '../pool.ts';
import { progressBar } from '../progress-bar.ts';
import { reporters, type ReportFile } from '../reporters/index.ts';
import type { Format } from '../reporters/names.ts';
import { loadSettings, type SettingsOptions } from '../settings.ts';

export interface CheckCommandOptions extends SettingsOptions {
  format: Format;
  output?: string;
  jobs?: number;
  quiet?: boolean;
  maxWarnings?: number;
  fix?: boolean;
  stdinFilename?: string;
  color?: boolean;
}

export async function check(targets: string[], opts: CheckCommandOptions): Promise<number> {
  const cwd = process.cwd();
  const settings = loadSettings(cwd, opts);
  const setup: CheckSetup = { module: settings.module, config: settings.config, maxFileSize: settings.maxFileSize, fix: Boolean(opts.fix) };
  const errorLines: string[] = [];
  let checked: { path: string; display: string; outcome: Outcome }[];

  if (targets.includes('-')) {
    if (targets.length > 1) throw new CliError('`-` (stdin) cannot be combined with other paths');
    if (opts.fix) throw new CliError('--fix cannot rewrite stdin; pass the file instead');
    const name = opts.stdinFilename ?? '<stdin>';
    const read = await readStdin(settings.maxFileSize);
    if (!read.ok) errorLines.push(`${name}: ${read.error}`);
    checked = read.ok ? [{ path: resolve(cwd, name), display: name, outcome: { ok: true, fixed: false, diagnostics: checkText(read.text, checkOptions(setup, name)).diagnostics } }] : [];
  } else {
    const ignoreBase = settings.configPath ? dirname(settings.configPath) : cwd;
    const found = findFiles(targets.length ? targets : ['.'], cwd, settings.config.ignore, ignoreBase);
    errorLines.push(...found.problems);
    for (const t of found.ignored) process.stderr.write(`${t}: skipped, an ignore glob in ${settings.configPath ? displayPath(settings.configPath) : 'the config'} matches it\n`);
    if (!found.files.length && !found.problems.length && !found.ignored.length) {
      throw new CliError(`no Markdown files (*.md, *.markdown) in ${targets.length ? targets.join(', ') : 'the current folder'}`);
    }
    const jobs = found.files.map((path, index) => ({ index, path, display: displayPath(path, cwd) }));
    const bar = progressBar(jobs.length);
    const outcomes = await checkFiles(jobs, setup, opts.jobs ?? defaultJobs(jobs.length), bar.tick);
    bar.done();
    checked = jobs.map((j, i) => ({ path: j.path, display: j.display, outcome: outcomes[i] as Outcome }));
  }

  const files: ReportFile[] = [];
  let fixed = 0;
  // --quiet hides warnings from the report, but --max-warnings still counts them (as ESLint).
  let warnings = 0;
  for (const { path, display, outcome } of checked) {
    if (!outcome.ok) errorLines.push(`${display}: ${outcome.error}`);
    else {
      if (outcome.fixed) fixed++;
      warnings += outcome.diagnostics.filter((d) => d.severity === 'warning').length;
      files.push(reportFile(path, display, opts.quiet ? outcome.diagnostics.filter((d) => d.severity === 'error') : outcome.diagnostics));
    }
  }
  for (const line of errorLines) process.stderr.write(`${line}\n`);

  const color = opts.color ?? (!opts.output && pc.isColorSupported);
  const report = reporters[opts.format](files, { rules: builtinRules, color, version: pkg.version });
  if (opts.output) writeReport(opts.output, report);
  else process.stdout.write(report);
  if (fixed) process.stderr.write(`staffwork: --fix rewrote ${fixed} file${fixed === 1 ? '' : 's'}\n`);

  const errors = files.reduce((n, f) => n + f.errorCount, 0);
  const tooManyWarnings = opts.maxWarnings !== undefined && warnings > opts.maxWarnings;
  if (tooManyWarnings) process.stderr.write(`staffwork: ${warnings} warnings, more than --max-warnings ${opts.maxWarnings}\n`);
  return errorLines.length ? 2 : errors || tooManyWarnings ? 1 : 0;
}

function reportFile(path: string, display: string, diagnostics: Diagnostic[]): ReportFile {
  const count = (severity: string, fixable = false) => diagnostics.filter((d) => d.severity === severity && (!fixable || d.fix)).length;
  return {
    path,
    display,
    diagnostics,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    fixableErrorCount: count('error', true),
    fixableWarningCount: count('warning', true),
  };
}

/** Reads stdin, stopping as soon as it is over the size limit. */
async function readStdin(maxFileSize: number): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > maxFileSize) break;
  }
  return decodeText(Buffer.concat(chunks), maxFileSize);
}

function writeReport(file: string, report: string): void {
  try {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    writeFileSync(file, report);
  } catch (e) {
    throw new CliError(`${file}: cannot write the report (${firstLine(e)})`);
  }
}
