// `npm run bench [-- <dir>] [--corpus|--startup|--recheck] [--skip-textlint] [--runs N]`
// Checks a corpus (default ../shared/corpus) with staffwork and its peers in one run, on the
// same files, each tool a whole process as a user would run it; prints one table and writes
// bench/results/<date>.json and latest.json. Then the startup and live re-check benchmarks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { benchRecheck, type RecheckResult } from './recheck.ts';
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

const only = ['corpus', 'startup', 'recheck'].filter((f) => flag(f));
const want = (part: string) => only.length === 0 || only.includes(part);
const runs = Math.max(1, Number(option('runs') ?? 3));
const dir = positional(['runs']) ?? defaultCorpus;

const result: { date: string; machine: Record<string, unknown>; corpus?: { dir: string; rows: Row[] }; startup?: StartupResult; recheck?: RecheckResult } = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverage1m: loadavg()[0] },
};

if (want('corpus')) result.corpus = { dir, rows: await benchCorpus(dir) };
if (want('startup')) result.startup = await benchStartup();
if (want('recheck')) result.recheck = await benchRecheck();

const out = join(root, 'bench/results');
mkdirSync(out, { recursive: true });
const json = JSON.stringify(result, null, 2) + '\n';
writeFileSync(join(out, `${result.date.replace(/[:.]/g, '-')}.json`), json);
writeFileSync(join(out, 'latest.json'), json);
console.log(`\nwrote bench/results/latest.json (load average at start: ${loadavg()[0]?.toFixed(2)} on ${cpus().length} CPUs)`);

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
  const baselines = [
    baseline('markdown-it-staffwork', 'bare parse: markdown-it as staffwork configures it'),
    baseline('markdown-it-default', 'bare parse: markdown-it default'),
    baseline('read', 'read the bytes'),
  ];

  console.log(`corpus: ${files.length} files, ${mb.toFixed(1)} MB under ${target}; ${runs} runs each (textlint 1)`);
  const rows: Row[] = [];
  for (const [kind, list] of [['tool', peers], ['baseline', baselines]] as const) {
    for (const c of list) {
      const times: number[] = [];
      let rss = 0;
      let failed: string | undefined;
      for (let i = 0; i < c.runs; i++) {
        process.stdout.write(`  ${c.label}: run ${i + 1}/${c.runs}...`);
        const r = await timeProcess(c, c.timeoutMs);
        process.stdout.write(` ${r.seconds.toFixed(2)} s\n`);
        // Linters exit 1 when they find problems, which on a real corpus they do.
        if (r.timedOut || r.crashed) {
          failed = r.timedOut ? `timed out after ${c.timeoutMs / 1000} s` : `exit ${r.exitCode}: ${r.stderrTail}`;
          break;
        }
        times.push(r.seconds);
        rss = Math.max(rss, r.rssMB ?? 0);
      }
      const seconds = times.length ? median(times) : NaN;
      const row: Row = { tool: c.label, kind, files: files.length, mb: round(mb, 2), runs: times.length, seconds: round(seconds, 3), filesPerSecond: round(files.length / seconds, 0), mbPerSecond: round(mb / seconds, 2), peakRssMB: rss ? round(rss, 0) : undefined };
      if (c.note) row.note = c.note;
      if (failed) row.failed = failed;
      rows.push(row);
    }
  }
  const base = rows[0]?.seconds ?? NaN;
  for (const r of rows.slice(1)) r.vsStaffwork = round(r.seconds / base, 2);
  printTable(rows);
  return rows;
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
