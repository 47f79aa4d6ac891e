import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/ApiError';
import { wordError } from '../i18n/errorWords';

/** An enrolment that failed for a reason no single field explains: a refused code, a server out of reach. */
export function EnrolErrorBanner({ error, onDismiss }: { error: unknown; onDismiss: () => void }) {
  const { t } = useTranslation();
  const { code } = toApiError(error);
  return (
    <div role="alert" className="banner banner--error" data-testid="enrol-error">
      <div className="banner__text">
        <strong>{t('settings.enrolFailed')}</strong>
        <p>{wordError(error, t).text}</p>
        {/* NETWORK is this window losing ChapterDesk itself, which the sync server's advice does not
            cover; a node id already in use has its own advice; the code and address were fine. */}
        {code !== 'NETWORK' && code !== 'NODE_ID_TAKEN' && <p>{t('settings.enrolAdvice')}</p>}
      </div>
      <div className="banner__actions">
        <button type="button" className="button button--quiet" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      </div>
    </div>
  );
}
