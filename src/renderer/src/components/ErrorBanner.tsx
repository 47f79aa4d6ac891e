import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/ApiError';

interface ErrorBannerProps {
  error: unknown;
  onRetry?: () => void;
  onDismiss?: () => void;
}

export function ErrorBanner({ error, onRetry, onDismiss }: ErrorBannerProps) {
  const { t } = useTranslation();
  const { code, message } = toApiError(error);
  // These are about the connection or the file, not the data, so the client's own words explain
  // them better, in the user's language.
  const text =
    code === 'NETWORK' || code === 'UNAUTHORISED' || code === 'BUSY' ? t(`errors.${code}`) : message;
  return (
    <div role="alert" className="banner banner--error">
      <div className="banner__text">
        <strong>{t('errors.title')}</strong>
        <p>{text}</p>
      </div>
      {(onRetry || onDismiss) && (
        <div className="banner__actions">
          {onRetry && (
            <button type="button" className="button" onClick={onRetry}>
              {t('common.retry')}
            </button>
          )}
          {onDismiss && (
            <button type="button" className="button button--quiet" onClick={onDismiss}>
              {t('common.dismiss')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
