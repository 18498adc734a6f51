// A worker thread of `staffwork check`: reads, checks (and with --fix rewrites) one file per
// message, so no thread ever holds more than the files it is working on.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, type CheckSetup, type Job, type Outcome } from './check-file.ts';

const setup = workerData as CheckSetup;
const port = parentPort;
if (!port) throw new Error('check-worker.js runs as a worker thread of `staffwork check`');

port.on('message', async (job: Job) => {
  let outcome: Outcome;
  try {
    outcome = await checkFile(job, setup);
  } catch (e) {
    outcome = { ok: false, error: `internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
  port.postMessage({ index: job.index, outcome });
});
