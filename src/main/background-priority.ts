import { getPriority, platform, setPriority } from 'node:os';

/** Ten steps below the thread that started this one: about a tenth of its share of a busy processor. */
const STEPS_BELOW = 10;
/** The lowest priority a nice value can say. */
const LOWEST = 19;

/**
 * Lowers the calling thread to background priority, so that long work on it (an import saving
 * 100,000 rows) leaves the processor to the threads a person is waiting on (the data thread
 * answering the Members screen) whenever both want it. Linux keeps a nice value per thread, so
 * only this thread slows; elsewhere the call would lower the whole app's process, so it does
 * nothing there. Returns whether the priority was lowered.
 */
export function runInBackground(): boolean {
  if (platform() !== 'linux') return false;
  setPriority(Math.min(LOWEST, getPriority() + STEPS_BELOW));
  return true;
}
