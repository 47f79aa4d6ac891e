import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { wordError } from '../i18n/errorWords';

interface ErrorBannerProps {
  error: unknown;
  onRetry?: () => void;
  onDismiss?: () => void;
}

export function ErrorBanner({ error, onRetry, onDismiss }: ErrorBannerProps) {
  const { t } = useTranslation();
  const { title, text } = wordError(error, t);
  const banner = useRef<HTMLDivElement>(null);
  // A banner at the top of a long form appears out of sight of the Save button that caused it.
  useEffect(() => {
    banner.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);
  return (
    <div ref={banner} role="alert" className="banner banner--error">
      <div className="banner__text">
        <strong>{title}</strong>
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
