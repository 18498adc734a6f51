// A check worker: runs tasks.ts for the server's pool, one message at a time.
import { parentPort } from 'node:worker_threads';
import { Checker, type Task } from './tasks.ts';

const checker = new Checker();
parentPort?.on('message', ({ id, task }: { id: number; task: Task }) => {
  try {
    parentPort?.postMessage({ id, result: checker.run(task) });
  } catch (e) {
    parentPort?.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
