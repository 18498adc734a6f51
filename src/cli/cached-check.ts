// `check --cache`: files whose bytes hash to a cached entry take its findings without loading
// the core; the rest go through the pool as without the cache. Sets are all or nothing: a set
// whose members (paths and hashes, variants beside them included) match what its entries were
// computed with is taken from the cache, any other is checked again whole, exactly as
// completeSets() would, so the output is the same as a run without the cache.
//
// Reading and hashing every file is most of a warm run, so, like git's index, an entry also
// keeps the file's stat (size, mtime, ctime, inode): the same stat means the same bytes. A
// file changed less than STABLE_MS before it was looked at gets no stat in its entry, since a
// second write within the clock's granularity would leave the stat as it was.
import { statSync } from 'node:fs';
import type { Project } from '../core/index.ts';
import { decodeText, readBytesSync } from '../node/read-text.ts';
import type { CacheEntry, CachedSettings, ResultCache } from './cache.ts';
import type { CheckSetup, Job, Outcome } from './check-file.ts';
import { siblingPaths } from './files.ts';
import { contentHashOf, hashFileSync } from './hash.ts';

const STABLE_MS = 2000;

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
  stamp: string | undefined;
  set: string | undefined;
  /** Its text, when this run read it. */
  text?: string | undefined;
}

/** What this run knows of each asked file, by job index. */
interface Known {
  hash: (string | undefined)[];
  stamp: (string | undefined)[];
  hit: boolean[];
  set: (string | undefined)[];
  setKey: (string | undefined)[];
}

export async function checkWithCache(jobs: Job[], run: CachedRun): Promise<Outcome[]> {
  const { cache, settings } = run;
  const now = Date.now();
  const outcomes: Outcome[] = new Array(jobs.length);
  const known: Known = { hash: [], stamp: [], hit: [], set: [], setKey: [] };
  const misses: Job[] = [];
  for (const job of jobs) {
    const stamp = stampOf(job.path, now);
    const entry = cache.get(job.path);
    let hash = stamp !== undefined && entry?.stamp === stamp ? entry.hash : undefined;
    if (hash === undefined) {
      // A hit needs no decoding: bytes with these findings decoded before.
      const read = hashFileSync(job.path, settings.maxFileSize);
      if (!read.ok) {
        outcomes[job.index] = read;
        cache.delete(job.path);
        run.tick();
        continue;
      }
      hash = read.hash;
    }
    known.stamp[job.index] = stamp;
    if (entry?.hash === hash && entry.diagnostics && !(run.fix && entry.diagnostics.some((d) => d.fix))) {
      outcomes[job.index] = { ok: true, diagnostics: entry.diagnostics, fixed: false };
      known.hash[job.index] = hash;
      known.hit[job.index] = true;
      known.set[job.index] = entry.set;
      known.setKey[job.index] = entry.setKey;
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
        known.hash[job.index] = outcome.hash;
        known.set[job.index] = outcome.member?.set;
        // A file --fix rewrote has a new stat: it is looked at again next time.
        if (outcome.fixed) known.stamp[job.index] = undefined;
      } else cache.delete(job.path);
    });
  }

  await completeCachedSets(jobs, outcomes, known, run, needSetup, now);

  for (const job of jobs) {
    const outcome = outcomes[job.index] as Outcome;
    const hash = known.hash[job.index];
    if (!outcome.ok || hash === undefined) continue;
    const entry: CacheEntry = { hash, diagnostics: outcome.diagnostics };
    const stamp = known.stamp[job.index];
    if (stamp !== undefined) entry.stamp = stamp;
    const set = known.set[job.index];
    if (set) Object.assign(entry, { set, setKey: known.setKey[job.index] });
    // An unchanged entry outside any set is left as it is, without comparing it.
    if (known.hit[job.index] && !set && cache.get(job.path)?.stamp === entry.stamp) continue;
    cache.set(job.path, entry, settings);
  }
  cache.prune(new Set(jobs.map((j) => j.path)));
  return outcomes;
}

async function completeCachedSets(jobs: Job[], outcomes: Outcome[], known: Known, run: CachedRun, needSetup: () => Promise<CheckSetup>, now: number): Promise<void> {
  const members = jobs.filter((j) => known.set[j.index] !== undefined);
  if (!members.length) return;
  const sets = new Set(members.map((j) => known.set[j.index] as string));
  let project: Project | undefined;
  const projectOf = async () => (project ??= (await import('./sets.ts')).setProject(await needSetup()));

  // The variants beside them: their set from the cache when their bytes are known, else checked.
  const siblings: Sibling[] = [];
  for (const path of siblingPaths(
    members.map((j) => j.path),
    new Set(jobs.map((j) => j.path)),
  )) {
    const stamp = stampOf(path, now);
    const entry = run.cache.get(path);
    if (stamp !== undefined && entry?.stamp === stamp) {
      siblings.push({ path, hash: entry.hash, stamp, set: entry.set });
      continue;
    }
    const read = readBytesSync(path, run.settings.maxFileSize);
    if (!read.ok) continue;
    const hash = contentHashOf(read.bytes);
    if (entry?.hash === hash) {
      siblings.push({ path, hash, stamp, set: entry.set });
      if (stamp !== undefined) run.cache.set(path, { ...entry, stamp }, run.settings);
      continue;
    }
    const text = decodeText(read.bytes, run.settings.maxFileSize);
    if (!text.ok) continue;
    const { addSibling } = await import('./sets.ts');
    const p = await projectOf();
    addSibling(p, path, text.text);
    const set = p.setOf(path);
    siblings.push({ path, hash, stamp, set, text: text.text });
    run.cache.set(path, { hash, ...(stamp !== undefined ? { stamp } : {}), ...(set ? { set } : {}) }, run.settings);
  }

  const dirty = new Set<string>();
  for (const set of sets) {
    const inSet = members.filter((j) => known.set[j.index] === set);
    const key = contentHashOf(JSON.stringify([...inSet.map((j) => [j.path, known.hash[j.index]]), ...siblings.filter((s) => s.set === set).map((s) => [s.path, s.hash])]));
    for (const j of inSet) {
      if (!known.hit[j.index] || known.setKey[j.index] !== key) dirty.add(set);
      known.setKey[j.index] = key;
    }
  }
  if (!dirty.size) return;

  const p = await projectOf();
  const { addSibling } = await import('./sets.ts');
  const again: Job[] = [];
  for (const job of members) {
    if (!dirty.has(known.set[job.index] as string)) continue;
    const outcome = outcomes[job.index] as Outcome & { ok: true };
    let text = outcome.member?.text;
    if (text === undefined) {
      // A cached member of a set that changed: read again and checked whole, as a cold run does.
      const read = readBytesSync(job.path, run.settings.maxFileSize);
      const decoded = read.ok ? decodeText(read.bytes, run.settings.maxFileSize) : read;
      if (!decoded.ok) {
        outcomes[job.index] = decoded;
        continue;
      }
      text = decoded.text;
    }
    p.upsert(job.path, text, { filePath: job.display });
    again.push(job);
  }
  for (const s of siblings) {
    if (s.set === undefined || !dirty.has(s.set) || s.text !== undefined) continue;
    const read = readBytesSync(s.path, run.settings.maxFileSize);
    const text = read.ok ? decodeText(read.bytes, run.settings.maxFileSize) : read;
    if (text.ok) addSibling(p, s.path, text.text);
  }
  for (const job of again) {
    const outcome = outcomes[job.index] as Outcome & { ok: true };
    outcomes[job.index] = { ok: true, diagnostics: p.result(job.path)?.diagnostics ?? outcome.diagnostics, fixed: outcome.fixed, ...(outcome.hash !== undefined ? { hash: outcome.hash } : {}) };
  }
}

/** A regular file's stat as an entry keeps it, or undefined while it may still be changing. */
function stampOf(path: string, now: number): string | undefined {
  let info;
  try {
    info = statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined; // the reader says why
  }
  if (!info?.isFile() || now - Math.max(info.mtimeMs, info.ctimeMs) < STABLE_MS) return undefined;
  return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}:${info.dev}`;
}
