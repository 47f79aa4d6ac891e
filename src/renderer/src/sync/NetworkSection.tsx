import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/domain';
import type { ByteCount } from '../../../shared/network';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { useFormat } from '../i18n/useFormat';
import { useByteSize } from './useByteSize';

interface NetworkSectionProps {
  status: SyncStatus;
  /** The settings were saved: the status that came back is shown everywhere. */
  onSaved: (status: SyncStatus) => void;
}

/** Megabytes as typed ("50", "0,5") in bytes; null for empty; NaN for what is not a size. */
function megabytes(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Math.round(Number(trimmed) * 1e6) : NaN;
}

const asMegabytes = (bytes: number | null) => (bytes === null ? '' : String(bytes / 1e6));
/** The contract takes settings from 100 kB to 1 TB. */
const settable = (bytes: number | null) => bytes !== null && bytes >= 100_000 && bytes <= 1e12;

/**
 * This laptop's connection (metered or not, a monthly budget, the size that waits) and the bytes
 * sync has sent and received: since the app started, this month, and in the last exchange.
 */
export function NetworkSection({ status, onSaved }: NetworkSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const size = useByteSize();
  const [metered, setMetered] = useState(status.network.metered);
  const [budget, setBudget] = useState(asMegabytes(status.network.monthlyBudgetBytes));
  const [large, setLarge] = useState(asMegabytes(status.network.largePushBytes));
  // Settings saved elsewhere (the Updates section's metered checkbox) replace the form's copy,
  // which would otherwise be saved back over them; the saved notice stays.
  const savedKey = JSON.stringify(status.network);
  const [shown, setShown] = useState(savedKey);
  if (shown !== savedKey) {
    setShown(savedKey);
    setMetered(status.network.metered);
    setBudget(asMegabytes(status.network.monthlyBudgetBytes));
    setLarge(asMegabytes(status.network.largePushBytes));
  }
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const budgetBytes = megabytes(budget);
  const largeBytes = megabytes(large);
  const budgetInvalid = budgetBytes !== null && !settable(budgetBytes);
  const largeInvalid = !settable(largeBytes);

  const save = async () => {
    if (budgetInvalid || largeInvalid || largeBytes === null) return;
    setSaving(true);
    setError(null);
    setNotice(null);
    try {
      onSaved(
        await api.call('sync.setNetwork', {
          metered,
          monthlyBudgetBytes: budgetBytes,
          largePushBytes: largeBytes,
        }),
      );
      setNotice(t('network.saved'));
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  const { traffic } = status;
  const row = (label: string, bytes: ByteCount, testId: string, extra?: string) => (
    <tr data-testid={testId}>
      <th scope="row">{extra ? `${label} (${extra})` : label}</th>
      <td>{size(bytes.sent)}</td>
      <td>{size(bytes.received)}</td>
    </tr>
  );

  return (
    <section aria-labelledby="network-title" className="card stack" data-testid="network">
      <h2 id="network-title">{t('network.title')}</h2>
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {status.meteredWait && (
        <p role="status" className="banner" data-testid="metered-wait">
          {status.meteredWait === 'budget' ? t('network.waitBudget') : t('network.waitLarge')}
        </p>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={metered} onChange={(event) => setMetered(event.target.checked)} />
        {t('network.metered')}
      </label>
      <p className="field__hint">{t('network.meteredHint')}</p>
      <div className="field">
        <label htmlFor="network-budget" className="field__label">
          {t('network.budget')}
        </label>
        <input
          id="network-budget"
          className="input"
          inputMode="decimal"
          value={budget}
          aria-invalid={budgetInvalid}
          aria-describedby="network-budget-hint"
          onChange={(event) => setBudget(event.target.value)}
        />
        <p id="network-budget-hint" className={budgetInvalid ? 'field__error' : 'field__hint'}>
          {budgetInvalid ? t('network.invalid') : t('network.budgetHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="network-large" className="field__label">
          {t('network.largePush')}
        </label>
        <input
          id="network-large"
          className="input"
          inputMode="decimal"
          value={large}
          aria-invalid={largeInvalid}
          aria-describedby={largeInvalid ? 'network-large-error' : undefined}
          onChange={(event) => setLarge(event.target.value)}
        />
        {largeInvalid && (
          <p id="network-large-error" className="field__error">
            {t('network.invalid')}
          </p>
        )}
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={saving || budgetInvalid || largeInvalid}
          onClick={() => void save()}
        >
          {saving ? t('network.saving') : t('network.save')}
        </button>
      </div>
      {notice && (
        <p role="status" className="muted">
          {notice}
        </p>
      )}
      <h3>{t('network.used')}</h3>
      <table className="data-used" data-testid="data-used">
        <thead>
          <tr>
            <td />
            <th scope="col">{t('network.sent')}</th>
            <th scope="col">{t('network.received')}</th>
          </tr>
        </thead>
        <tbody>
          {row(t('network.sinceStart'), traffic.sinceStart, 'used-since-start')}
          {row(t('network.thisMonth'), traffic.thisMonth, 'used-this-month')}
          {traffic.lastSync &&
            row(
              t('network.lastSync'),
              traffic.lastSync,
              'used-last',
              `${t(`network.way.${traffic.lastSync.channel}`)}, ${format.dateTime(traffic.lastSync.at)}`,
            )}
        </tbody>
      </table>
    </section>
  );
}
