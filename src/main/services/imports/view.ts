import type { ImportJobView } from '../../../shared/imports';
import type { ImportJobState } from './jobs';

/** A job as the renderer sees it: the rejects file travels as base64 inside the JSON. */
export function jobView(job: ImportJobState): ImportJobView {
  if (job.state !== 'done') return job;
  const { result } = job;
  return {
    state: 'done',
    result: {
      ...result.outcome,
      dateOrders: result.dateOrders,
      rejectsCsv: result.rejectsCsv ? Buffer.from(result.rejectsCsv).toString('base64') : null,
      dryRun: result.dryRun,
    },
  };
}
