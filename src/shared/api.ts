import { z } from 'zod';
import {
  backupRestoreInput,
  type BackupFile,
  type BackupList,
  type RecoveryState,
  type RestoreResult,
} from './backup';
import type { DiagnosticsFile } from './diagnostics';
import {
  peerConnectInput,
  peerListenInput,
  type PeerListening,
  type PeerStatus,
  type PeerSyncResult,
} from './sync-peer';
import {
  chapterRetentionInput,
  chapterSetupInput,
  retentionEraseInput,
  type RetentionErased,
  type RetentionList,
  memberCreateInput,
  memberFields,
  memberListInput,
  memberMergeInput,
  syncEnrollInput,
  type Chapter,
  type EmailClashes,
  type MergePreview,
  type Conflict,
  type SyncStatus,
  type HistoryEntry,
  type Member,
  type MemberPage,
  type MembershipType,
  type NumberClashes,
} from './domain';
import {
  customFieldCreateInput,
  customFieldUpdateInput,
  customValuesInput,
  type CustomField,
  type CustomFieldValue,
} from './custom-fields';
import type { EraseResult } from './erasure';
import type { Result } from './errors';
import {
  exportMembersInput,
  importInspectInput,
  importStartInput,
  type ExportedFile,
  type ImportBatchView,
  type ImportUndoView,
  type ImportDraftView,
  type ImportJobView,
} from './imports';
import { chapterUpdateInput } from './chapter-settings';
import type { OperationName } from './operations';
import { networkSettingsInput } from './network';
import {
  syncFileExportInput,
  syncFileImportInput,
  type SyncFileExport,
  type SyncFileImported,
} from './sync-file';
import {
  duesSummaryInput,
  membershipTypeCreateInput,
  membershipTypeRetireInput,
  membershipTypeUpdateInput,
  paymentListInput,
  paymentProposeInput,
  paymentRecordInput,
  paymentVoidInput,
  statementCommitInput,
  statementInspectInput,
  type DuesSummary,
  type PaymentPage,
  type PaymentProposal,
  type PaymentReceipt,
  type StatementBatchView,
  type StatementDraft,
  type StatementResult,
} from './payments';
import {
  attendanceReportInput,
  checkInInput,
  checkInUndoInput,
  completionInput,
  eventCreateInput,
  eventListInput,
  eventSearchInput,
  eventUpdateInput,
  guestConvertInput,
  personInput,
  registrationCancelInput,
  registrationsImportInput,
  type Attendee,
  type AttendanceReport,
  type ChapterEvent,
  type CheckInResult,
  type EventDetail,
  type EventPage,
  type MemberAttendance,
  type RegistrationsImportResult,
} from './events';
import {
  printCalibrationInput,
  printCardsInput,
  printCertificatesInput,
  printDuesInput,
  printLabelsInput,
  printPersonDataInput,
  printReceiptInput,
  printRosterInput,
  printSignInInput,
  type PrinterCalibration,
} from './print/contract';
import type { CertificatesData, DuesListData, ReceiptData, RosterData, SignInData } from './print/documents';
import type { AddressLabelsData } from './print/addressLabels';
import type { CardsData } from './print/cards';
import type { ApplicationFormData } from './print/form';
import type { PersonData } from './person-data';
import { updatesDownloadInput, type UpdateStatus } from './updates';

const none = z.union([z.undefined(), z.null()]).transform(() => undefined);
const byId = z.strictObject({ id: z.uuid() });
const byConflictId = z.strictObject({ id: z.number().int().positive() });
const byJobId = z.strictObject({ jobId: z.uuid() });

/** Every operation once: its input schema and (as a phantom type) its result. */
export const contract = {
  'chapter.get': { input: none, result: null as unknown as Chapter | null },
  'chapter.setup': { input: chapterSetupInput, result: null as unknown as Chapter },
  'chapter.update': { input: chapterUpdateInput, result: null as unknown as Chapter },
  'chapter.history': { input: none, result: null as unknown as HistoryEntry[] },
  'membershipTypes.list': { input: none, result: null as unknown as MembershipType[] },
  'membershipTypes.create': { input: membershipTypeCreateInput, result: null as unknown as MembershipType },
  'membershipTypes.update': { input: membershipTypeUpdateInput, result: null as unknown as MembershipType },
  'membershipTypes.retire': { input: membershipTypeRetireInput, result: null as unknown as MembershipType },
  'payments.propose': { input: paymentProposeInput, result: null as unknown as PaymentProposal },
  'payments.record': { input: paymentRecordInput, result: null as unknown as PaymentReceipt },
  'payments.list': { input: paymentListInput, result: null as unknown as PaymentPage },
  'payments.void': { input: paymentVoidInput, result: null as unknown as PaymentReceipt },
  'dues.summary': { input: duesSummaryInput, result: null as unknown as DuesSummary },
  'statements.inspect': { input: statementInspectInput, result: null as unknown as StatementDraft },
  'statements.commit': { input: statementCommitInput, result: null as unknown as StatementResult },
  'statements.list': { input: none, result: null as unknown as StatementBatchView[] },
  'statements.undo': { input: byId, result: null as unknown as StatementBatchView },
  'events.list': { input: eventListInput, result: null as unknown as EventPage },
  'events.get': { input: byId, result: null as unknown as EventDetail },
  'events.create': { input: eventCreateInput, result: null as unknown as ChapterEvent },
  'events.update': { input: eventUpdateInput, result: null as unknown as ChapterEvent },
  'events.cancel': { input: byId, result: null as unknown as ChapterEvent },
  'events.reinstate': { input: byId, result: null as unknown as ChapterEvent },
  'events.duplicate': { input: byId, result: null as unknown as ChapterEvent },
  'events.register': { input: personInput, result: null as unknown as Attendee },
  'events.cancelRegistration': { input: registrationCancelInput, result: null as unknown as Attendee },
  'events.checkIn': { input: checkInInput, result: null as unknown as CheckInResult },
  'events.undoCheckIn': { input: checkInUndoInput, result: null as unknown as CheckInResult },
  'events.setCompleted': { input: completionInput, result: null as unknown as Attendee },
  'events.convertGuest': { input: guestConvertInput, result: null as unknown as Attendee },
  'events.search': { input: eventSearchInput, result: null as unknown as Attendee[] },
  'events.report': { input: attendanceReportInput, result: null as unknown as AttendanceReport },
  /** The id is the guest's registration's. */
  'events.eraseGuest': { input: byId, result: null as unknown as EraseResult },
  'events.importRegistrations': {
    input: registrationsImportInput,
    result: null as unknown as RegistrationsImportResult,
  },
  'members.attendance': { input: byId, result: null as unknown as MemberAttendance[] },
  'print.roster': { input: printRosterInput, result: null as unknown as RosterData },
  'print.signIn': { input: printSignInInput, result: null as unknown as SignInData },
  'print.receipt': { input: printReceiptInput, result: null as unknown as ReceiptData },
  'print.dues': { input: printDuesInput, result: null as unknown as DuesListData },
  'print.certificates': { input: printCertificatesInput, result: null as unknown as CertificatesData },
  'print.labels': { input: printLabelsInput, result: null as unknown as AddressLabelsData },
  'print.cards': { input: printCardsInput, result: null as unknown as CardsData },
  'print.form': { input: none, result: null as unknown as ApplicationFormData },
  'print.calibrations': { input: none, result: null as unknown as PrinterCalibration[] },
  'print.saveCalibration': { input: printCalibrationInput, result: null as unknown as PrinterCalibration },
  'members.list': { input: memberListInput, result: null as unknown as MemberPage },
  'members.get': { input: byId, result: null as unknown as Member },
  'members.create': { input: memberCreateInput, result: null as unknown as Member },
  'members.update': {
    // Custom fields beside the patch: only the fields given change, as in the patch.
    input: z.strictObject({ id: z.uuid(), patch: memberFields, customFields: customValuesInput.optional() }),
    result: null as unknown as Member,
  },
  'members.delete': { input: byId, result: null as unknown as Member },
  'members.restore': { input: byId, result: null as unknown as Member },
  'members.history': { input: byId, result: null as unknown as HistoryEntry[] },
  'members.cities': { input: none, result: null as unknown as string[] },
  'members.numberClashes': { input: none, result: null as unknown as NumberClashes },
  'members.renumber': { input: byId, result: null as unknown as Member },
  'members.erase': { input: byId, result: null as unknown as EraseResult },
  'members.emailClashes': { input: none, result: null as unknown as EmailClashes },
  'members.mergePreview': { input: memberMergeInput, result: null as unknown as MergePreview },
  'members.merge': { input: memberMergeInput, result: null as unknown as Member },
  'sync.status': { input: none, result: null as unknown as SyncStatus },
  'sync.now': { input: none, result: null as unknown as SyncStatus },
  'sync.enroll': { input: syncEnrollInput, result: null as unknown as SyncStatus },
  'sync.exportFile': { input: syncFileExportInput, result: null as unknown as SyncFileExport },
  'sync.importFile': { input: syncFileImportInput, result: null as unknown as SyncFileImported },
  'sync.peerListen': { input: peerListenInput, result: null as unknown as PeerListening },
  'sync.peerStatus': { input: none, result: null as unknown as PeerStatus },
  'sync.peerCancel': { input: none, result: null as unknown as PeerStatus },
  'sync.peerConnect': { input: peerConnectInput, result: null as unknown as PeerSyncResult },
  'sync.setNetwork': { input: networkSettingsInput, result: null as unknown as SyncStatus },
  'conflicts.list': { input: none, result: null as unknown as Conflict[] },
  'conflicts.restore': { input: byConflictId, result: null as unknown as Conflict[] },
  'conflicts.dismiss': { input: byConflictId, result: null as unknown as Conflict[] },
  'imports.inspect': { input: importInspectInput, result: null as unknown as ImportDraftView },
  'imports.start': { input: importStartInput, result: null as unknown as { jobId: string } },
  'imports.job': { input: byJobId, result: null as unknown as ImportJobView },
  'imports.cancel': { input: byJobId, result: null as unknown as ImportJobView },
  'imports.list': { input: none, result: null as unknown as ImportBatchView[] },
  'imports.undo': { input: byId, result: null as unknown as ImportUndoView },
  'members.export': { input: exportMembersInput, result: null as unknown as ExportedFile },
  'members.exportPerson': { input: byId, result: null as unknown as ExportedFile },
  'print.personData': { input: printPersonDataInput, result: null as unknown as PersonData },
  'chapter.setRetention': { input: chapterRetentionInput, result: null as unknown as Chapter },
  'members.retention': { input: none, result: null as unknown as RetentionList },
  'members.eraseLapsed': { input: retentionEraseInput, result: null as unknown as RetentionErased },
  'backup.list': { input: none, result: null as unknown as BackupList },
  'backup.export': { input: none, result: null as unknown as BackupFile },
  'backup.restore': { input: backupRestoreInput, result: null as unknown as RestoreResult },
  'backup.recovery': { input: none, result: null as unknown as RecoveryState },
  'updates.status': { input: none, result: null as unknown as UpdateStatus },
  'updates.check': { input: none, result: null as unknown as UpdateStatus },
  'updates.download': { input: updatesDownloadInput, result: null as unknown as UpdateStatus },
  'updates.restart': { input: none, result: null as unknown as UpdateStatus },
  'diagnostics.export': { input: none, result: null as unknown as DiagnosticsFile },
  'customFields.list': { input: none, result: null as unknown as CustomField[] },
  'customFields.create': { input: customFieldCreateInput, result: null as unknown as CustomField },
  'customFields.update': { input: customFieldUpdateInput, result: null as unknown as CustomField },
  'members.fieldValues': { input: byId, result: null as unknown as CustomFieldValue[] },
} satisfies Record<OperationName, { input: z.ZodType; result: unknown }>;

export type Contract = typeof contract;
export type OperationInput<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends OperationName> = z.output<Contract[K]['input']>;
export type OperationResult<K extends OperationName> = Contract[K]['result'];

type InputArgs<K extends OperationName> =
  undefined extends OperationInput<K> ? [input?: OperationInput<K>] : [input: OperationInput<K>];

/** The shape of `window.chapterdesk` and of the HTTP client in browser mode. */
export type ChapterDeskApi = {
  [K in OperationName]: (...args: InputArgs<K>) => Promise<Result<OperationResult<K>>>;
};
