// Checking one file: the same code in a worker thread and in the main thread (--jobs 1), so
// both produce the same findings.
import { writeFile } from 'node:fs/promises';
import { applyFixes, builtinRules, checkText, type CheckOptions, type Config, type CourseModule, type Diagnostic, type FileResult } from '../core/index.ts';
import { readTextSync } from '../node/read-text.ts';

/** What a worker is started with (structured-cloned into it). */
export interface CheckSetup {
  module: CourseModule;
  config: Config;
  maxFileSize: number;
  fix: boolean;
}

export interface Job {
  index: number;
  /** Absolute path, to read (and write with --fix). */
  path: string;
  /** The path as reported (relative to the working folder). */
  display: string;
}

export type Outcome =
  | {
      ok: true;
      diagnostics: Diagnostic[];
      /** --fix changed and rewrote the file. */
      fixed: boolean;
      /** Only for files with `set:`: the whole result (parsed doc included) for the set rules. */
      member?: FileResult;
    }
  | { ok: false; error: string };

const MAX_FIX_PASSES = 10;

export function checkOptions(setup: CheckSetup, filePath: string): CheckOptions {
  return { module: setup.module, rules: builtinRules, config: setup.config, filePath };
}

export async function checkFile(job: Job, setup: CheckSetup): Promise<Outcome> {
  const read = readTextSync(job.path, setup.maxFileSize);
  if (!read.ok) return { ok: false, error: read.error };
  const options = checkOptions(setup, job.display);
  let result = checkText(read.text, options);
  let fixed = false;
  if (setup.fix) {
    const out = fixText(read.text, result, options);
    if (out.text !== read.text) {
      await writeFile(job.path, (read.bom ? '\ufeff' : '') + out.text);
      result = out.result;
      fixed = true;
    }
  }
  return outcomeOf(result, fixed);
}

export function outcomeOf(result: FileResult, fixed = false): Outcome {
  return result.set ? { ok: true, diagnostics: result.diagnostics, fixed, member: result } : { ok: true, diagnostics: result.diagnostics, fixed };
}

/** ESLint's --fix loop: apply every non-overlapping fix, re-check, until none is left (10 passes at most). */
export function fixText(text: string, first: FileResult, options: CheckOptions): { text: string; result: FileResult } {
  let result = first;
  let current = text;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = result.diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
    if (!edits.length) break;
    const { output } = applyFixes(current, edits);
    if (output === current) break;
    current = output;
    result = checkText(current, options);
  }
  return { text: current, result };
}
