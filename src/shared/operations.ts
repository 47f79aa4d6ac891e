/**
 * Operation names only, free of zod and of anything else heavy, so that the sandboxed preload can
 * build `window.chapterdesk` from them without bundling the schemas.
 */
export const OPERATIONS = [
  'chapter.get',
  'chapter.setup',
  'membershipTypes.list',
  'membershipTypes.create',
  'membershipTypes.update',
  'payments.propose',
  'payments.record',
  'payments.list',
  'payments.void',
  'dues.summary',
  'statements.inspect',
  'statements.commit',
  'statements.list',
  'statements.undo',
  'events.list',
  'events.get',
  'events.create',
  'events.update',
  'events.cancel',
  'events.reinstate',
  'events.duplicate',
  'events.register',
  'events.cancelRegistration',
  'events.checkIn',
  'events.undoCheckIn',
  'events.setCompleted',
  'events.convertGuest',
  'events.search',
  'events.report',
  'events.importRegistrations',
  'members.attendance',
  'members.list',
  'members.get',
  'members.create',
  'members.update',
  'members.delete',
  'members.restore',
  'members.history',
  'members.cities',
  'sync.status',
  'sync.now',
  'sync.enroll',
  'conflicts.list',
  'conflicts.restore',
  'conflicts.dismiss',
  'imports.inspect',
  'imports.start',
  'imports.job',
  'imports.cancel',
  'imports.list',
  'imports.undo',
  'members.export',
] as const;
export type OperationName = (typeof OPERATIONS)[number];

export const IPC_CHANNEL = 'chapterdesk:invoke';

export function isOperationName(value: unknown): value is OperationName {
  return typeof value === 'string' && (OPERATIONS as readonly string[]).includes(value);
}
