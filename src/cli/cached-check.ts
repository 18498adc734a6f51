// `check --cache`: files whose bytes hash to a cached entry take its findings without loading
// the core; the rest go through the pool as without the cache. Sets are all or nothing: a set
// whose members (paths and hashes, variants beside them included) match what its entries were
// computed with is taken from the cache, any other is checked again whole, exactly as
// completeSets() would, so the output is the same as a run without the cache.
import type { FileResult } from '../core/index.ts';
import { decodeText, readBytesSync } from '../node/read-text.ts';
import type { CacheEntry, CachedSettings, ResultCache } from './cache.ts';
import type { CheckSetup, Job, Outcome } from './check-file.ts';
import { siblingPaths } from './files.ts';
import { contentHashOf, hashFileSync } from './hash.ts';

export interface CachedRun {
  cache: ResultCache;
  settings: CachedSettings;
  fix: boolean;
  /** Validates the settings and loads the core: called only when something must be checked. */
  setup(): Promise<CheckSetup>;
  threads: number | undefined;
  tick(): void;
}

interface Sibling {
  path: string;
  hash: string;
  text: string | undefined;
  set: string | undefined;
  result?: FileResult | undefined;
}

export async function checkWithCache(jobs: Job[], run: CachedRun): Promise<Outcome[]> {
  const { cache, settings } = run;
  const outcomes: Outcome[] = new Array(jobs.length);
  const hashes: (string | undefined)[] = new Array(jobs.length);
  const hit: boolean[] = new Array(jobs.length).fill(false);
  const setOf: (string | undefined)[] = new Array(jobs.length);
  const setKeyOf: (string | undefined)[] = new Array(jobs.length);
  const misses: Job[] = [];
  for (const job of jobs) {
    // A hit needs no decoding: bytes with these findings decoded before.
    const read = hashFileSync(job.path, settings.maxFileSize);
    if (!read.ok) {
      outcomes[job.index] = read;
      cache.delete(job.path);
      run.tick();
      continue;
    }
    const { hash } = read;
    const entry = cache.get(job.path);
    if (entry?.hash === hash && entry.diagnostics && !(run.fix && entry.diagnostics.some((d) => d.fix))) {
      outcomes[job.index] = { ok: true, diagnostics: entry.diagnostics, fixed: false };
      hashes[job.index] = hash;
      hit[job.index] = true;
      setOf[job.index] = entry.set;
      setKeyOf[job.index] = entry.setKey;
      run.tick();
    } else misses.push(job);
  }

  let setup: CheckSetup | undefined;
  const needSetup = async () => (setup ??= await run.setup());
  if (misses.length) {
    const s = await needSetup();
    const { checkFiles, defaultJobs } = await import('./pool.ts');
    const local = misses.map((j, index) => ({ ...j, index }));
    const results = await checkFiles(local, { ...s, hash: true }, run.threads ?? defaultJobs(local.length), run.tick);
    misses.forEach((job, k) => {
      const outcome = results[k] as Outcome;
      outcomes[job.index] = outcome;
      if (outcome.ok) {
        hashes[job.index] = outcome.hash;
        setOf[job.index] = outcome.member?.set;
      } else cache.delete(job.path);
    });
  }

  await completeCachedSets(jobs, outcomes, { hashes, hit, setOf, setKeyOf }, run, needSetup);

  for (const job of jobs) {
    const outcome = outcomes[job.index] as Outcome;
    const hash = hashes[job.index];
    // An unchanged file outside any set keeps its entry as it is.
    if (!outcome.ok || hash === undefined || (hit[job.index] && !setOf[job.index])) continue;
    const entry: CacheEntry = { hash, diagnostics: outcome.diagnostics };
    const set = setOf[job.index];
    if (set) Object.assign(entry, { set, setKey: setKeyOf[job.index] });
    cache.set(job.path, entry, settings);
  }
  return outcomes;
}

async function completeCachedSets(
  jobs: Job[],
  outcomes: Outcome[],
  state: { hashes: (string | undefined)[]; hit: boolean[]; setOf: (string | undefined)[]; setKeyOf: (string | undefined)[] },
  run: CachedRun,
  needSetup: () => Promise<CheckSetup>,
): Promise<void> {
  const { hashes, hit, setOf, setKeyOf } = state;
  const members = jobs.filter((j) => setOf[j.index] !== undefined);
  if (!members.length) return;
  const sets = new Set(members.map((j) => setOf[j.index] as string));

  // The variants beside them: their set from the cache when their bytes are known, else checked.
  const siblings: Sibling[] = [];
  for (const path of siblingPaths(members.map((j) => j.path), new Set(jobs.map((j) => j.path)))) {
    const read = readBytesSync(path, run.settings.maxFileSize);
    if (!read.ok) continue;
    const hash = contentHashOf(read.bytes);
    const entry = run.cache.get(path);
    if (entry?.hash === hash) siblings.push({ path, hash, text: undefined, set: entry.set });
    else {
      const text = decodeText(read.bytes, run.settings.maxFileSize);
      if (!text.ok) continue;
      const { checkSiblingText } = await import('./sets.ts');
      const result = checkSiblingText(text.text, path, await needSetup());
      siblings.push({ path, hash, text: text.text, set: result.set, result });
      run.cache.set(path, { hash, ...(result.set ? { set: result.set } : {}) }, run.settings);
    }
  }

  const dirty = new Set<string>();
  for (const set of sets) {
    const inSet = members.filter((j) => setOf[j.index] === set);
    const key = contentHashOf(
      JSON.stringify([...inSet.map((j) => [j.path, hashes[j.index]]), ...siblings.filter((s) => s.set === set).map((s) => [s.path, s.hash])]),
    );
    for (const j of inSet) {
      if (!hit[j.index] || setKeyOf[j.index] !== key) dirty.add(set);
      setKeyOf[j.index] = key;
    }
  }
  if (!dirty.size) return;

  const setup = await needSetup();
  const { checkSiblingText, runSetRules } = await import('./sets.ts');
  const { checkOptions, outcomeOf } = await import('./check-file.ts');
  const { checkText } = await import('../core/index.ts');
  const again: { job: Job; result: FileResult }[] = [];
  for (const job of members) {
    if (!dirty.has(setOf[job.index] as string)) continue;
    const outcome = outcomes[job.index] as Outcome & { ok: true };
    let result = outcome.member;
    if (!result) {
      // A cached member of a set that changed: checked again on its own first, as a cold run does.
      const read = readBytesSync(job.path, run.settings.maxFileSize);
      const text = read.ok ? decodeText(read.bytes, run.settings.maxFileSize) : read;
      if (!text.ok) {
        outcomes[job.index] = text;
        continue;
      }
      result = checkText(text.text, checkOptions(setup, job.display));
      outcomes[job.index] = outcomeOf(result);
    }
    again.push({ job, result });
  }
  const others = siblings.filter((s) => s.set !== undefined && dirty.has(s.set));
  for (const s of others) {
    if (s.result) continue;
    const read = readBytesSync(s.path, run.settings.maxFileSize);
    const text = read.ok ? decodeText(read.bytes, run.settings.maxFileSize) : read;
    s.result = text.ok ? checkSiblingText(text.text, s.path, setup) : undefined;
  }
  runSetRules([...again.map((a) => a.result), ...others.flatMap((s) => (s.result && s.result.set === s.set ? [s.result] : []))], setup);
  for (const { job, result } of again) {
    const outcome = outcomes[job.index] as Outcome & { ok: true };
    outcome.diagnostics = result.diagnostics;
    delete outcome.member;
  }
}
