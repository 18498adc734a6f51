// `staffwork check`: find the files, check them (in worker threads when there are many),
// report in the chosen format, exit 0 clean / 1 error findings / 2 usage or read errors.
// The core is imported only once something must be checked: with --cache, a run over
// unchanged files reads, hashes and reports without loading a rule.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import pc from 'picocolors';
import pkg from '../../../package.json' with { type: 'json' };
import type { AnyRule, Diagnostic } from '../../core/index.ts';
import { decodeText, type ReadResult } from '../../node/read-text.ts';
import type { CachedSettings } from '../cache.ts';
import type { CheckSetup, Outcome } from '../check-file.ts';
import { CliError, firstLine } from '../errors.ts';
import { findFiles } from '../files.ts';
import { codeFingerprint, displayPath } from '../paths.ts';
import { progressBar } from '../progress-bar.ts';
import { readRawSettings, type SettingsOptions } from '../raw-settings.ts';
import { escapeControls } from '../reporters/escape.ts';
import { reporters, type ReportFile } from '../reporters/index.ts';
import type { Format } from '../reporters/names.ts';

export interface CheckCommandOptions extends SettingsOptions {
  format: Format;
  output?: string;
  jobs?: number;
  quiet?: boolean;
  maxWarnings?: number;
  fix?: boolean;
  stdinFilename?: string;
  color?: boolean;
  cache?: boolean;
  cacheLocation?: string;
}

export async function check(targets: string[], opts: CheckCommandOptions): Promise<number> {
  const cwd = process.cwd();
  const raw = readRawSettings(cwd, opts);
  let setup: CheckSetup | undefined;
  let configPath = raw.configPath;
  const loadSetup = async (): Promise<CheckSetup> => {
    if (setup) return setup;
    const settings = (await import('../settings.ts')).validateSettings(raw, opts);
    configPath = settings.configPath;
    return (setup = { module: settings.module, config: settings.config, maxFileSize: settings.maxFileSize, fix: Boolean(opts.fix) });
  };
  const stdin = targets.includes('-');
  const cache = opts.cache && !stdin ? await openCache(cwd, raw, opts) : undefined;
  // A cache of these exact settings was written after they were validated; else validate now.
  const settings: CachedSettings = cache?.settings ?? (await loadSetup().then((s) => ({ ignore: s.config.ignore, maxFileSize: s.maxFileSize })));
  const errorLines: string[] = [];
  let checked: { path: string; display: string; outcome: Outcome }[];

  if (stdin) {
    if (targets.length > 1) throw new CliError('`-` (stdin) cannot be combined with other paths');
    if (opts.fix) throw new CliError('--fix cannot rewrite stdin; pass the file instead');
    const name = opts.stdinFilename ?? '<stdin>';
    const read = await readStdin(settings.maxFileSize);
    if (!read.ok) errorLines.push(`${name}: ${read.error}`);
    checked = read.ok ? [await checkStdin(read.text, name, resolve(cwd, name), await loadSetup())] : [];
  } else {
    const ignoreBase = configPath ? dirname(configPath) : cwd;
    const found = findFiles(targets.length ? targets : ['.'], cwd, settings.ignore, ignoreBase);
    errorLines.push(...found.problems);
    for (const t of found.ignored) process.stderr.write(`${escapeControls(t)}: skipped, an ignore glob in ${configPath ? displayPath(configPath) : 'the config'} matches it\n`);
    if (!found.files.length && !found.problems.length && !found.ignored.length) {
      throw new CliError(`no Markdown files (*.md, *.markdown) in ${targets.length ? targets.join(', ') : 'the current folder'}`);
    }
    const jobs = found.files.map((path, index) => ({ index, path, display: displayPath(path, cwd) }));
    const bar = progressBar(jobs.length);
    let outcomes: Outcome[];
    if (cache) {
      const { checkWithCache } = await import('../cached-check.ts');
      outcomes = await checkWithCache(jobs, { cache, settings, fix: Boolean(opts.fix), setup: loadSetup, threads: opts.jobs, tick: bar.tick });
    } else {
      const s = await loadSetup();
      const [{ checkFiles, defaultJobs }, { completeSets }] = await Promise.all([import('../pool.ts'), import('../sets.ts')]);
      outcomes = await checkFiles(jobs, s, opts.jobs ?? defaultJobs(jobs.length), bar.tick);
      completeSets(
        jobs.map((j, i) => ({ path: j.path, display: j.display, outcome: outcomes[i] as Outcome })),
        s,
      );
    }
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
  // File names come from the disk (a repository can hold any name): no raw control characters.
  for (const line of errorLines) process.stderr.write(`${escapeControls(line)}\n`);

  const color = opts.color ?? (!opts.output && pc.isColorSupported);
  // Only SARIF lists the rules; the other formats need no part of the core.
  const rules: readonly AnyRule[] = opts.format === 'sarif' ? (await import('../../core/index.ts')).builtinRules : [];
  const report = reporters[opts.format](files, { rules, color, version: pkg.version });
  if (opts.output) writeReport(opts.output, report);
  else process.stdout.write(report);
  if (fixed) process.stderr.write(`staffwork: --fix rewrote ${fixed} file${fixed === 1 ? '' : 's'}\n`);
  const cacheProblem = cache?.save();
  if (cacheProblem) process.stderr.write(`${cacheProblem}\n`);

  const errors = files.reduce((n, f) => n + f.errorCount, 0);
  const tooManyWarnings = opts.maxWarnings !== undefined && warnings > opts.maxWarnings;
  if (tooManyWarnings) process.stderr.write(`staffwork: ${warnings} warnings, more than --max-warnings ${opts.maxWarnings}\n`);
  return errorLines.length ? 2 : errors || tooManyWarnings ? 1 : 0;
}

/** Text from stdin, checked as the file it names would be: with the `set:` variants beside that path. */
async function checkStdin(text: string, display: string, path: string, setup: CheckSetup) {
  const [{ checkText }, { cliCheckOptions, outcomeOf }, { completeSets }] = await Promise.all([import('../../core/index.ts'), import('../check-file.ts'), import('../sets.ts')]);
  const outcome = outcomeOf(checkText(text, cliCheckOptions(setup, display)), text);
  completeSets([{ path, display, outcome }], setup);
  return { path, display, outcome };
}

async function openCache(cwd: string, raw: ReturnType<typeof readRawSettings>, opts: CheckCommandOptions) {
  const { ResultCache, cacheKey } = await import('../cache.ts');
  const key = cacheKey([pkg.version, codeFingerprint(), cwd, raw.configPath ?? null, raw.configText ?? null, raw.moduleText ?? null, opts.rule ?? [], opts.maxFileSize ?? null]);
  return ResultCache.open(opts.cacheLocation, cwd, key);
}

function reportFile(path: string, display: string, diagnostics: readonly Diagnostic[]): ReportFile {
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
