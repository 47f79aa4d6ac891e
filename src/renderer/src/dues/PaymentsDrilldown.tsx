import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod, PaymentPage } from '../../../shared/payments';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { PaymentTable } from './PaymentTable';

/** The payments behind one "collected" figure on the Dues screen. */
/** `from`/`to`: the days the figure counted, so the list shows exactly the payments behind it. */
export type PaymentFilter = { currency: string; title: string; from?: string; to?: string } & (
  { month: string; method?: undefined } | { method: PaymentMethod; month?: undefined }
);

const LIMIT = 1000;

interface PaymentsDrilldownProps {
  filter: PaymentFilter;
  dataVersion: number;
  onClose: () => void;
  onOpenMember: (id: string) => void;
}

export function PaymentsDrilldown({ filter, dataVersion, onClose, onOpenMember }: PaymentsDrilldownProps) {
  const { t } = useTranslation();
  const [page, setPage] = useState<PaymentPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { currency, month, method, from, to } = filter;

  useEffect(() => {
    headingRef.current?.focus();
  }, [currency, month, method]);

  useEffect(() => {
    let current = true;
    api
      .call('payments.list', {
        currency,
        includeVoided: false,
        limit: LIMIT,
        ...(month ? { month } : {}),
        ...(method ? { method } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      })
      .then(
        (found) => {
          if (!current) return;
          setPage(found);
          setError(null);
        },
        (failure: unknown) => {
          if (current) setError(failure);
        },
      );
    return () => {
      current = false;
    };
  }, [currency, month, method, from, to, dataVersion, attempt]);

  return (
    <section className="card stack" aria-labelledby="drilldown-title" data-testid="payments-drilldown">
      <div className="section-heading">
        <h2 id="drilldown-title" ref={headingRef} tabIndex={-1}>
          {filter.title}
        </h2>
        <button type="button" className="button button--small button--quiet" onClick={onClose}>
          {t('dues.closeList')}
        </button>
      </div>
      {error !== null && <ErrorBanner error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {page === null ? (
        error === null && <p className="muted">{t('app.loading')}</p>
      ) : page.rows.length === 0 ? (
        <p className="muted">{t('payments.none')}</p>
      ) : (
        <>
          <PaymentTable payments={page.rows} label={filter.title} onOpenMember={onOpenMember} />
          {page.total > page.rows.length && (
            <p className="muted">{t('payments.more', { count: page.total - page.rows.length })}</p>
          )}
        </>
      )}
    </section>
  );
}
