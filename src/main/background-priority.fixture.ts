/** A thread that lowers itself with runInBackground() and reports its own nice value (test only). */
import { parentPort } from 'node:worker_threads';
import { runInBackground } from './background-priority';
import { threadNice } from './background-priority.test-support';

const lowered = runInBackground();
parentPort!.postMessage({ lowered, nice: threadNice() });
