import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher';

interface AppHeaderProps {
  chapterName?: string | undefined;
  /** Absent until the chapter exists: there is nowhere to go before that. */
  nav?: ReactNode;
  syncStatus: ReactNode;
  /** Commands reachable from every screen (Record payment). */
  actions?: ReactNode;
}

export function AppHeader({ chapterName, nav, syncStatus, actions }: AppHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__product">{t('app.name')}</span>
        {chapterName && <span className="app-header__chapter">{chapterName}</span>}
      </div>
      {nav}
      <div className="app-header__end">
        {actions}
        {syncStatus}
        <LanguageSwitcher />
      </div>
    </header>
  );
}
