import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { saveTextFile } from '../import/download';

/**
 * Settings' "Export diagnostics": one JSON file for whoever supports the secretary, downloaded as
 * any export is (services/diagnostics builds it on the data thread, with no member's data).
 */
export function DiagnosticsSection() {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const exportDiagnostics = async () => {
    setExporting(true);
    setError(null);
    setNotice(null);
    try {
      const file = await api.call('diagnostics.export');
      saveTextFile(file.fileName, 'application/json', file.content);
      setNotice(t('diagnostics.saved', { name: file.fileName }));
    } catch (failure) {
      setError(failure);
    } finally {
      setExporting(false);
    }
  };

  return (
    <section aria-labelledby="diagnostics-title" className="card stack" data-testid="diagnostics">
      <h2 id="diagnostics-title">{t('diagnostics.title')}</h2>
      <p className="muted">{t('diagnostics.intro')}</p>
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={exporting}
          onClick={() => void exportDiagnostics()}
        >
          {exporting ? t('diagnostics.exporting') : t('diagnostics.export')}
        </button>
      </div>
      {notice && (
        <p role="status" className="muted">
          {notice}
        </p>
      )}
    </section>
  );
}
