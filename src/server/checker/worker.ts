// A check worker: runs tasks.ts for the server's pool, one message at a time, with the modules
// the server serves (plain module data, given once when the pool starts the worker).
import { parentPort, workerData } from 'node:worker_threads';
import type { CourseModule } from '../../core/index.ts';
import { Checker, type Task } from './tasks.ts';

const checker = new Checker((workerData as { modules?: CourseModule[] } | null)?.modules);
parentPort?.on('message', ({ id, task }: { id: number; task: Task }) => {
  try {
    parentPort?.postMessage({ id, result: checker.run(task) });
  } catch (e) {
    parentPort?.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
