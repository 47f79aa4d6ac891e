import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';

export const SECTIONS = ['members', 'dues', 'events', 'import', 'conflicts', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

interface MainNavProps {
  current: Section;
  openConflicts: number;
  onNavigate: (section: Section) => void;
}

export function MainNav({ current, openConflicts, onNavigate }: MainNavProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul className="main-nav__list">
        {SECTIONS.map((section) => (
          <li key={section}>
            <button
              type="button"
              className="main-nav__item"
              aria-current={current === section ? 'page' : undefined}
              onClick={() => onNavigate(section)}
            >
              {section === 'import'
                ? t('import.nav')
                : section === 'events'
                  ? t('events.nav')
                  : t(`nav.${section}`)}
              {section === 'conflicts' && openConflicts > 0 && (
                <span className="count-badge" data-testid="conflict-count">
                  <span aria-hidden="true">{format.number(openConflicts)}</span>
                  <span className="visually-hidden">
                    {t('nav.openConflicts', { count: openConflicts, number: format.number(openConflicts) })}
                  </span>
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
