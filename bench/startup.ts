// Whole-process `staffwork check <one file>`: what a pre-commit hook or an editor save pays.
// Median over >= 20 runs; target < 250 ms.
import { join } from 'node:path';
import { median, option, percentile, root, staffworkCheck, timeProcess } from './lib.ts';

export interface StartupResult {
  command: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  peakRssMB: number | undefined;
  targetMs: number;
  note?: string;
}

const FILE = join(root, 'test/fixtures/examples/good/platform-strategy.md');

export async function benchStartup(runs = Math.max(20, Number(option('startup-runs') ?? 20))): Promise<StartupResult> {
  const c = staffworkCheck(FILE);
  const times: number[] = [];
  let rss = 0;
  for (let i = 0; i < runs + 2; i++) {
    const r = await timeProcess(c, 60_000);
    if (r.crashed || r.timedOut) throw new Error(`startup: ${c.label} exited ${r.exitCode}: ${r.stderrTail}`);
    if (i < 2) continue; // warm the file cache (and tsx's, in the fallback) first
    times.push(r.seconds * 1000);
    rss = Math.max(rss, r.rssMB ?? 0);
  }
  const result: StartupResult = {
    command: `${c.label} check ${FILE.slice(root.length + 1)}`,
    runs,
    medianMs: Math.round(median(times)),
    p95Ms: Math.round(percentile(times, 95)),
    peakRssMB: rss ? Math.round(rss) : undefined,
    targetMs: 250,
  };
  if (c.note) result.note = c.note;
  console.log(`\nstartup: ${result.command}: median ${result.medianMs} ms, p95 ${result.p95Ms} ms over ${runs} runs (target < ${result.targetMs} ms), peak RSS ${result.peakRssMB ?? '?'} MB`);
  if (c.note) console.log(`note: ${c.note}`);
  return result;
}

if (process.argv[1] === import.meta.filename) await benchStartup();
