import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportDraftView } from '../../../shared/imports';
import { Field } from '../components/Field';
import { useFormat } from '../i18n/useFormat';
import { delimiterName } from './labels';
import type { InspectOptions } from './useImportDraft';

interface DetectedInfoProps {
  draft: ImportDraftView;
  updating: boolean;
  onReinspect: (options: InspectOptions) => void;
}

export function DetectedInfo({ draft, updating, onReinspect }: DetectedInfoProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { info } = draft;
  const notApplicable = <span className="muted">{t('import.detected.notApplicable')}</span>;
  const sheetOnly = info.sheet !== null ? { sheet: info.sheet } : {};

  return (
    <section className="card stack" aria-labelledby="import-detected-title">
      <h2 id="import-detected-title">{t('import.detected.title', { name: draft.fileName })}</h2>
      <dl className="import-facts">
        <div>
          <dt>{t('import.detected.format')}</dt>
          <dd data-testid="detected-format">{t(`import.formats.${info.format}`)}</dd>
        </div>
        <div>
          <dt>{t('import.detected.encoding')}</dt>
          <dd data-testid="detected-encoding">{info.encoding ?? notApplicable}</dd>
        </div>
        <div>
          <dt>{t('import.detected.delimiter')}</dt>
          <dd data-testid="detected-delimiter">
            {info.delimiter === null
              ? notApplicable
              : t(`import.delimiters.${delimiterName(info.delimiter)}`, { character: info.delimiter })}
          </dd>
        </div>
        {info.sheets.length === 1 && (
          <div>
            <dt>{t('import.detected.sheet')}</dt>
            <dd data-testid="detected-sheet">{info.sheet}</dd>
          </div>
        )}
      </dl>
      <div className="import-detected__controls">
        {info.sheets.length > 1 && (
          <Field id="import-sheet" name="sheet" label={t('import.detected.sheet')}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={info.sheet ?? ''}
                disabled={updating}
                // Another sheet has its own header row: it is found again rather than carried over.
                onChange={(event) => onReinspect({ sheet: event.target.value })}
              >
                {info.sheets.map((sheet) => {
                  const label = t('import.detected.sheetRows', {
                    name: sheet.name,
                    count: sheet.rowCount,
                    number: format.number(sheet.rowCount),
                  });
                  return (
                    <option key={sheet.name} value={sheet.name}>
                      {sheet.hidden ? t('import.detected.hiddenSheet', { name: label }) : label}
                    </option>
                  );
                })}
              </select>
            )}
          </Field>
        )}
        <HeaderRowForm
          key={`${draft.draftId} ${info.sheet ?? ''} ${info.headerRowNumber}`}
          current={info.headerRowNumber}
          detected={info.headerDetected}
          disabled={updating}
          onApply={(headerRow) => onReinspect({ ...sheetOnly, headerRow })}
        />
      </div>
      {info.headerDetected && info.headerRowNumber === 0 && (
        <p className="import-note">{t('import.detected.noHeaderRow')}</p>
      )}
      <p role="status" className="muted">
        {updating && t('import.detected.updating')}
      </p>
      {info.warnings.length > 0 && (
        <div className="import-note">
          <h3 className="import-subtitle">{t('import.detected.warnings')}</h3>
          <ul>
            {info.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

interface HeaderRowFormProps {
  current: number;
  detected: boolean;
  disabled: boolean;
  onApply: (headerRow: number) => void;
}

/** Keyed by the reading it shows, so a new reading starts it afresh. */
function HeaderRowForm({ current, detected, disabled, onApply }: HeaderRowFormProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(current));
  const parsed = Number(value);
  const valid = value.trim() !== '' && Number.isInteger(parsed) && parsed >= 0;
  const hintId = 'import-header-row-hint';
  return (
    <form
      className="field import-header-row"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid && parsed !== current) onApply(parsed);
      }}
    >
      <label htmlFor="import-header-row" className="field__label">
        {t('import.detected.headerRow')}
      </label>
      <div className="import-header-row__controls">
        <input
          id="import-header-row"
          name="headerRow"
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          className="input import-header-row__input"
          aria-describedby={hintId}
          value={value}
          disabled={disabled}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className="button" disabled={disabled || !valid || parsed === current}>
          {t('import.detected.apply')}
        </button>
      </div>
      <p id={hintId} className="field__hint">
        {t(detected ? 'import.detected.headerRowFound' : 'import.detected.headerRowChosen')}{' '}
        {t('import.detected.headerRowHint')}
      </p>
    </form>
  );
}
