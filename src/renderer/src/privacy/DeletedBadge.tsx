import { useTranslation } from 'react-i18next';
import './privacy.css';

/** Marks a deleted member wherever they still appear (their payments, an event's list, the deleted view). */
export function DeletedBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge--deleted" data-testid="deleted-badge">
      {t('privacy.deleted')}
    </span>
  );
}
