import './dues.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/domain';
import type { Payment, PaymentPage, PaymentReceipt } from '../../../shared/payments';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { PaymentTable } from './PaymentTable';
import { VoidPaymentDialog } from './VoidPaymentDialog';

interface MemberPaymentsProps {
  member: Member;
  dataVersion: number;
  onRecord: () => void;
  onVoided: (receipt: PaymentReceipt) => void;
}

const LIMIT = 500;

export function MemberPayments({ member, dataVersion, onRecord, onVoided }: MemberPaymentsProps) {
  const { t } = useTranslation();
  const [page, setPage] = useState<PaymentPage | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [voiding, setVoiding] = useState<Payment | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** Set by a void: the Void button that had the focus goes when the list comes back. */
  const focusHeading = useRef(false);

  useEffect(() => {
    if (!focusHeading.current || page === null) return;
    focusHeading.current = false;
    const focused = document.activeElement;
    if (!focused || focused === document.body || !focused.isConnected) headingRef.current?.focus();
  }, [page]);

  useEffect(() => {
    let current = true;
    api.call('payments.list', { memberId: member.id, limit: LIMIT }).then(
      (found) => {
        if (!current) return;
        setPage(found);
        setLoadError(null);
      },
      (error: unknown) => {
        if (current) setLoadError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [member.id, dataVersion, attempt]);

  let body;
  if (page === null) {
    body = loadError === null && <p className="muted">{t('app.loading')}</p>;
  } else if (page.rows.length === 0) {
    body = <p className="muted">{t('payments.none')}</p>;
  } else {
    body = (
      <>
        <PaymentTable payments={page.rows} label={t('payments.title')} onVoid={setVoiding} />
        {page.total > page.rows.length && (
          <p className="muted">{t('payments.more', { count: page.total - page.rows.length })}</p>
        )}
      </>
    );
  }

  return (
    <section aria-labelledby="payments-title" className="card stack">
      <div className="section-heading">
        <h2 id="payments-title" ref={headingRef} tabIndex={-1}>
          {t('payments.title')}
        </h2>
        {/* A deleted member is restored before anything new is recorded for them. */}
        {!member.deleted && (
          <button type="button" className="button button--small" onClick={onRecord}>
            {t('payments.record')}
          </button>
        )}
      </div>
      {loadError !== null && <ErrorBanner error={loadError} onRetry={() => setAttempt((n) => n + 1)} />}
      {body}
      {voiding && (
        <VoidPaymentDialog
          payment={voiding}
          returnFocus={() => headingRef.current}
          onClose={() => setVoiding(null)}
          onVoided={(receipt) => {
            setVoiding(null);
            focusHeading.current = true;
            onVoided(receipt);
          }}
        />
      )}
    </section>
  );
}
