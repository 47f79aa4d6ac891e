import type { OperationResult, ParsedInput } from '../../shared/api';
import type { OperationName } from '../../shared/operations';
import { databaseFile, type Db } from '../db/open';
import type { RestoreResult } from '../../shared/backup';
import { AppError } from '../../shared/errors';
import { createBackupService } from '../services/backup/service';
import { collectDiagnostics } from '../services/diagnostics/export';
import { getChapter, requireChapter, setRetention, setupChapter } from '../services/chapter/chapter';
import {
  createMembershipType,
  listMembershipTypes,
  retireMembershipType,
  updateMembershipType,
} from '../services/types/membership-types';
import { listPayments, proposePayment, recordPayment, voidPayment } from '../services/payments/payments';
import { duesSummary } from '../services/payments/summary';
import {
  createEvent,
  duplicateEvent,
  listEvents,
  setEventCancelled,
  updateEvent,
} from '../services/events/events';
import {
  attendanceReport,
  cancelRegistration,
  checkIn,
  convertGuest,
  eventDetail,
  memberAttendance,
  register,
  searchForCheckIn,
  setCompleted,
  undoCheckIn,
} from '../services/events/attendance';
import { importRegistrations } from '../services/events/registrations-import';
import {
  addressLabelsData,
  applicationFormData,
  cardsData,
  certificatesData,
  duesListData,
  filterLabel,
  receiptData,
  rosterData,
  signInData,
} from '../services/print/data';
import { listCalibrations, saveCalibration } from '../services/print/calibration';
import { printLanguage } from '../../shared/print/labels';
import { createStatements, listStatementBatches, undoStatementBatch } from '../services/payments/statements';
import { createWriteContexts } from '../services/device/device';
import {
  createMember,
  getMember,
  listCities,
  MEMBER_FIELD_BY_COLUMN,
  memberHistory,
  renumberMember,
  setMemberDeleted,
  updateMember,
} from '../services/members/members';
import { numberClashes } from '../services/members/clashes';
import { emailClashes, mergeMembers, previewMerge } from '../services/members/merge';
import {
  dismissConflict,
  listConflicts,
  restoreConflict,
  writeRestoredField,
  type OpenConflict,
} from '../sync/conflicts';
import { createSyncService, type SyncService } from '../sync/service';
import { loadChangesFromFile, saveChangesToFile } from '../sync/file/exchange';
import { createNearbyPeers, type NearbyPeers } from '../sync/peer/nearby';
import { listMembers } from '../services/members/query';
import { exportMembers } from '../services/members/export';
import { chapterHistory, updateChapter } from '../services/chapter/settings';
import { eraseMember, scrubDatabaseFile } from '../services/members/erase';
import { eraseGuest } from '../services/events/erase-guest';
import type { EraseResult } from '../../shared/erasure';
import { exportPerson, personData } from '../services/members/export-person';
import { eraseLapsed, retentionList } from '../services/members/retention';
import { listImports, undoImport } from '../services/imports/batches';
import { createDrafts } from '../services/imports/drafts';
import { createImportJobs } from '../services/imports/jobs';
import { jobView } from '../services/imports/view';
import { createCustomField, listCustomFields, updateCustomField } from '../services/custom-fields/fields';
import { memberFieldValues } from '../services/custom-fields/values';
import { createUpdateController, type UpdateController } from '../updates/controller';

/** Operations that wait on something outside this laptop (only enrolment: the user asked for it). */
type AsyncOperation =
  | 'sync.enroll'
  | 'imports.inspect'
  | 'members.export'
  | 'statements.inspect'
  | 'events.importRegistrations'
  | 'backup.export'
  | 'backup.restore'
  | 'updates.check'
  | 'sync.peerListen'
  | 'sync.peerCancel'
  | 'sync.peerConnect';

export type Handlers = {
  [K in OperationName]: (
    input: ParsedInput<K>,
  ) => K extends AsyncOperation ? Promise<OperationResult<K>> : OperationResult<K>;
};

export interface HandlerOptions {
  now?: () => Date;
  /** Without one (tests, one-shot CLI commands), sync runs only when asked to. */
  sync?: SyncService;
  /** The Electron-ABI build of better-sqlite3, for the import worker's own connection. */
  nativeBinding?: string;
  /**
   * Puts a backup in place of the chapter file. Only the data thread can, as it must close and
   * reopen the file (data-thread/thread.ts); elsewhere the command line's `restore` does it.
   */
  restore?: (input: ParsedInput<'backup.restore'>) => Promise<RestoreResult>;
  /** The app's own updates (the data thread's); without one (CLI, tests) there are none to look for. */
  updates?: UpdateController;
  /** The nearby-laptop sync (the data thread's, which stops its wait when it closes the chapter). */
  peers?: NearbyPeers;
}

/** Where nothing can be updated: every update operation says so. */
function noUpdates(): UpdateController {
  return createUpdateController({
    updater: null,
    currentVersion: '',
    feedUrl: () => null,
    syncing: () => false,
    syncEnded: () => Promise.resolve(),
    metered: () => false,
  });
}

/** Binds every contract operation to its service, for one open chapter database. */
export function createHandlers(db: Db, options: HandlerOptions = {}): Handlers {
  const now = options.now ?? (() => new Date());
  const writeContext = createWriteContexts(db, now);
  const deps = { db, now, writeContext };
  const sync = options.sync ?? createSyncService({ db, now, autoSync: false });
  const updates = options.updates ?? noUpdates();
  const peers = options.peers ?? createNearbyPeers({ db, now });
  /** Every local write nudges sync, which batches them and runs a few seconds later. */
  const written = <T>(value: T): T => {
    sync.localChange();
    return value;
  };
  /** After an erasure has committed, its bytes leave the file and the WAL. */
  const scrubbed = (result: EraseResult): EraseResult => ({ ...result, fileScrubbed: scrubDatabaseFile(db) });
  const drafts = createDrafts();
  const statements = createStatements(deps);
  /** Documents print in the chapter's language unless the caller names one. */
  const chapterLanguage = () => printLanguage(requireChapter(db).locale);
  const imports = createImportJobs(db, now, { nativeBinding: options.nativeBinding });
  /** Backups of the chapter file: none for a database in memory, which has no file to copy. */
  const backups = () => {
    const dbPath = databaseFile(db);
    if (!dbPath) throw new AppError('NOT_FOUND', 'This chapter is in memory: it has no file to back up.');
    return createBackupService({ db, dbPath, now, nativeBinding: options.nativeBinding });
  };
  const restoreField = (conflict: OpenConflict) => {
    const field = MEMBER_FIELD_BY_COLUMN.get(conflict.column);
    if (conflict.table === 'members' && conflict.column === 'deleted') {
      setMemberDeleted(deps, conflict.rowId, conflict.value ? 1 : 0);
    } else if (conflict.table === 'members' && field) {
      updateMember(deps, { id: conflict.rowId, patch: { [field]: conflict.value ?? '' } });
    } else {
      writeRestoredField(writeContext, conflict);
    }
  };
  return {
    'chapter.get': () => getChapter(db),
    'chapter.setup': (input) => written(setupChapter(db, now, writeContext, input)),
    'chapter.update': (input) => written(updateChapter(db, writeContext, input)),
    'chapter.history': () => chapterHistory(db),
    'membershipTypes.list': () => listMembershipTypes(db),
    'membershipTypes.create': (input) => written(createMembershipType(writeContext(), input)),
    'membershipTypes.update': (input) => written(updateMembershipType(writeContext(), input)),
    'membershipTypes.retire': (input) => written(retireMembershipType(writeContext(), input)),
    'payments.propose': (input) => proposePayment(deps, input),
    'payments.record': (input) => written(recordPayment(deps, input)),
    'payments.list': (input) => listPayments(db, input),
    'payments.void': (input) => written(voidPayment(deps, input)),
    'dues.summary': (input) => duesSummary(db, now(), input),
    'statements.inspect': (input) => statements.inspect(input),
    'statements.commit': (input) => written(statements.commit(input)),
    'statements.list': () => listStatementBatches(db),
    'statements.undo': ({ id }) => written(undoStatementBatch(deps, id)),
    'events.list': (input) => listEvents(db, now(), input),
    'events.get': ({ id }) => eventDetail(deps, id),
    'events.create': (input) => written(createEvent(deps, input)),
    'events.update': (input) => written(updateEvent(deps, input)),
    'events.cancel': ({ id }) => written(setEventCancelled(deps, id, true)),
    'events.reinstate': ({ id }) => written(setEventCancelled(deps, id, false)),
    'events.duplicate': ({ id }) => written(duplicateEvent(deps, id)),
    'events.register': (input) => written(register(deps, input)),
    'events.cancelRegistration': ({ eventId, registrationId }) =>
      written(cancelRegistration(deps, eventId, registrationId)),
    'events.checkIn': (input) => {
      const result = checkIn(deps, input);
      return result.already ? result : written(result);
    },
    'events.undoCheckIn': ({ eventId, attendeeId }) => written(undoCheckIn(deps, eventId, attendeeId)),
    'events.setCompleted': ({ eventId, attendeeId, completed }) =>
      written(setCompleted(deps, eventId, attendeeId, completed)),
    'events.convertGuest': ({ eventId, attendeeId }) => written(convertGuest(deps, eventId, attendeeId)),
    'events.search': ({ eventId, query, limit }) => searchForCheckIn(deps, eventId, query, limit),
    'events.report': (input) => attendanceReport(db, input),
    'events.eraseGuest': ({ id }) => written(scrubbed(eraseGuest(deps, id))),
    'events.importRegistrations': async (input) => {
      const result = await importRegistrations(deps, input);
      if (!input.dryRun) sync.localChange();
      return result;
    },
    'members.attendance': ({ id }) => memberAttendance(db, id),
    'print.roster': ({ columns, lang, ...filters }) => {
      const language = lang ?? chapterLanguage();
      const query = { ...filters, offset: 0, limit: 1 };
      return rosterData(db, now(), query, {
        columns: columns ?? ['memberNumber', 'name', 'phone', 'city', 'status', 'paidThrough'],
        lang: language,
        filterLabel: filterLabel(db, query, language),
      });
    },
    'print.signIn': ({ eventId, blankRows, lang }) =>
      signInData(deps, eventId, lang ?? chapterLanguage(), blankRows),
    'print.receipt': ({ paymentId, lang }) => receiptData(db, paymentId, lang ?? chapterLanguage()),
    'print.dues': ({ lang }) => duesListData(db, now(), lang ?? chapterLanguage()),
    'print.certificates': ({ eventId, lang }) => certificatesData(deps, eventId, lang ?? chapterLanguage()),
    'print.labels': ({ lang, ...filters }) =>
      addressLabelsData(db, now(), { ...filters, offset: 0, limit: 1 }, lang ?? chapterLanguage()),
    'print.cards': ({ lang, ...filters }) =>
      cardsData(db, now(), { ...filters, offset: 0, limit: 1 }, lang ?? chapterLanguage()),
    'print.form': () => applicationFormData(db),
    'print.calibrations': () => listCalibrations(db),
    'print.saveCalibration': (input) => saveCalibration(db, now(), input),
    'members.list': (input) => listMembers(db, input, now(), requireChapter(db)),
    'members.get': ({ id }) => getMember(deps, id),
    'members.create': (input) => written(createMember(deps, input)),
    'members.update': (input) => written(updateMember(deps, input)),
    'members.delete': ({ id }) => written(setMemberDeleted(deps, id, 1)),
    'members.restore': ({ id }) => written(setMemberDeleted(deps, id, 0)),
    'members.history': ({ id }) => memberHistory(db, id),
    'members.cities': () => listCities(db),
    'members.numberClashes': () => numberClashes(db, now(), requireChapter(db)),
    'members.renumber': ({ id }) => written(renumberMember(deps, id)),
    'members.erase': ({ id }) => written(scrubbed(eraseMember(deps, id))),
    'members.emailClashes': () => emailClashes(db, now(), requireChapter(db)),
    'members.mergePreview': ({ keepId, otherId }) => previewMerge(deps, keepId, otherId),
    'members.merge': ({ keepId, otherId }) => written(mergeMembers(deps, keepId, otherId)),
    'sync.status': () => sync.status(),
    'sync.now': () => sync.syncNow(),
    'sync.enroll': (input) => sync.enroll(input),
    'sync.exportFile': (input) => saveChangesToFile(db, input, now()),
    'sync.importFile': ({ contentBase64 }) => loadChangesFromFile(db, contentBase64, now),
    'sync.peerListen': (input) => peers.listen(input),
    'sync.peerStatus': () => peers.status(),
    'sync.peerCancel': () => peers.cancel(),
    'sync.peerConnect': ({ address }) => peers.connect(address),
    'sync.setNetwork': (input) => sync.setNetwork(input),
    'conflicts.list': () => listConflicts(db),
    'conflicts.restore': ({ id }) => {
      restoreConflict(db, id, restoreField);
      return written(listConflicts(db));
    },
    'conflicts.dismiss': ({ id }) => {
      dismissConflict(db, id);
      return listConflicts(db);
    },
    'imports.inspect': (input) => drafts.inspect(writeContext(), input),
    'imports.start': ({ draftId, ...options }) => {
      const file = drafts.get(draftId);
      return { jobId: imports.start({ fileName: file.fileName, bytes: file.bytes, ...options }) };
    },
    'imports.job': ({ jobId }) => {
      const job = jobView(imports.get(jobId));
      if (job.state === 'done' && !job.result.dryRun) sync.localChange();
      return job;
    },
    'imports.cancel': ({ jobId }) => jobView(imports.cancel(jobId)),
    'imports.list': () => listImports(db),
    'imports.undo': ({ id }) => written(undoImport(writeContext(), id)),
    'members.export': async ({ format, delimiter, language, ...filters }) =>
      exportMembers(db, now(), { ...filters, offset: 0, limit: Number.MAX_SAFE_INTEGER }, format, {
        delimiter,
        language,
      }),
    'members.exportPerson': ({ id }) => exportPerson(deps, id),
    'print.personData': ({ memberId }) => personData(deps, memberId),
    'chapter.setRetention': ({ years }) => written(setRetention(db, writeContext, years)),
    'members.retention': () => retentionList(deps),
    'members.eraseLapsed': ({ ids }) => written(eraseLapsed(deps, ids)),
    'backup.list': () => backups().list(),
    'backup.export': () => backups().exportCopy(),
    'backup.restore': async (input) => {
      if (!options.restore) {
        throw new AppError('CONFLICT', 'Restore a backup with: chapterdesk restore FILE --db PATH');
      }
      return options.restore(input);
    },
    'backup.recovery': () => ({ damaged: false }),
    'updates.status': () => updates.status(),
    'updates.check': () => updates.check(),
    'updates.download': (input) => updates.download(input),
    'updates.restart': () => updates.restart(),
    'diagnostics.export': () => {
      const dbPath = databaseFile(db);
      if (!dbPath) throw new AppError('NOT_FOUND', 'This chapter is in memory: it has no file or log.');
      return collectDiagnostics({ db, dbPath, now });
    },
    'customFields.list': () => listCustomFields(db),
    'customFields.create': (input) => written(createCustomField(writeContext(), input)),
    'customFields.update': (input) => written(updateCustomField(writeContext(), input)),
    'members.fieldValues': ({ id }) => memberFieldValues(db, id),
  };
}
