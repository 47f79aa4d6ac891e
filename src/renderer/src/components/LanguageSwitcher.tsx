import { useTranslation } from 'react-i18next';
import { LANGUAGES, rememberLanguage } from '../i18n/languages';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage;
  return (
    <div role="group" aria-label={t('language.label')} className="segmented">
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="segmented__option"
          aria-pressed={current === language}
          onClick={() => {
            rememberLanguage(language);
            void i18n.changeLanguage(language);
          }}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
