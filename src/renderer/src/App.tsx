import i18n from 'i18next';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter, Member, MembershipType } from '../../shared/domain';
import type { PaymentReceipt } from '../../shared/payments';
import { api } from './api/client';
import { toApiError } from './api/ApiError';
import { AppHeader } from './components/AppHeader';
import { ErrorBanner } from './components/ErrorBanner';
import { ErrorBoundary } from './components/ErrorBoundary';
import { MainNav, type Section } from './components/MainNav';
import { memberName } from './components/memberName';
import { SyncIndicator } from './components/SyncIndicator';
import { Toast, type ToastMessage } from './components/Toast';
import { UpdateNotice } from './updates/UpdateNotice';
import type { TypeChange } from './dues/MembershipTypesSection';
import { isRecordPaymentShortcut, RECORD_PAYMENT_KEYS } from './dues/shortcut';
import { isEventView, type EventView } from './events/eventView';
import { chosenLanguage, isLanguage } from './i18n/languages';
import { useFormat } from './i18n/useFormat';
import { INITIAL_LIST_STATE, type MemberListState } from './screens/memberListState';
import { MembersScreen } from './screens/MembersScreen';
import {
  ConflictsScreen,
  DuesScreen,
  EventsRoute,
  ImportScreen,
  MemberScreen,
  RecordPaymentDialog,
  RecoveryScreen,
  SettingsScreen,
  SetupScreen,
} from './screens/lazyScreens';
import { startupChapter } from './startup';
import { useSyncStatus } from './sync/useSyncStatus';

/** `focusList`: the members list takes the focus when it opens (after a member's page went away). */
type View = { name: Section; focusList?: boolean } | { name: 'member'; id: string } | EventView;

const UNDO_WINDOW_MS = 10_000;
const NOTICE_MS = 4_000;
/** Long enough to read a receipt number aloud to the member standing at the desk. */
const RECEIPT_MS = 12_000;

export function App() {
  const { t } = useTranslation();
  const format = useFormat();
  /** Undefined while loading; null when this database has no chapter yet. */
  const [chapter, setChapter] = useState<Chapter | null | undefined>(undefined);
  const [chapterError, setChapterError] = useState<unknown>(null);
  const [chapterAttempt, setChapterAttempt] = useState(0);
  const [types, setTypes] = useState<MembershipType[]>([]);
  const [view, setView] = useState<View>({ name: 'members' });
  const [listState, setListState] = useState<MemberListState>(INITIAL_LIST_STATE);
  const [listScrollOffset, setListScrollOffset] = useState(0);
  /** Bumped after every write, so whatever is on screen re-reads what it shows. */
  const [dataVersion, setDataVersion] = useState(0);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** The Record payment dialog, with the member it was opened for (null: to be searched). */
  const [recording, setRecording] = useState<{ memberId: string | null } | null>(null);
  const [typesVersion, setTypesVersion] = useState(0);
  const sync = useSyncStatus();
  const { refresh: refreshSync } = sync;
  /** A finished sync may have brought other laptops' changes, so it counts as a write too. */
  const shownVersion = dataVersion + sync.rounds;

  useEffect(() => {
    let current = true;
    // The first read was asked for before React started (startup.ts); a retry or a restore asks again.
    (chapterAttempt === 0 ? startupChapter() : api.call('chapter.get')).then(
      (found) => {
        if (!current) return;
        // The chapter's language is the default; a choice made on this laptop wins.
        if (found && isLanguage(found.locale) && !chosenLanguage()) void i18n.changeLanguage(found.locale);
        setChapter(found);
        setChapterError(null);
      },
      (failure: unknown) => {
        if (current) setChapterError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [chapterAttempt]);

  const chapterId = chapter?.id;
  // Re-read after syncs too: a laptop that joined a chapter gets its types with the first ones.
  const syncRounds = sync.rounds;
  useEffect(() => {
    if (!chapterId) return;
    let current = true;
    api.call('membershipTypes.list').then(
      (found) => {
        if (current) setTypes(found);
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [chapterId, syncRounds, typesVersion]);

  useEffect(() => {
    document.title = chapter ? `${chapter.name} · ${t('app.name')}` : t('app.name');
  }, [chapter, t]);

  const showToast = useCallback((text: string, durationMs: number, action?: ToastMessage['action']) => {
    setToast((previous) => ({ id: (previous?.id ?? 0) + 1, text, durationMs, action }));
  }, []);
  const dismissToast = useCallback(() => setToast(null), []);
  /** After every local write: screens re-read, and the pending count follows at once. */
  const changed = useCallback(() => {
    setDataVersion((version) => version + 1);
    refreshSync();
  }, [refreshSync]);

  // The shortcut works on every screen once there is a chapter, but never over another dialog.
  const viewedMember = view.name === 'member' ? view.id : null;
  useEffect(() => {
    if (!chapterId) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isRecordPaymentShortcut(event) || event.repeat) return;
      event.preventDefault();
      if (document.querySelector('dialog[open]')) return;
      setRecording({ memberId: viewedMember });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [chapterId, viewedMember]);

  const statusText = (receipt: Pick<PaymentReceipt, 'status' | 'paidThrough'>) =>
    receipt.paidThrough && receipt.status !== 'never-paid'
      ? t('payments.nowStatusThrough', {
          status: t(`status.${receipt.status}`),
          date: format.date(receipt.paidThrough),
        })
      : t('payments.nowStatus', { status: t(`status.${receipt.status}`) });

  const onPaymentRecorded = (receipt: PaymentReceipt) => {
    setRecording(null);
    changed();
    showToast(
      t('payments.recorded', {
        receipt: receipt.receiptNumber,
        name: receipt.memberName || t('members.unnamed'),
        standing: statusText(receipt),
      }),
      RECEIPT_MS,
      view.name === 'member' && view.id === receipt.memberId
        ? undefined
        : {
            label: t('payments.openMember'),
            testId: 'open-paid-member',
            run: () => setView({ name: 'member', id: receipt.memberId }),
          },
    );
  };

  const onPaymentVoided = (receipt: PaymentReceipt) => {
    changed();
    showToast(
      t('payments.voidedToast', {
        receipt: receipt.receiptNumber,
        name: receipt.memberName || t('members.unnamed'),
        standing: statusText(receipt),
      }),
      RECEIPT_MS,
    );
  };

  const openMembers = (change: Partial<MemberListState>) => {
    setListState({ ...INITIAL_LIST_STATE, ...change });
    setListScrollOffset(0);
    setView({ name: 'members' });
  };

  const undoDelete = async (id: string, name: string) => {
    try {
      await api.call('members.restore', { id });
      changed();
      showToast(t('members.restored', { name }), NOTICE_MS);
    } catch (failure) {
      setError(failure);
    }
  };

  const onDeleted = (member: Member) => {
    const name = memberName(member) || t('members.unnamed');
    // The page of the deleted member is gone: the keyboard carries on from the list it was opened from.
    setView({ name: 'members', focusList: true });
    changed();
    showToast(t('members.deleted', { name }), UNDO_WINDOW_MS, {
      label: t('members.undo'),
      testId: 'undo',
      run: () => void undoDelete(member.id, name),
    });
  };

  /** A type added, saved, retired or brought back: lists of types everywhere read them again. */
  const typeSaved = (type: MembershipType, change: TypeChange) => {
    setTypesVersion((n) => n + 1);
    changed();
    showToast(t(`types.${change}`, { name: type.name }), NOTICE_MS);
  };

  /** A backup was put in place of the chapter file: the chapter, its types and every screen are read again. */
  const restored = () => {
    setChapterError(null);
    setChapterAttempt((n) => n + 1);
    setTypesVersion((n) => n + 1);
    changed();
  };

  const content = () => {
    if (chapter === undefined && toApiError(chapterError).code === 'DB_DAMAGED') {
      return <RecoveryScreen onRestored={restored} />;
    }
    if (chapter === undefined) {
      return (
        <main className="page page--narrow">
          {chapterError !== null ? (
            <ErrorBanner error={chapterError} onRetry={() => setChapterAttempt((n) => n + 1)} />
          ) : (
            <p className="muted">{t('app.loading')}</p>
          )}
        </main>
      );
    }
    if (chapter === null) {
      return <SetupScreen syncStatus={sync.status} onDone={setChapter} onEnrolled={sync.apply} />;
    }
    if (view.name === 'settings') {
      return (
        <SettingsScreen
          chapter={chapter}
          types={types}
          onTypeSaved={typeSaved}
          status={sync.status}
          failed={sync.failed}
          onEnrolled={sync.apply}
          onSyncNow={sync.syncNow}
          onOpenConflicts={() => setView({ name: 'conflicts' })}
          onMembersErased={changed}
          onChapterSaved={(saved) => {
            setChapter(saved);
            changed();
          }}
          onRestored={restored}
          onSyncFileLoaded={changed}
        />
      );
    }
    if (view.name === 'dues') {
      return (
        <DuesScreen
          dataVersion={shownVersion}
          onChanged={changed}
          onOpenMembers={openMembers}
          onOpenMember={(id) => setView({ name: 'member', id })}
        />
      );
    }
    if (view.name === 'events' || isEventView(view)) {
      return (
        <EventsRoute
          view={isEventView(view) ? view : { name: 'events' }}
          chapter={chapter}
          dataVersion={shownVersion}
          onChanged={changed}
          onNavigate={setView}
          onOpenMember={(id) => setView({ name: 'member', id })}
          onNotice={(text) => showToast(text, NOTICE_MS)}
        />
      );
    }
    if (view.name === 'import') {
      return (
        <ImportScreen
          chapter={chapter}
          types={types}
          onTypeSaved={typeSaved}
          dataVersion={shownVersion}
          onChanged={changed}
          onOpenMembers={() => setView({ name: 'members' })}
        />
      );
    }
    if (view.name === 'conflicts') {
      return (
        <ConflictsScreen
          types={types}
          openConflicts={sync.status?.openConflicts ?? 0}
          dataVersion={shownVersion}
          onOpenMember={(id) => setView({ name: 'member', id })}
          onResolved={(resolution) => {
            changed();
            showToast(t(`conflicts.${resolution}`), NOTICE_MS);
          }}
        />
      );
    }
    if (view.name === 'member') {
      return (
        <MemberScreen
          key={view.id}
          id={view.id}
          chapter={chapter}
          types={types}
          dataVersion={shownVersion}
          onBack={() => setView({ name: 'members' })}
          onChanged={changed}
          onDeleted={onDeleted}
          onErased={(name) => {
            setView({ name: 'members' });
            changed();
            showToast(t('members.erased', { name }), NOTICE_MS);
          }}
          onRecordPayment={(memberId) => setRecording({ memberId })}
          onPaymentVoided={onPaymentVoided}
          onOpenEvent={(eventId) => setView({ name: 'event', id: eventId })}
        />
      );
    }
    return (
      <MembersScreen
        chapter={chapter}
        types={types}
        listState={listState}
        onListStateChange={(change) => {
          setListState((current) => ({ ...current, ...change }));
          setListScrollOffset(0);
        }}
        initialScrollOffset={listScrollOffset}
        focusOnOpen={view.name === 'members' && view.focusList === true}
        dataVersion={shownVersion}
        onOpenMember={(id, scrollOffset) => {
          setListScrollOffset(scrollOffset);
          setView({ name: 'member', id });
        }}
        onMemberAdded={(member) => {
          changed();
          showToast(t('members.added', { name: memberName(member) || t('members.unnamed') }), NOTICE_MS);
        }}
        onRenumbered={(member) => {
          changed();
          showToast(
            t('clashes.renumbered', {
              name: memberName(member) || t('members.unnamed'),
              number: member.memberNumber ?? '',
            }),
            NOTICE_MS,
          );
        }}
        onMerged={(member) => {
          changed();
          showToast(
            t('emailClashes.merged', { name: memberName(member) || t('members.unnamed') }),
            NOTICE_MS,
          );
        }}
      />
    );
  };

  return (
    <div className="app">
      <AppHeader
        chapterName={chapter?.name}
        nav={
          chapter && (
            <MainNav
              current={view.name === 'member' ? 'members' : isEventView(view) ? 'events' : view.name}
              openConflicts={sync.status?.openConflicts ?? 0}
              onNavigate={(section) => setView({ name: section })}
            />
          )
        }
        actions={
          chapter && (
            <button
              type="button"
              className="button button--small app-header__record"
              aria-keyshortcuts={RECORD_PAYMENT_KEYS}
              title={t('payments.shortcutTitle', { keys: RECORD_PAYMENT_KEYS })}
              onClick={() => setRecording({ memberId: viewedMember })}
            >
              {t('payments.record')}
              <kbd className="app-header__kbd" aria-hidden="true">
                {RECORD_PAYMENT_KEYS}
              </kbd>
            </button>
          )
        }
        syncStatus={
          <SyncIndicator
            status={sync.status}
            failed={sync.failed}
            onSyncNow={sync.syncNow}
            onOpenSettings={chapter ? () => setView({ name: 'settings' }) : undefined}
          />
        }
      />
      {error !== null && (
        <div className="app__banner">
          <ErrorBanner error={error} onDismiss={() => setError(null)} />
        </div>
      )}
      <ErrorBoundary key={view.name === 'member' ? view.id : view.name}>
        <Suspense fallback={<p className="page muted">{t('app.loading')}</p>}>{content()}</Suspense>
      </ErrorBoundary>
      {chapter && recording && (
        <Suspense fallback={null}>
          <RecordPaymentDialog
            chapter={chapter}
            types={types}
            memberId={recording.memberId}
            onClose={() => setRecording(null)}
            onRecorded={onPaymentRecorded}
          />
        </Suspense>
      )}
      <div role="status" className="toast-region">
        {toast && <Toast toast={toast} onDismiss={dismissToast} />}
        <UpdateNotice />
      </div>
    </div>
  );
}
