import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Payment } from '../../../shared/payments';
import { useFormat } from '../i18n/useFormat';
import { PrintButton } from '../print/PrintButton';
import { DeletedBadge } from '../privacy/DeletedBadge';

interface PaymentTableProps {
  payments: Payment[];
  label: string;
  /** Lists across members show who paid, as a link to their page. */
  onOpenMember?: (id: string) => void;
  onVoid?: (payment: Payment) => void;
}

export function PaymentTable({ payments, label, onOpenMember, onVoid }: PaymentTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  // The last column holds each receipt's actions: Print, and Void where voiding is offered.
  const columns = 8 + (onOpenMember ? 1 : 0);
  return (
    <div className="dues-table-wrap">
      <table className="dues-table" aria-label={label} data-testid="payments">
        <thead>
          <tr>
            <th scope="col">{t('payments.columns.receipt')}</th>
            {onOpenMember && <th scope="col">{t('payments.columns.member')}</th>}
            <th scope="col">{t('payments.columns.paidOn')}</th>
            <th scope="col" className="dues-table__number">
              {t('payments.columns.amount')}
            </th>
            <th scope="col">{t('payments.columns.method')}</th>
            <th scope="col">{t('payments.columns.reference')}</th>
            <th scope="col">{t('payments.columns.period')}</th>
            <th scope="col">{t('payments.columns.officer')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('payments.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {payments.map((payment) => {
            const voided = payment.void;
            const noteId = `void-note-${payment.id}`;
            return (
              <Fragment key={payment.id}>
                <tr
                  className={voided ? 'dues-table__void' : undefined}
                  data-testid="payment-row"
                  data-void={voided ? 'true' : undefined}
                  aria-describedby={voided ? noteId : undefined}
                >
                  <th scope="row">
                    <span className="dues-table__struck dues-table__receipt">{payment.receiptNumber}</span>
                    {voided && <span className="visually-hidden"> ({t('payments.voidShort')})</span>}
                  </th>
                  {onOpenMember && (
                    <td>
                      {payment.memberErased ? (
                        // No page to open: the person is gone, the payment stays for the accounts.
                        <span className="muted">
                          {t('payments.erasedMember', { receipt: payment.receiptNumber })}
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => onOpenMember(payment.memberId)}
                        >
                          {payment.memberName || t('members.unnamed')}
                        </button>
                      )}
                      {payment.memberNumber && (
                        <span className="muted dues-table__date"> · {payment.memberNumber}</span>
                      )}
                      {payment.memberDeleted && <DeletedBadge />}
                    </td>
                  )}
                  <td className="dues-table__struck dues-table__date">{format.date(payment.paidOn)}</td>
                  <td className="dues-table__number dues-table__struck">
                    {format.money(payment.amountMinor, payment.currency)}
                  </td>
                  <td className="dues-table__struck">{t(`payments.methods.${payment.method}`)}</td>
                  <td className="dues-table__struck">
                    {payment.reference && <bdi>{payment.reference}</bdi>}
                  </td>
                  <td className="dues-table__struck dues-table__period">
                    {payment.periodFrom && payment.periodTo
                      ? t('payments.period', {
                          from: format.date(payment.periodFrom),
                          to: format.date(payment.periodTo),
                        })
                      : t('common.none')}
                  </td>
                  <td>{payment.officer ?? t('common.none')}</td>
                  <td className="dues-table__action">
                    <PrintButton
                      className="button button--small"
                      label={t('print.open.receipt')}
                      accessibleLabel={t('print.open.receiptLabel', { receipt: payment.receiptNumber })}
                      request={() => ({
                        kind: 'receipt',
                        paymentId: payment.id,
                        receiptNumber: payment.receiptNumber,
                      })}
                    />
                    {onVoid && !voided && (
                      <button
                        type="button"
                        className="button button--small button--danger"
                        aria-label={t('payments.voidReceipt', { receipt: payment.receiptNumber })}
                        onClick={() => onVoid(payment)}
                      >
                        {t('payments.void')}
                      </button>
                    )}
                  </td>
                </tr>
                {voided && (
                  <tr className="dues-table__void-note" data-testid="void-note" id={noteId}>
                    <td colSpan={columns}>
                      {t('payments.voided', {
                        reason: voided.reason,
                        date: format.date(voided.voidedOn),
                        officer: voided.officer ?? t('member.someone'),
                      })}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
