import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher';

export function AppHeader({ chapterName }: { chapterName?: string }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__product">{t('app.name')}</span>
        {chapterName && <span className="app-header__chapter">{chapterName}</span>}
      </div>
      <LanguageSwitcher />
    </header>
  );
}
