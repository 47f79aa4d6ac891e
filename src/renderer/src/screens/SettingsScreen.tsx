import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter, MembershipType, SyncStatus } from '../../../shared/domain';
import { ChapterSettingsSection } from '../chapter/ChapterSettingsSection';
import { ConnectForm } from '../components/ConnectForm';
import { CustomFieldsSection } from '../customFields/CustomFieldsSection';
import { SyncDetails } from '../components/SyncDetails';
import { MembershipTypesSection, type TypeChange } from '../dues/MembershipTypesSection';
import { describeSync } from '../sync/describeSync';
import { RetentionSection } from '../privacy/RetentionSection';
import { BackupSection } from '../backup/BackupSection';
import { UpdatesSection } from '../updates/UpdatesSection';
import { DiagnosticsSection } from '../diagnostics/DiagnosticsSection';
import { NearbyLaptopSection } from '../sync/NearbyLaptopSection';
import { NetworkSection } from '../sync/NetworkSection';
import { SyncFileSection } from '../sync/SyncFileSection';

interface SettingsScreenProps {
  chapter: Chapter;
  types: MembershipType[];
  onTypeSaved: (type: MembershipType, change: TypeChange) => void;
  status: SyncStatus | null;
  failed: boolean;
  onEnrolled: (status: SyncStatus) => void;
  onSyncNow: () => Promise<void>;
  onOpenConflicts: () => void;
  /** Members erased from the retention list: the lists and counts elsewhere change. */
  onMembersErased: () => void;
  /** The chapter's settings were saved: its name, currency, country… show everywhere. */
  onChapterSaved: (chapter: Chapter) => void;
  /** A backup was restored: everything shown is read again. */
  onRestored: () => void;
  /** A sync file was loaded: lists, counts and the sync status are read again. */
  onSyncFileLoaded: () => void;
}

export function SettingsScreen({
  chapter,
  types,
  onTypeSaved,
  status,
  failed,
  onEnrolled,
  onSyncNow,
  onOpenConflicts,
  onMembersErased,
  onChapterSaved,
  onRestored,
  onSyncFileLoaded,
}: SettingsScreenProps) {
  const { t } = useTranslation();
  /**
   * Set when an enrolled laptop connects again (a new server, a revoked access). A revoked laptop
   * arrives here from the indicator's "Connect with a new code", so the form is open already.
   */
  const [reconnecting, setReconnecting] = useState(
    () => status !== null && describeSync(status).needsNewCode,
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const syncFilesRef = useRef<HTMLDivElement>(null);
  const enrolled = status !== null && status.state !== 'not-enrolled';
  const showForm = status !== null && (!enrolled || reconnecting);

  const enrolledNow = (next: SyncStatus) => {
    setReconnecting(false);
    onEnrolled(next);
    // The form the focus was in is gone; the heading over the new status is where to carry on.
    headingRef.current?.focus();
  };

  let body;
  if (status === null) {
    body = <p className="muted">{failed ? t('sync.unavailable') : t('app.loading')}</p>;
  } else if (showForm) {
    body = (
      <>
        <p className="muted">{t('settings.connectIntro')}</p>
        <ConnectForm
          idPrefix="connect"
          askName={false}
          initialServerUrl={status.serverUrl ?? ''}
          submitLabel={t('settings.connect')}
          busyLabel={t('settings.connecting')}
          onEnrolled={enrolledNow}
          extraActions={
            reconnecting && (
              <button type="button" className="button" onClick={() => setReconnecting(false)}>
                {t('common.cancel')}
              </button>
            )
          }
        />
      </>
    );
  } else {
    body = (
      <SyncDetails
        status={status}
        onSyncNow={onSyncNow}
        onNewCode={() => setReconnecting(true)}
        onOpenConflicts={onOpenConflicts}
      />
    );
  }

  return (
    <main className="page page--narrow">
      <h1>{t('settings.title')}</h1>
      <ChapterSettingsSection chapter={chapter} onSaved={onChapterSaved} />
      <section aria-labelledby="sync-settings-title" className="card stack">
        <h2 id="sync-settings-title" ref={headingRef} tabIndex={-1}>
          {showForm ? t('settings.connectTitle') : t('settings.sync')}
        </h2>
        {body}
        {/* With no server in reach, files carry the changes: said where the sync status is. */}
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() => syncFilesRef.current?.querySelector('h2')?.focus()}
          >
            {t('syncFiles.goTo')}
          </button>
        </p>
      </section>
      <div ref={syncFilesRef}>
        <SyncFileSection onChanged={onSyncFileLoaded} />
      </div>
      <NearbyLaptopSection onChanged={onSyncFileLoaded} />
      {status && <NetworkSection status={status} onSaved={onEnrolled} />}
      <MembershipTypesSection chapter={chapter} types={types} onSaved={onTypeSaved} />
      <CustomFieldsSection />
      <RetentionSection onErased={onMembersErased} />
      <BackupSection onRestored={onRestored} />
      <UpdatesSection sync={status} onNetworkSaved={onEnrolled} />
      <DiagnosticsSection />
    </main>
  );
}
