// `npm run bench [-- <dir>] [--corpus|--startup|--recheck|--cache|--server] [--skip-textlint] [--runs N] [--cache-runs N]`
// Checks a corpus (default ../shared/corpus) with staffwork and its peers in one run, on the
// same files, each tool a whole process as a user would run it; prints one table and writes
// bench/results/<date>.json and latest.json. Then the startup, live re-check and --cache benchmarks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { benchCache, type CacheResult } from './cache.ts';
import { benchRecheck, type RecheckResult } from './recheck.ts';
import { benchServer, printServerRows } from './server.ts';
import { benchStartup, type StartupResult } from './startup.ts';
import { bin, bundled, defaultCorpus, flag, markdownFiles, median, option, positional, root, staffworkCheck, timeProcess, totalBytes, type Command } from './lib.ts';

interface Row {
  tool: string;
  kind: 'tool' | 'baseline';
  files: number;
  mb: number;
  runs: number;
  seconds: number;
  filesPerSecond: number;
  mbPerSecond: number;
  peakRssMB: number | undefined;
  /** This row's seconds over staffwork's. */
  vsStaffwork?: number;
  note?: string;
  failed?: string;
}

// --server (the workbench under load, bench/server.ts) runs only when asked for.
const only = ['corpus', 'startup', 'recheck', 'cache', 'server'].filter((f) => flag(f));
const want = (part: string) => only.length === 0 || only.includes(part);
const runs = Math.max(1, Number(option('runs') ?? 3));
const dir = positional(['runs', 'cache-runs']) ?? defaultCorpus;

const result: { date: string; machine: Record<string, unknown>; corpus?: { dir: string; rows: Row[] }; startup?: StartupResult; recheck?: RecheckResult; cache?: CacheResult; server?: Awaited<ReturnType<typeof benchServer>> } = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverage1m: loadavg()[0] },
};

if (want('corpus')) result.corpus = { dir, rows: await benchCorpus(dir) };
if (want('startup')) result.startup = await benchStartup();
if (want('recheck')) result.recheck = await benchRecheck();
if (want('cache')) result.cache = await benchCache(dir, runs);
if (flag('server')) {
  result.server = await benchServer();
  printServerRows(result.server.rows);
  if (result.server.skipped) console.log(`(${result.server.skipped})`);
}

result.machine['loadAverage1mAtEnd'] = loadavg()[0];
const out = join(root, 'bench/results');
mkdirSync(out, { recursive: true });
const json = JSON.stringify(result, null, 2) + '\n';
writeFileSync(join(out, `${result.date.replace(/[:.]/g, '-')}.json`), json);
writeFileSync(join(out, 'latest.json'), json);
console.log(`\nwrote bench/results/latest.json (1-minute load average ${Number(result.machine['loadAverage1m']).toFixed(2)} at the start, ${loadavg()[0]?.toFixed(2)} at the end, on ${cpus().length} CPUs)`);

async function benchCorpus(target: string): Promise<Row[]> {
  const files = markdownFiles(target);
  if (files.length === 0) {
    console.error(`bench: no .md files under ${target}`);
    process.exit(2);
  }
  const mb = totalBytes(files) / 1e6; // decimal MB, as the brief and the peers quote sizes
  const glob = `${target}/**/*.md`;
  const peers: (Command & { runs: number; timeoutMs: number })[] = [
    { ...staffworkCheck(target), runs, timeoutMs: 10 * 60_000 },
    { label: 'markdownlint-cli2', cmd: bin('markdownlint-cli2'), args: ['--config', join(root, 'bench/peers/markdownlint-cli2.jsonc'), glob], runs, timeoutMs: 10 * 60_000 },
    {
      label: 'remark-lint (remark-cli)',
      cmd: bin('remark'),
      args: ['--rc-path', join(root, 'bench/peers/remarkrc.json'), '--no-config', '--no-ignore', '--no-stdout', '--quiet', '--ext', 'md', target],
      runs,
      timeoutMs: 10 * 60_000,
    },
  ];
  // textlint takes minutes on a full corpus, so it runs once (and can be skipped).
  if (!flag('skip-textlint')) {
    peers.push({ label: 'textlint (write-good, alex)', cmd: bin('textlint'), args: ['--config', join(root, 'bench/peers/textlintrc.json'), '--no-cache', '-f', 'json', '-o', '/dev/null', glob], runs: 1, timeoutMs: 30 * 60_000 });
  }
  const baseline = (mode: string, label: string): Command & { runs: number; timeoutMs: number } => ({
    label,
    cmd: process.execPath,
    args: [bundled('bench/baseline.ts'), mode, target],
    runs,
    timeoutMs: 10 * 60_000,
  });
  const baselines = [baseline('markdown-it-staffwork', 'bare parse: markdown-it as staffwork configures it'), baseline('markdown-it-default', 'bare parse: markdown-it default'), baseline('read', 'read the bytes')];

  console.log(`corpus: ${files.length} files, ${mb.toFixed(1)} MB under ${target}; ${runs} runs each (textlint 1)`);
  // Round-robin (run 1 of every tool, then run 2, ...) so that load from other processes on the
  // machine spreads over all tools instead of landing on whichever ran at the time.
  const all = [...peers.map((c) => ({ c, kind: 'tool' as const })), ...baselines.map((c) => ({ c, kind: 'baseline' as const }))];
  const runsOf = all.map(() => ({ times: [] as number[], rss: 0, failed: undefined as string | undefined }));
  for (let round = 0; round < runs; round++) {
    for (const [i, { c }] of all.entries()) {
      const state = runsOf[i] as (typeof runsOf)[number];
      if (round >= c.runs || state.failed) continue;
      process.stdout.write(`  ${c.label}: run ${round + 1}/${c.runs}...`);
      const r = await timeProcess(c, c.timeoutMs);
      process.stdout.write(` ${r.seconds.toFixed(2)} s\n`);
      // Linters exit 1 when they find problems, which on a real corpus they do.
      if (r.timedOut || r.crashed) {
        state.failed = r.timedOut ? `timed out after ${c.timeoutMs / 1000} s` : `exit ${r.exitCode}: ${r.stderrTail}`;
        continue;
      }
      state.times.push(r.seconds);
      state.rss = Math.max(state.rss, r.rssMB ?? 0);
    }
  }
  const rows: Row[] = all.map(({ c, kind }, i) => {
    const { times, rss, failed } = runsOf[i] as (typeof runsOf)[number];
    const seconds = times.length ? median(times) : NaN;
    const row: Row = {
      tool: c.label,
      kind,
      files: files.length,
      mb: round(mb, 2),
      runs: times.length,
      seconds: round(seconds, 3),
      filesPerSecond: round(files.length / seconds, 0),
      mbPerSecond: round(mb / seconds, 2),
      peakRssMB: rss ? round(rss, 0) : undefined,
    };
    if (c.note) row.note = c.note;
    if (failed) row.failed = failed;
    return row;
  });
  const base = rows[0]?.seconds ?? NaN;
  for (const r of rows.slice(1)) r.vsStaffwork = round(r.seconds / base, 2);
  printTable(rows);
  printTargets(rows);
  return rows;
}

/** The targets, checked against this run's rows (a row that did not run is skipped). */
function printTargets(rows: Row[]): void {
  const [staffwork] = rows;
  const find = (prefix: string) => rows.find((r) => r.tool.startsWith(prefix) && !r.failed);
  if (!staffwork || staffwork.failed) return;
  const checks: [string, number | undefined, (x: number) => boolean, string][] = [
    ['>= 5x faster than markdownlint-cli2', find('markdownlint-cli2')?.vsStaffwork, (x) => x >= 5, 'x'],
    ['>= 100x faster than textlint', find('textlint')?.vsStaffwork, (x) => x >= 100, 'x'],
    ['within 3x of a bare markdown-it parse (default)', find('bare parse: markdown-it default') && staffwork.seconds / (find('bare parse: markdown-it default') as Row).seconds, (x) => x <= 3, 'x its time'],
    ['peak RSS < 300 MB', staffwork.peakRssMB, (x) => x < 300, 'MB'],
  ];
  console.log('');
  for (const [name, value, ok, unit] of checks) {
    if (value !== undefined) console.log(`target ${name}: ${value.toFixed(2)} ${unit}: ${ok(value) ? 'met' : 'NOT met'}`);
  }
}

function printTable(rows: Row[]): void {
  const header = ['tool', 'files', 'MB', 'median s', 'files/s', 'MB/s', 'peak RSS MB', 'x staffwork'];
  const body = rows.map((r) => [
    r.tool + (r.runs === 1 ? ' (1 run)' : ''),
    String(r.files),
    r.mb.toFixed(1),
    r.failed ? `failed: ${r.failed}` : r.seconds.toFixed(2),
    r.failed ? '' : String(r.filesPerSecond),
    r.failed ? '' : r.mbPerSecond.toFixed(2),
    r.peakRssMB === undefined ? '?' : String(r.peakRssMB),
    r.vsStaffwork === undefined ? '1.00' : Number.isNaN(r.vsStaffwork) ? '' : r.vsStaffwork.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join(' | ')} |`;
  console.log('\n' + line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|')}|`);
  for (const b of body) console.log(line(b));
  for (const r of rows) if (r.note) console.log(`note: ${r.tool}: ${r.note}`);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
