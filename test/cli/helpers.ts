// Runs the built `staffwork` binary (node bin/staffwork.js, i.e. dist/cli.js) in a folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

export const root = join(import.meta.dirname, '../..');
/** STAFFWORK_BIN runs another build of the CLI (e.g. one bundled elsewhere while dist/ is being rebuilt). */
export const bin = process.env['STAFFWORK_BIN'] ?? join(root, 'bin/staffwork.js');
export const examples = join(root, 'test/fixtures/examples');

if (!process.env['STAFFWORK_BIN'] && !existsSync(join(root, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `node tools/build.mjs` before the CLI tests');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Kill it after this long (a hang shows as code null). */
  timeoutMs?: number;
  /** Run under `ulimit -f` (KB): writes past it fail with EFBIG, even for root. */
  fileSizeLimitKB?: number;
}

export function staffwork(args: string[], options: RunOptions): Run {
  const [cmd, argv] = options.fileSizeLimitKB === undefined ? [process.execPath, [bin, ...args]] : ['bash', ['-c', `ulimit -f ${options.fileSizeLimitKB} && exec "$0" "$@"`, process.execPath, bin, ...args]];
  const r = spawnSync(cmd, argv, {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    // No colours and no progress bar unless a test asks: output is compared as text.
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', CI: '', ...options.env },
    timeout: options.timeoutMs ?? 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temp folder, removed after the file's tests; `withExamples` copies good/ and bad/ in. */
export function tempDir(withExamples = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'staffwork-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  if (withExamples) {
    cpSync(join(examples, 'good'), join(dir, 'good'), { recursive: true });
    cpSync(join(examples, 'bad'), join(dir, 'bad'), { recursive: true });
  }
  return dir;
}

/** No stack trace ever reaches the user. */
export function assertNoStack(r: Run): void {
  assert.doesNotMatch(r.stderr, /^\s+at .+:\d+:\d+\)?$/m, r.stderr);
  assert.doesNotMatch(r.stdout, /^\s+at .+:\d+:\d+\)?$/m);
}

export interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: 1 | 2; info?: true; message: string; line: number; column: number; endLine: number; endColumn: number; fix?: unknown }[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}
