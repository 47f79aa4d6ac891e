import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { chapterUpdateInput } from '../../../shared/chapter-settings';
import type { Chapter, HistoryEntry } from '../../../shared/domain';
import { proposedCsvDelimiter } from '../../../shared/locale/csv';
import { api } from '../api/client';
import { toApiError } from '../api/ApiError';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { schemaErrors, serverErrors, type FieldErrors } from '../forms/fieldErrors';
import { LANGUAGES } from '../i18n/languages';
import { CountryCurrencyFields } from '../locale/CountryCurrencyFields';
import { OptionCombobox } from '../locale/OptionCombobox';
import { ChapterHistory } from './ChapterHistory';
import { delimiterName } from './delimiters';

interface SettingsValues {
  name: string;
  country: string;
  currency: string;
  timeZone: string;
  graceDays: string;
  locale: string;
  /** '' for "as the language's spreadsheets expect". */
  csvDelimiter: string;
  /** One name a line. */
  officers: string;
  officerName: string;
}

function valuesOf(chapter: Chapter): SettingsValues {
  return {
    name: chapter.name,
    country: chapter.country,
    currency: chapter.currency,
    timeZone: chapter.timeZone ?? '',
    graceDays: String(chapter.graceDays),
    locale: chapter.locale,
    csvDelimiter: chapter.csvDelimiter ?? '',
    officers: chapter.officers.join('\n'),
    officerName: chapter.officerName,
  };
}

const officerList = (text: string) =>
  text
    .split('\n')
    .map((name) => name.trim())
    .filter(Boolean);

/** What the form sends: the fields that differ from the chapter as it was loaded, in the contract's form. */
function changes(before: SettingsValues, after: SettingsValues): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const differs = (field: keyof SettingsValues) => before[field] !== after[field];
  for (const field of ['name', 'country', 'currency', 'timeZone', 'locale', 'officerName'] as const) {
    if (differs(field)) patch[field] = after[field];
  }
  if (differs('graceDays')) patch.graceDays = after.graceDays.trim() === '' ? NaN : Number(after.graceDays);
  if (differs('csvDelimiter')) patch.csvDelimiter = after.csvDelimiter === '' ? null : after.csvDelimiter;
  if (officerList(before.officers).join('\n') !== officerList(after.officers).join('\n')) {
    patch.officers = officerList(after.officers);
  }
  return patch;
}

const fieldId = (field: string) => `chapter-${field}`;

/** The chapter's own settings, edited together; every change syncs and is listed below with its officer. */
export function ChapterSettingsSection({
  chapter,
  onSaved,
}: {
  chapter: Chapter;
  onSaved: (chapter: Chapter) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [initial, setInitial] = useState(() => valuesOf(chapter));
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [historyError, setHistoryError] = useState<unknown>(null);
  const timeZones = useMemo(
    () =>
      Intl.supportedValuesOf('timeZone').map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })),
    [],
  );

  const loadHistory = () =>
    api.call('chapter.history', undefined).then(
      (entries) => {
        setHistory(entries);
        setHistoryError(null);
      },
      (failure: unknown) => setHistoryError(failure),
    );
  useEffect(() => {
    void loadHistory();
  }, []);

  const setValue = (next: Partial<SettingsValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !(field in next))));
    setSaved(false);
  };

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const unchosen: FieldErrors = {
      ...(values.country ? {} : { country: t('pickers.chooseCountry') }),
      ...(values.currency ? {} : { currency: t('pickers.chooseCurrency') }),
      ...(values.timeZone || !initial.timeZone ? {} : { timeZone: t('chapterSettings.chooseTimeZone') }),
    };
    const parsed = chapterUpdateInput.safeParse(changes(initial, values));
    if (Object.keys(unchosen).length > 0 || !parsed.success) {
      const found = parsed.success ? {} : schemaErrors(parsed.error, t);
      showErrors({
        ...unchosen,
        ...found,
        ...('graceDays' in found ? { graceDays: t('chapterSettings.graceDaysInvalid') } : {}),
      });
      return;
    }
    setSaving(true);
    try {
      const next = await api.call('chapter.update', parsed.data);
      const loaded = valuesOf(next);
      setInitial(loaded);
      setValues(loaded);
      setErrors({});
      setSaved(true);
      onSaved(next);
      void loadHistory();
    } catch (failure) {
      const apiError = toApiError(failure);
      if (apiError.fields.length > 0) showErrors(serverErrors(apiError.fields, t));
      else setFormError(apiError);
    } finally {
      setSaving(false);
    }
  };

  const officers = officerList(values.officers);
  const proposed = proposedCsvDelimiter(values.locale);

  return (
    <section aria-labelledby="chapter-settings-title" className="card stack">
      <h2 id="chapter-settings-title">{t('chapterSettings.title')}</h2>
      {formError !== null && <ErrorBanner error={formError} onDismiss={() => setFormError(null)} />}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <Field id={fieldId('name')} name="name" label={t('chapterSettings.name')} error={errors.name}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={values.name}
              onChange={(event) => setValue({ name: event.target.value })}
            />
          )}
        </Field>
        <CountryCurrencyFields
          idPrefix="chapter"
          country={values.country}
          currency={values.currency}
          errors={errors}
          onChange={setValue}
        />
        <Field
          id={fieldId('timeZone')}
          name="timeZone"
          label={t('chapterSettings.timeZone')}
          hint={t('chapterSettings.timeZoneHint')}
          error={errors.timeZone}
        >
          {(control) => (
            <OptionCombobox
              control={control}
              options={timeZones}
              value={values.timeZone}
              onChange={(timeZone) => setValue({ timeZone })}
            />
          )}
        </Field>
        <Field
          id={fieldId('graceDays')}
          name="graceDays"
          label={t('chapterSettings.graceDays')}
          hint={t('chapterSettings.graceDaysHint')}
          error={errors.graceDays}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              inputMode="numeric"
              value={values.graceDays}
              onChange={(event) => setValue({ graceDays: event.target.value })}
            />
          )}
        </Field>
        <Field
          id={fieldId('locale')}
          name="locale"
          label={t('chapterSettings.locale')}
          hint={t('chapterSettings.localeHint')}
        >
          {(control) => (
            <select
              {...control}
              className="input"
              value={values.locale}
              onChange={(event) => setValue({ locale: event.target.value })}
            >
              {LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {t(`language.${code}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={fieldId('csvDelimiter')}
          name="csvDelimiter"
          label={t('chapterSettings.csvDelimiter')}
          hint={t('chapterSettings.csvDelimiterHint')}
        >
          {(control) => (
            <select
              {...control}
              className="input"
              value={values.csvDelimiter}
              onChange={(event) => setValue({ csvDelimiter: event.target.value })}
            >
              <option value="">
                {t('chapterSettings.csvDelimiterProposed', { delimiter: delimiterName(proposed, t) })}
              </option>
              {([',', ';', '\t'] as const).map((delimiter) => (
                <option key={delimiter} value={delimiter}>
                  {delimiterName(delimiter, t)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={fieldId('officers')}
          name="officers"
          label={t('chapterSettings.officers')}
          hint={t('chapterSettings.officersHint')}
          error={errors.officers}
        >
          {(control) => (
            <textarea
              {...control}
              className="input"
              rows={Math.max(3, officers.length + 1)}
              value={values.officers}
              onChange={(event) => setValue({ officers: event.target.value })}
            />
          )}
        </Field>
        <Field
          id={fieldId('officerName')}
          name="officerName"
          label={t('chapterSettings.officerName')}
          hint={t('chapterSettings.officerNameHint')}
          error={errors.officerName}
        >
          {(control) => (
            <select
              {...control}
              className="input"
              value={values.officerName}
              onChange={(event) => setValue({ officerName: event.target.value })}
            >
              {[...new Set([values.officerName, ...officers])].map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form__actions">
          {saved && (
            <span role="status" className="muted">
              {t('chapterSettings.saved')}
            </span>
          )}
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('common.saving') : t('chapterSettings.save')}
          </button>
        </div>
      </form>
      <h3>{t('chapterSettings.history')}</h3>
      {historyError !== null && <ErrorBanner error={historyError} />}
      {history !== null && <ChapterHistory entries={history} language={language} />}
    </section>
  );
}
