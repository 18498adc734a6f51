// A worker thread of `staffwork check`: reads, checks (and with --fix rewrites) one file per
// message, so no thread ever holds more than the files it is working on.
import { parentPort, workerData } from 'node:worker_threads';
import { safeCheckFile, type CheckSetup, type Job } from './check-file.ts';

const setup = workerData as CheckSetup;
const port = parentPort;
if (!port) throw new Error('check-worker.js runs as a worker thread of `staffwork check`');

port.on('message', (job: Job) => port.postMessage({ index: job.index, outcome: safeCheckFile(job, setup) }));
