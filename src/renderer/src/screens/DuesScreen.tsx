import '../dues/dues.css';
import '../import/import.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_STATUSES, type MemberStatus } from '../../../shared/dues/status';
import { EXPIRING_DAYS, type DuesSummary, type MoneyTotal } from '../../../shared/payments';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { PaymentsDrilldown, type PaymentFilter } from '../dues/PaymentsDrilldown';
import { StatementHistory } from '../dues/StatementHistory';
import { StatementMatcher } from '../dues/StatementMatcher';
import { useFormat } from '../i18n/useFormat';
import { PrintButton } from '../print/PrintButton';
import type { MemberListState } from './memberListState';

/** The window the Dues screen and the members list agree on for "expiring soon". */

interface DuesScreenProps {
  dataVersion: number;
  onChanged: () => void;
  onOpenMembers: (filter: Partial<MemberListState>) => void;
  onOpenMember: (id: string) => void;
}

export function DuesScreen({ dataVersion, onChanged, onOpenMembers, onOpenMember }: DuesScreenProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [summary, setSummary] = useState<DuesSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [drilldown, setDrilldown] = useState<PaymentFilter | null>(null);

  useEffect(() => {
    let current = true;
    api.call('dues.summary').then(
      (found) => {
        if (!current) return;
        setSummary(found);
        setError(null);
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [dataVersion, attempt]);

  const money = (total: MoneyTotal) => format.money(total.amountMinor, total.currency);
  const byStatus = (status: MemberStatus) =>
    onOpenMembers({ status, expiringWithinDays: null, owing: false });

  const months = summary ? groupByMonth(summary.collectedByMonth) : [];

  return (
    <main className="page page--narrow dues-page">
      <div className="page__heading">
        <h1>{t('dues.title')}</h1>
        {summary && <p className="muted">{t('dues.asOf', { date: format.longDate(summary.on) })}</p>}
        <PrintButton
          className="button page__heading-action"
          label={t('print.open.dues')}
          request={() => ({ kind: 'dues' })}
        />
      </div>
      {error !== null && <ErrorBanner error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {summary === null ? (
        error === null && <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <section className="card stack" aria-labelledby="standing-title">
            <h2 id="standing-title">{t('dues.standing')}</h2>
            <ul className="figures">
              {MEMBER_STATUSES.map((status) => (
                <li key={status}>
                  <button
                    type="button"
                    className={`figure figure--${status}`}
                    data-testid={`figure-${status}`}
                    onClick={() => byStatus(status)}
                  >
                    <span className="figure__value">{format.number(summary.counts[status])}</span>
                    <span className="figure__label">
                      {t(`dues.counts.${status}`, { count: summary.counts[status] })}
                    </span>
                  </button>
                </li>
              ))}
              <li>
                <button
                  type="button"
                  className="figure figure--expiring"
                  data-testid="figure-expiring"
                  onClick={() =>
                    onOpenMembers({ status: '', expiringWithinDays: EXPIRING_DAYS, owing: false })
                  }
                >
                  <span className="figure__value">{format.number(summary.expiring)}</span>
                  <span className="figure__label">
                    {t('dues.expiring', { count: summary.expiring, days: EXPIRING_DAYS })}
                  </span>
                </button>
              </li>
            </ul>
          </section>

          <section className="card stack" aria-labelledby="outstanding-title">
            <h2 id="outstanding-title">{t('dues.outstanding')}</h2>
            {summary.outstanding.length === 0 ? (
              <p className="muted">{t('dues.nothingOutstanding')}</p>
            ) : (
              <ul className="figures figures--money">
                {summary.outstanding.map((total) => (
                  <li key={total.currency} data-testid="outstanding">
                    <button
                      type="button"
                      className="figure"
                      onClick={() => onOpenMembers({ status: '', expiringWithinDays: null, owing: true })}
                    >
                      <span className="figure__value">{money(total)}</span>
                      <span className="figure__label">{t('dues.owedBy', { count: total.count })}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <p className="muted">{t('dues.outstandingHint')}</p>
            {(summary.counts.grace > 0 || summary.counts.lapsed > 0) && (
              <p className="dues-links">
                {summary.counts.grace > 0 && (
                  <button type="button" className="link-button" onClick={() => byStatus('grace')}>
                    {t('dues.seeGrace', { count: summary.counts.grace })}
                  </button>
                )}
                {summary.counts.lapsed > 0 && (
                  <button type="button" className="link-button" onClick={() => byStatus('lapsed')}>
                    {t('dues.seeLapsed', { count: summary.counts.lapsed })}
                  </button>
                )}
              </p>
            )}
          </section>

          <div className="dues-columns">
            <section className="card stack" aria-labelledby="by-month-title">
              <h2 id="by-month-title">{t('dues.byMonth')}</h2>
              {months.length === 0 ? (
                <p className="muted">{t('dues.nothingCollected')}</p>
              ) : (
                <div className="dues-table-wrap">
                  <table
                    className="dues-table"
                    aria-labelledby="by-month-title"
                    data-testid="collected-by-month"
                  >
                    <thead>
                      <tr>
                        <th scope="col">{t('dues.month')}</th>
                        <th scope="col" className="dues-table__number">
                          {t('dues.collected')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {months.map(([month, totals]) => (
                        <tr key={month}>
                          <th scope="row">{format.month(month)}</th>
                          <td className="dues-table__number">
                            <ul className="money-list">
                              {totals.map((total) => {
                                const title = t('dues.paymentsInMonth', {
                                  month: format.month(month),
                                  currency: total.currency,
                                });
                                return (
                                  <li key={total.currency}>
                                    <button
                                      type="button"
                                      className="link-button"
                                      aria-label={t('dues.showPayments', {
                                        amount: money(total),
                                        what: title,
                                      })}
                                      onClick={() => setDrilldown({ month, currency: total.currency, title })}
                                    >
                                      {money(total)}
                                    </button>
                                    <span className="muted">
                                      {' '}
                                      · {t('dues.paymentCount', { count: total.count })}
                                    </span>
                                  </li>
                                );
                              })}
                            </ul>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>

            <section className="card stack" aria-labelledby="by-method-title">
              <h2 id="by-method-title">{t('dues.byMethod')}</h2>
              {summary.collectedByMethod.length === 0 ? (
                <p className="muted">{t('dues.nothingCollected')}</p>
              ) : (
                <div className="dues-table-wrap">
                  <table
                    className="dues-table"
                    aria-labelledby="by-method-title"
                    data-testid="collected-by-method"
                  >
                    <thead>
                      <tr>
                        <th scope="col">{t('payments.method')}</th>
                        <th scope="col" className="dues-table__number">
                          {t('dues.collected')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {summary.collectedByMethod.map((total) => {
                        const title = t('dues.paymentsByMethod', {
                          method: t(`payments.methods.${total.method}`),
                          currency: total.currency,
                        });
                        return (
                          <tr key={`${total.method}-${total.currency}`}>
                            <th scope="row">{t(`payments.methods.${total.method}`)}</th>
                            <td className="dues-table__number">
                              <button
                                type="button"
                                className="link-button"
                                aria-label={t('dues.showPayments', { amount: money(total), what: title })}
                                onClick={() =>
                                  setDrilldown({
                                    method: total.method,
                                    currency: total.currency,
                                    title,
                                    from: summary.collectedFrom,
                                    to: summary.on,
                                  })
                                }
                              >
                                {money(total)}
                              </button>
                              <span className="muted">
                                {' '}
                                · {t('dues.paymentCount', { count: total.count })}
                              </span>
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          </div>

          {drilldown && (
            <PaymentsDrilldown
              filter={drilldown}
              dataVersion={dataVersion}
              onClose={() => setDrilldown(null)}
              onOpenMember={onOpenMember}
            />
          )}
        </>
      )}

      <StatementMatcher onChanged={onChanged} onOpenMember={onOpenMember} />
      <StatementHistory dataVersion={dataVersion} onUndone={onChanged} />
    </main>
  );
}

/** Newest month first, each with its currencies. */
function groupByMonth(rows: DuesSummary['collectedByMonth']): [string, MoneyTotal[]][] {
  const months = new Map<string, MoneyTotal[]>();
  for (const row of rows) {
    const list = months.get(row.month) ?? [];
    list.push(row);
    months.set(row.month, list);
  }
  return [...months.entries()].sort(([a], [b]) => b.localeCompare(a));
}
