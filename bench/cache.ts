// `staffwork check <corpus> --cache` as a whole process: cold (no cache file: every file is
// checked and the cache written) and warm (nothing changed: read, hash, report). The warm
// run's target is 150 ms; `node -e 0` on the same machine is printed beside it, since on a
// loaded machine Node's own start-up is most of it. Alone: `node --import tsx bench/cache.ts [dir]`.
import { rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCorpus, median, option, percentile, positional, staffworkCheck, timeProcess, type Command } from './lib.ts';

export interface CacheResult {
  command: string;
  coldRuns: number;
  warmRuns: number;
  coldMedianMs: number;
  warmMedianMs: number;
  /** On a machine shared with other work, the fastest run is the best estimate of the cost itself. */
  warmMinMs: number;
  warmP95Ms: number;
  warmPeakRssMB: number | undefined;
  nodeStartMedianMs: number;
  nodeStartMinMs: number;
  targetWarmMs: number;
}

export async function benchCache(corpus: string, coldRuns = Math.max(1, Number(option('runs') ?? 3)), warmRuns = Math.max(10, Number(option('cache-runs') ?? 20))): Promise<CacheResult> {
  const location = join(tmpdir(), `staffwork-bench-${process.pid}.cache`);
  const base = staffworkCheck(corpus);
  if (base.note) throw new Error(`cache: needs the built CLI (${base.note})`);
  const c: Command = { ...base, args: [...base.args, '--cache', '--cache-location', location] };
  const run = async (label: string) => {
    const r = await timeProcess(c, 10 * 60_000);
    if (r.crashed || r.timedOut) throw new Error(`cache (${label}): exit ${r.exitCode}: ${r.stderrTail}`);
    return r;
  };
  const cold: number[] = [];
  const warm: number[] = [];
  const node: number[] = [];
  let rss = 0;
  try {
    for (let i = 0; i < coldRuns; i++) {
      rmSync(location, { force: true });
      cold.push((await run('cold')).seconds * 1000);
    }
    for (let i = 0; i < warmRuns; i++) {
      const r = await run('warm');
      warm.push(r.seconds * 1000);
      rss = Math.max(rss, r.rssMB ?? 0);
      node.push((await timeProcess({ label: 'node', cmd: process.execPath, args: ['-e', '0'] }, 60_000)).seconds * 1000);
    }
  } finally {
    rmSync(location, { force: true });
  }
  const result: CacheResult = {
    command: `staffwork check ${corpus} --cache --format json -o /dev/null`,
    coldRuns,
    warmRuns,
    coldMedianMs: Math.round(median(cold)),
    warmMedianMs: Math.round(median(warm)),
    warmMinMs: Math.round(Math.min(...warm)),
    warmP95Ms: Math.round(percentile(warm, 95)),
    warmPeakRssMB: rss ? Math.round(rss) : undefined,
    nodeStartMedianMs: Math.round(median(node)),
    nodeStartMinMs: Math.round(Math.min(...node)),
    targetWarmMs: 150,
  };
  console.log(`\ncache: ${result.command}`);
  console.log(`| run  | runs | median ms | min ms | p95 ms |`);
  console.log(`|------|-----:|----------:|-------:|-------:|`);
  console.log(`| cold | ${coldRuns} | ${result.coldMedianMs} | ${Math.round(Math.min(...cold))} | ${Math.round(percentile(cold, 95))} |`);
  console.log(`| warm | ${warmRuns} | ${result.warmMedianMs} | ${result.warmMinMs} | ${result.warmP95Ms} |`);
  console.log(`| node -e 0 | ${warmRuns} | ${result.nodeStartMedianMs} | ${result.nodeStartMinMs} | ${Math.round(percentile(node, 95))} |`);
  console.log(
    `target warm re-check < ${result.targetWarmMs} ms (median): ${result.warmMedianMs} ms: ${result.warmMedianMs < result.targetWarmMs ? 'met' : 'NOT met'} (peak RSS ${result.warmPeakRssMB ?? '?'} MB; 1-minute load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs)`,
  );
  return result;
}

if (process.argv[1] === import.meta.filename) await benchCache(positional(['runs', 'cache-runs']) ?? defaultCorpus);
