import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { chapterSetupInput, type Chapter } from '../../../shared/domain';
import { api } from '../api/client';
import { toApiError } from '../api/ApiError';
import { schemaErrors, serverErrors, type FieldErrors } from '../forms/fieldErrors';
import { browserRegion, isLanguage, LANGUAGES, type Language } from '../i18n/languages';
import { CountryCurrencyFields } from '../locale/CountryCurrencyFields';
import { ErrorBanner } from './ErrorBanner';
import { Field } from './Field';

interface SetupValues {
  name: string;
  country: string;
  currency: string;
  officerName: string;
}
type SetupField = keyof SetupValues;

const fieldId = (field: string) => `setup-${field}`;
/** The fields in the order they are shown, so the first error is the first field to fix. */
const SETUP_ORDER: readonly SetupField[] = ['name', 'country', 'currency', 'officerName'];

export function CreateChapterForm({ onDone }: { onDone: (chapter: Chapter) => void }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<SetupValues>(() => ({
    name: '',
    // The laptop's region is offered as a proposal beside the field, never filled in unseen.
    country: '',
    currency: '',
    officerName: '',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const locale: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const firstField = Object.keys(found)[0];
    if (firstField) document.getElementById(fieldId(firstField))?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const parsed = chapterSetupInput.safeParse({ ...values, locale, createDefaultTypes: true });
    // A country or currency typed but not found in the list is empty here: say to choose one.
    const unchosen: FieldErrors = {
      ...(values.country ? {} : { country: t('pickers.chooseCountry') }),
      ...(values.currency ? {} : { currency: t('pickers.chooseCurrency') }),
    };
    if (!parsed.success || Object.keys(unchosen).length > 0) {
      const found = parsed.success ? {} : schemaErrors(parsed.error, t);
      showErrors(
        Object.fromEntries(
          SETUP_ORDER.flatMap((f) => ((unchosen[f] ?? found[f]) ? [[f, unchosen[f] ?? found[f]]] : [])),
        ),
      );
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      onDone(await api.call('chapter.setup', parsed.data));
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.fields.length > 0) showErrors(serverErrors(apiError.fields, t));
      else setFormError(apiError);
      setSaving(false);
    }
  };

  const text = (name: 'name' | 'officerName', hint?: string, autoComplete = 'off') => (
    <Field id={fieldId(name)} name={name} label={t(`setup.${name}`)} error={errors[name]} hint={hint}>
      {(control) => (
        <input
          {...control}
          className="input"
          autoComplete={autoComplete}
          value={values[name]}
          onChange={(event) => {
            setValues((current) => ({ ...current, [name]: event.target.value }));
            setErrors(({ [name]: _fixed, ...rest }) => rest);
          }}
        />
      )}
    </Field>
  );

  return (
    <>
      <p className="muted">{t('setup.intro')}</p>
      {formError !== null && <ErrorBanner error={formError} onDismiss={() => setFormError(null)} />}
      <form className="form card" noValidate onSubmit={(event) => void submit(event)}>
        {text('name', undefined, 'organization')}
        <CountryCurrencyFields
          idPrefix="setup"
          country={values.country}
          currency={values.currency}
          proposedCountry={browserRegion()}
          errors={errors}
          onChange={(next) => {
            setValues((current) => ({ ...current, ...next }));
            setErrors((current) =>
              Object.fromEntries(Object.entries(current).filter(([field]) => !(field in next))),
            );
          }}
        />
        {text('officerName', t('setup.officerNameHint'), 'name')}
        <Field id={fieldId('locale')} name="locale" label={t('setup.locale')}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={locale}
              onChange={(event) => void i18n.changeLanguage(event.target.value)}
            >
              {LANGUAGES.map((language) => (
                <option key={language} value={language} lang={language}>
                  {t(`language.${language}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('setup.submitting') : t('setup.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
