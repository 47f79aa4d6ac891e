import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter, HistoryEntry, Member, MembershipType } from '../../../shared/domain';
import { api } from '../api/client';
import { DeleteMemberDialog } from '../components/DeleteMemberDialog';
import { CustomFieldValues } from '../components/CustomFieldValues';
import { ErrorBanner } from '../components/ErrorBanner';
import { MemberDetails } from '../components/MemberDetails';
import { MemberFormDialog } from '../components/MemberFormDialog';
import { MemberHistory } from '../components/MemberHistory';
import { memberName } from '../components/memberName';
import { StatusBadge } from '../components/StatusBadge';
import { MemberPayments } from '../dues/MemberPayments';
import { MemberAttendance } from '../events/MemberAttendance';
import { useFormat } from '../i18n/useFormat';
import { DeletedBadge } from '../privacy/DeletedBadge';
import { PersonDataActions } from '../privacy/PersonDataActions';
import type { PaymentReceipt } from '../../../shared/payments';

interface MemberScreenProps {
  id: string;
  chapter: Chapter;
  types: MembershipType[];
  dataVersion: number;
  onBack: () => void;
  onChanged: () => void;
  onDeleted: (member: Member) => void;
  /** The member was erased for good: there is no page to come back to. */
  onErased: (name: string) => void;
  onRecordPayment: (memberId: string) => void;
  onPaymentVoided: (receipt: PaymentReceipt) => void;
  onOpenEvent?: (id: string) => void;
}

interface Loaded {
  member: Member;
  history: HistoryEntry[];
}

export function MemberScreen({
  id,
  chapter,
  types,
  dataVersion,
  onBack,
  onChanged,
  onDeleted,
  onErased,
  onRecordPayment,
  onPaymentVoided,
  onOpenEvent,
}: MemberScreenProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [editing, setEditing] = useState(false);
  /** The "Delete …?" confirmation is open. */
  const [deleting, setDeleting] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    Promise.all([api.call('members.get', { id }), api.call('members.history', { id })]).then(
      ([member, history]) => {
        if (!current) return;
        setLoaded({ member, history });
        setLoadError(null);
      },
      (error: unknown) => {
        if (current) setLoadError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [id, dataVersion, attempt]);

  // Moving focus to the heading tells keyboard and screen-reader users that the page changed.
  const shownId = loaded?.member.id;
  useEffect(() => {
    if (shownId) headingRef.current?.focus();
  }, [shownId]);

  const restore = async (member: Member) => {
    setRestoring(true);
    setActionError(null);
    try {
      const restored = await api.call('members.restore', { id: member.id });
      setLoaded((current) => current && { ...current, member: restored });
      onChanged();
    } catch (error) {
      setActionError(error);
    } finally {
      setRestoring(false);
    }
  };

  const back = (
    <button type="button" className="button button--quiet back-link" onClick={onBack}>
      <span aria-hidden className="back-link__arrow">
        ←
      </span>
      {t('member.back')}
    </button>
  );

  if (!loaded) {
    return (
      <main className="page page--narrow">
        {back}
        {loadError !== null ? (
          <ErrorBanner error={loadError} onRetry={() => setAttempt((n) => n + 1)} />
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </main>
    );
  }

  const { member, history } = loaded;
  const name = memberName(member) || t('members.unnamed');
  return (
    <main className="page page--narrow page--member">
      {back}
      <div className="page__heading">
        <h1 ref={headingRef} tabIndex={-1}>
          {name}
        </h1>
        <p className="member-standing" data-testid="member-standing">
          <StatusBadge status={member.status} />
          {member.deleted && <DeletedBadge />}
          <span>
            {member.paidThrough
              ? t('payments.standing.paidThrough', { date: format.date(member.paidThrough) })
              : member.status === 'never-paid'
                ? t('payments.standing.never')
                : null}
          </span>
        </p>
        <div className="page__heading-action button-row">
          {member.deleted ? (
            <button
              type="button"
              className="button button--primary"
              disabled={restoring}
              onClick={() => void restore(member)}
            >
              {restoring ? t('privacy.restoring') : t('privacy.restore')}
            </button>
          ) : (
            <>
              <button
                type="button"
                className="button button--primary"
                onClick={() => onRecordPayment(member.id)}
              >
                {t('payments.record')}
              </button>
              <button type="button" className="button" onClick={() => setEditing(true)}>
                {t('member.edit')}
              </button>
            </>
          )}
          <PersonDataActions member={member} name={name} onError={setActionError} />
          {!member.deleted && (
            <button type="button" className="button button--danger" onClick={() => setDeleting(true)}>
              {t('member.delete')}
            </button>
          )}
        </div>
      </div>
      {member.deleted && (
        <p className="deleted-notice" role="status" data-testid="deleted-notice">
          {t('privacy.deletedMember')}
        </p>
      )}
      {loadError !== null && <ErrorBanner error={loadError} onRetry={() => setAttempt((n) => n + 1)} />}
      {actionError !== null && <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />}
      <section aria-labelledby="details-title" className="card">
        <h2 id="details-title">{t('member.details')}</h2>
        <MemberDetails member={member} chapterCountry={chapter.country} onErased={onErased} />
      </section>
      <CustomFieldValues memberId={member.id} dataVersion={dataVersion} />
      <MemberPayments
        member={member}
        dataVersion={dataVersion}
        onRecord={() => onRecordPayment(member.id)}
        onVoided={onPaymentVoided}
      />
      <MemberAttendance
        memberId={member.id}
        timeZone={chapter.timeZone}
        dataVersion={dataVersion}
        onOpenEvent={onOpenEvent}
      />
      <section aria-labelledby="history-title" className="card">
        <h2 id="history-title">{t('member.history')}</h2>
        <MemberHistory entries={history} types={types} />
      </section>
      {deleting && !member.deleted && (
        <DeleteMemberDialog
          member={member}
          name={name}
          onClose={() => setDeleting(false)}
          onDeleted={onDeleted}
        />
      )}
      {editing && (
        <MemberFormDialog
          member={member}
          types={types}
          chapterCountry={chapter.country}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setLoaded((current) => current && { ...current, member: saved });
            onChanged();
          }}
        />
      )}
    </main>
  );
}
