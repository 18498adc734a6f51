// Checking one file: the same code in a worker thread and in the main thread, so both produce
// the same findings and the same one-line errors. `safeCheckFile` never throws: a file that
// cannot be read, checked or (with --fix) written is an `{ ok: false }` outcome, whichever
// thread had it.
import { applyFixes, builtinRules, checkText, createCheckMemo, type CheckOptions, type Config, type CourseModule, type Diagnostic, type FileResult } from '../core/index.ts';
import { decodeText, readBytesSync } from '../node/read-text.ts';
import { replaceFileSync } from '../node/write-text.ts';
import { firstLine } from './errors.ts';
import { contentHashOf } from './hash.ts';

/** What a worker is started with (structured-cloned into it). */
export interface CheckSetup {
  module: CourseModule;
  config: Config;
  maxFileSize: number;
  fix: boolean;
  /** Return the content hash of what was checked (for --cache). */
  hash?: boolean;
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
      diagnostics: readonly Diagnostic[];
      /** --fix changed and rewrote the file. */
      fixed: boolean;
      /** Only for files with `set:`: the set and the text checked (after --fix), for the set rules (sets.ts). */
      member?: { set: string; text: string };
      /** With `setup.hash`: the content hash of the bytes checked (after --fix, of the bytes written). */
      hash?: string;
    }
  | { ok: false; error: string };

const MAX_FIX_PASSES = 10;

// One memo per thread for the whole run: title stems and paragraph tagging are pure functions of their text.
export const memo = createCheckMemo();

export function cliCheckOptions(setup: CheckSetup, filePath: string): CheckOptions {
  return { module: setup.module, rules: builtinRules, config: setup.config, filePath, memo };
}

export function safeCheckFile(job: Job, setup: CheckSetup): Outcome {
  try {
    return checkFile(job, setup);
  } catch (e) {
    return { ok: false, error: `internal error: ${firstLine(e)}` };
  }
}

function checkFile(job: Job, setup: CheckSetup): Outcome {
  const bytes = readBytesSync(job.path, setup.maxFileSize);
  if (!bytes.ok) return bytes;
  const read = decodeText(bytes.bytes, setup.maxFileSize);
  if (!read.ok) return read;
  const options = cliCheckOptions(setup, job.display);
  let result = checkText(read.text, options);
  let text = read.text;
  let hash = setup.hash ? contentHashOf(bytes.bytes) : undefined;
  let fixed = false;
  if (setup.fix) {
    const out = fixText(read.text, result, options);
    if (out.text !== read.text) {
      const bytes = (read.bom ? '\ufeff' : '') + out.text;
      const written = replaceFileSync(job.path, bytes);
      if (!written.ok) return { ok: false, error: `cannot write the fix: ${written.error}` };
      result = out.result;
      text = out.text;
      fixed = true;
      if (setup.hash) hash = contentHashOf(bytes);
    }
  }
  return outcomeOf(result, text, fixed, hash);
}

export function outcomeOf(result: FileResult, text: string, fixed = false, hash?: string): Outcome {
  return {
    ok: true,
    diagnostics: result.diagnostics,
    fixed,
    ...(result.set ? { member: { set: result.set, text } } : {}),
    ...(hash !== undefined ? { hash } : {}),
  };
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
