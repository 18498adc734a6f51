// Checking many files, in worker threads or in this thread, with the same results.
//
// Files are handed out one at a time and each worker reads its own file, so the main thread
// never holds file text: it keeps only the findings, by index, and reports in file order
// once all are in, which makes the output of --jobs N identical to --jobs 1.
//
// Set rules need every file of a `set:` at once, and a file's set is only known once it is
// parsed. So a worker returns the whole parsed result for files that have `set:` (a few
// audience variants, not the corpus) and the main thread runs the set rules over them at
// the end (sets.ts); every other file returns its findings only.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { safeCheckFile, type CheckSetup, type Job, type Outcome } from './check-file.ts';
import { workerFile } from './paths.ts';

/** Below this many files a worker's start-up (loading the core again) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 24;

/**
 * Measured on the 1,012-file corpus on 2 cores: one thread 1.34 s, two 1.60 s (the second
 * thread's start-up and JIT warm-up cost more than the ~1 s of checking it shares), so threads
 * are only the default from 3 cores up; `--jobs N` still chooses.
 */
const MIN_CORES_FOR_WORKERS = 3;

export function defaultJobs(fileCount: number): number {
  const cores = availableParallelism();
  return fileCount < MIN_FILES_FOR_WORKERS || cores < MIN_CORES_FOR_WORKERS ? 1 : cores;
}

export async function checkFiles(jobs: Job[], setup: CheckSetup, threads: number, onDone: () => void): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(jobs.length);
  if (threads <= 1 || jobs.length < 2) {
    for (const job of jobs) {
      outcomes[job.index] = safeCheckFile(job, setup);
      onDone();
    }
  } else {
    await inWorkers(jobs, setup, Math.min(threads, jobs.length), (index, outcome) => {
      outcomes[index] = outcome;
      onDone();
    });
  }
  return outcomes;
}

async function inWorkers(jobs: Job[], setup: CheckSetup, threads: number, done: (index: number, outcome: Outcome) => void): Promise<void> {
  // Loaded here, not at start-up: on two cores a check runs in this thread alone (~2 ms saved).
  const { Worker } = await import('node:worker_threads');
  let next = 0;
  const workers: Worker[] = [];
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerFile, { workerData: setup });
      workers.push(worker);
      let finished = false;
      const feed = () => {
        const job = jobs[next++];
        if (job) return worker.postMessage(job);
        finished = true;
        resolve();
      };
      worker.on('message', (m: { index: number; outcome: Outcome }) => {
        done(m.index, m.outcome);
        feed();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (!finished) reject(new Error(`a check worker stopped (exit code ${code})`));
      });
      feed();
    });
  // The main thread is one of the `threads`: it checks files too, between workers' messages,
  // so N threads start N - 1 workers (on two cores a second worker only adds its start-up).
  const local = async () => {
    for (let job = jobs[next++]; job; job = jobs[next++]) {
      done(job.index, safeCheckFile(job, setup));
      // Checking is synchronous: yield so the workers' results are taken and they get new files.
      await new Promise(setImmediate);
    }
  };
  try {
    await Promise.all([local(), ...Array.from({ length: threads - 1 }, one)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
