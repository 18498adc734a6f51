// Shared by the benchmarks: the corpus, how to run staffwork as a whole process, and timing a
// child process (wall clock from here, peak RSS from GNU time or /proc polling).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { globSync } from 'tinyglobby';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultCorpus = resolve(root, '../shared/corpus');
export const bin = (name: string) => join(root, 'node_modules/.bin', name);

export function markdownFiles(dir: string): string[] {
  return globSync('**/*.md', { cwd: dir, absolute: true }).sort();
}

export function totalBytes(files: string[]): number {
  return files.reduce((n, f) => n + statSync(f).size, 0);
}

export interface Command {
  label: string;
  cmd: string;
  args: string[];
  note?: string;
}

/**
 * How to run `staffwork check <target>` with JSON output discarded: the real CLI when its `check`
 * command answers with JSON, else the core through bench/core-check.ts (while the CLI is being
 * written), labelled as such so the table never passes one off as the other.
 */
export function staffworkCheck(target: string): Command {
  const cli = join(root, 'bin/staffwork.js');
  if (cliCheckWorks()) return { label: 'staffwork', cmd: process.execPath, args: [cli, 'check', target, '--format', 'json', '-o', '/dev/null'] };
  return {
    label: 'staffwork (core)',
    cmd: process.execPath,
    args: [bundled('bench/core-check.ts'), target],
    note: '`staffwork check --format json` is not available yet (run `npm run build`?); timed the core through bench/core-check.ts, bundled by esbuild like the CLI',
  };
}

const bundles = new Map<string, string>();
/**
 * A bench entry point bundled once per run with the CLI's esbuild settings (tools/build.mjs),
 * so it starts like the bundled CLI does instead of paying for tsx.
 */
export function bundled(entry: string): string {
  const done = bundles.get(entry);
  if (done) return done;
  const out = join(tmpdir(), `staffwork-bench-${process.pid}-${entry.replace(/\W+/g, '-')}.mjs`);
  buildSync({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  if (bundles.size === 0) process.on('exit', () => bundles.forEach((f) => rmSync(f, { force: true })));
  bundles.set(entry, out);
  return out;
}

let cliChecked: boolean | undefined;
function cliCheckWorks(): boolean {
  if (cliChecked !== undefined) return cliChecked;
  const probe = join(root, 'test/fixtures/examples/good/platform-strategy.md');
  const r = spawnSync(process.execPath, [join(root, 'bin/staffwork.js'), 'check', probe, '--format', 'json'], { encoding: 'utf8', timeout: 30_000 });
  try {
    cliChecked = (r.status === 0 || r.status === 1) && JSON.parse(r.stdout) !== undefined;
  } catch {
    cliChecked = false;
  }
  return cliChecked;
}

export interface ProcessRun {
  seconds: number;
  rssMB: number | undefined;
  exitCode: number | null;
  /** A non-linter exit code, or a stack trace on stderr. */
  crashed: boolean;
  timedOut: boolean;
  stderrTail: string;
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true']).status === 0;

/** Runs a command to completion; stdout is discarded, stderr kept to explain a failure. */
export function timeProcess(c: Command, timeoutMs: number): Promise<ProcessRun> {
  const rssFile = join(tmpdir(), `staffwork-bench-${process.pid}-${Math.random().toString(36).slice(2)}.rss`);
  const [cmd, args] = hasGnuTime ? [GNU_TIME, ['-f', '%M', '-o', rssFile, c.cmd, ...c.args]] : [c.cmd, c.args];
  return new Promise((done) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd as string, args as string[], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-2000)));
    let polledKB = 0;
    // Without GNU time, poll the child's high-water mark (misses the last few ms; close enough).
    const poll = hasGnuTime ? undefined : setInterval(() => (polledKB = Math.max(polledKB, vmHWM(child.pid))), 20);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      let kb = polledKB;
      if (hasGnuTime && existsSync(rssFile)) {
        kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
        rmSync(rssFile, { force: true });
      }
      const lines = stderr.trim().split('\n');
      // Node exits 1 on an uncaught exception, the code linters use for "found problems".
      const crashed = /\n\s+at .+:\d+:\d+\)?\n/.test(stderr) || (code !== 0 && code !== 1);
      done({ seconds, rssMB: kb ? kb / 1024 : undefined, exitCode: code, crashed, timedOut, stderrTail: lines.find((l) => /Error/.test(l)) ?? lines[lines.length - 1] ?? '' });
    });
  });
}

function vmHWM(pid: number | undefined): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i] as number;
}

export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

export function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

/** First argument that is not a flag (nor a flag's value). */
export function positional(valued: string[] = []): string | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('--')) {
      if (valued.includes(a.slice(2))) i++;
      continue;
    }
    return a;
  }
  return undefined;
}
