// Checking off the request thread. The server's event loop only routes requests and talks to
// the database; parsing, checking and print rendering run in worker threads, so one huge
// artifact slows only the requests that need its findings.
//
// Lane 0 describes texts on save (kind, title, set: a parse, no rules), so saves never wait
// behind a portfolio check. The other lanes check portfolios and render print pages; each
// owner always goes to the same lane, whose cache of checked revisions then serves that
// owner's next view. Every worker gets every served module when it starts; a task names one. A task that runs past the time limit has its worker replaced and fails
// with CheckTimeoutError (a 503), so nothing can hold a lane forever.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { builtinModules, type CourseModule } from '../../core/index.ts';
import type { ArtifactMeta } from '../storage/types.ts';
import { Checker, type Task, type TaskResult } from './tasks.ts';

export class CheckTimeoutError extends Error {}

const here = fileURLToPath(import.meta.url);

/** The worker's file: the .ts beside this one under tsx, or the bundle's entry in dist/. */
function workerFile(): string | undefined {
  if (here.endsWith('.ts')) return join(dirname(here), 'worker.ts');
  for (let dir = dirname(here); dirname(dir) !== dir; dir = dirname(dir)) {
    const f = join(dir, 'server-check-worker.js');
    if (existsSync(f)) return f;
  }
  return undefined;
}

interface Pending {
  resolve(r: TaskResult): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

class Lane {
  #worker: Worker | undefined;
  readonly #pending = new Map<number, Pending>();
  #next = 0;
  #queue: Promise<unknown> = Promise.resolve();
  constructor(
    private readonly file: string,
    private readonly timeoutMs: number,
    private readonly modules: readonly CourseModule[],
  ) {}

  #spawn(): Worker {
    const workerData = { modules: this.modules };
    // Under tsx (tests, `node --import tsx`) the worker registers tsx's loader before the .ts file.
    const w = this.file.endsWith('.ts')
      ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => m.register()).then(() => import(${JSON.stringify(pathToFileURL(this.file).href)}))`, { eval: true, workerData })
      : new Worker(this.file, { workerData });
    w.unref();
    w.on('message', (m: { id: number; result?: TaskResult; error?: string }) => {
      const p = this.#pending.get(m.id);
      if (!p) return;
      this.#pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result as TaskResult);
    });
    const fail = (e: Error) => {
      if (this.#worker !== w) return;
      this.#worker = undefined;
      for (const [id, p] of this.#pending) {
        clearTimeout(p.timer);
        p.reject(e);
        this.#pending.delete(id);
      }
    };
    w.on('error', (e) => fail(e));
    w.on('exit', (code) => fail(new Error(`a check worker stopped (exit code ${code})`)));
    return w;
  }

  /** One task at a time per lane: the timer measures this task's own work, not its queue. */
  run(task: Task, timeoutMs = this.timeoutMs): Promise<TaskResult> {
    const next = this.#queue.then(() => this.#send(task, timeoutMs));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #send(task: Task, timeoutMs: number): Promise<TaskResult> {
    const worker = (this.#worker ??= this.#spawn());
    const id = this.#next++;
    return new Promise<TaskResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        this.#worker = undefined;
        void worker.terminate();
        reject(new CheckTimeoutError(`checking took over ${Math.round(timeoutMs / 1000)} s and was stopped`));
      }, timeoutMs);
      timer.unref();
      this.#pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, task });
    });
  }

  close(): Promise<unknown> {
    const w = this.#worker;
    this.#worker = undefined;
    return w ? w.terminate() : Promise.resolve();
  }
}

export interface CheckPoolOptions {
  /** Worker threads (default: one per CPU, at least 2 so saves have a lane of their own, at most 4); 0 checks in this thread (tests, or no built worker). */
  workers?: number;
  timeoutMs?: number;
  /** Every module a task may name (default: the built-in ones); plain data, copied to each worker once. */
  modules?: readonly CourseModule[];
}

export class CheckPool {
  readonly #lanes: Lane[];
  readonly #inline: Checker | undefined;

  constructor(options: CheckPoolOptions = {}) {
    const file = workerFile();
    const size = options.workers ?? Math.min(4, Math.max(2, availableParallelism()));
    const modules = options.modules ?? builtinModules;
    if (size === 0 || !file) {
      this.#lanes = [];
      this.#inline = new Checker(modules);
    } else {
      this.#lanes = Array.from({ length: Math.max(2, size) }, () => new Lane(file, options.timeoutMs ?? 60_000, modules));
      this.#inline = undefined;
    }
  }

  get threads(): number {
    return this.#lanes.length;
  }

  async describe(text: string): Promise<ArtifactMeta> {
    const r = await this.#run(0, { type: 'describe', text });
    return (r as Extract<TaskResult, { type: 'describe' }>).meta;
  }

  /** A portfolio, print or findings task for one owner, on that owner's lane. */
  heavy(owner: string, task: Exclude<Task, { type: 'describe' }>, options: { timeoutMs?: number } = {}): Promise<TaskResult> {
    return this.#run(1 + (hash(owner) % (this.#lanes.length - 1 || 1)), task, options.timeoutMs);
  }

  #run(lane: number, task: Task, timeoutMs?: number): Promise<TaskResult> {
    if (this.#inline) return Promise.resolve().then(() => (this.#inline as Checker).run(task));
    return (this.#lanes[lane] as Lane).run(task, timeoutMs);
  }

  close(): Promise<unknown> {
    return Promise.all(this.#lanes.map((l) => l.close()));
  }
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}
