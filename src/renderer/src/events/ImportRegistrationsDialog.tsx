import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationsImportResult } from '../../../shared/events';
import { ApiError } from '../api/ApiError';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { wordProblem } from '../i18n/errorWords';
import { Field } from '../components/Field';
import { useFormat } from '../i18n/useFormat';
import { bytesToBase64 } from '../import/base64';
import { useDialog } from './useDialog';

/** Form tools export a few hundred rows; anything near this is the wrong file. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.csv,.txt,.tsv,.xlsx,.ods';
const SHOWN_REJECTIONS = 20;

interface ImportRegistrationsDialogProps {
  eventId: string;
  onClose: () => void;
  onImported: (result: RegistrationsImportResult) => void;
}

type Step =
  | { name: 'choose' }
  | { name: 'reading'; fileName: string }
  | { name: 'preview'; fileName: string; data: string; preview: RegistrationsImportResult }
  | { name: 'importing'; fileName: string; preview: RegistrationsImportResult };

/**
 * A form tool's export (Google Forms, KoBo, Typeform…) as CSV or XLSX: read here as base64 as the
 * members import does, counted in a dry run, then imported at once.
 */
export function ImportRegistrationsDialog({ eventId, onClose, onImported }: ImportRegistrationsDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const dialogRef = useDialog();
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    document.getElementById('registrations-file')?.focus();
  }, []);

  const read = async (file: File) => {
    setError(null);
    setStep({ name: 'reading', fileName: file.name });
    try {
      if (file.size > MAX_FILE_BYTES) {
        throw new ApiError('VALIDATION', t('events.import.tooLarge', { name: file.name }));
      }
      const buffer = await file.arrayBuffer().catch(() => {
        throw new ApiError('VALIDATION', t('events.import.unreadable', { name: file.name }));
      });
      const data = bytesToBase64(new Uint8Array(buffer));
      const preview = await api.call('events.importRegistrations', {
        eventId,
        fileName: file.name,
        data,
        dryRun: true,
      });
      setStep({ name: 'preview', fileName: file.name, data, preview });
    } catch (failure) {
      setError(failure);
      setStep({ name: 'choose' });
    }
  };

  const commit = async (fileName: string, data: string, preview: RegistrationsImportResult) => {
    setError(null);
    setStep({ name: 'importing', fileName, preview });
    try {
      onImported(await api.call('events.importRegistrations', { eventId, fileName, data, dryRun: false }));
    } catch (failure) {
      setError(failure);
      setStep({ name: 'preview', fileName, data, preview });
    }
  };

  const preview = step.name === 'preview' || step.name === 'importing' ? step.preview : null;
  const toAdd = preview ? preview.members + preview.guests : 0;
  const fileName = step.name === 'choose' ? '' : step.fileName;
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="registrations-import-title"
      onCancel={(cancelled) => {
        cancelled.preventDefault();
        if (step.name !== 'importing') onClose();
      }}
    >
      <div className="form">
        <h2 id="registrations-import-title" className="dialog__title">
          {t('events.import.title')}
        </h2>
        <p className="muted">{t('events.import.intro')}</p>
        {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <Field
          id="registrations-file"
          name="file"
          label={t('events.import.file')}
          hint={t('events.import.fileHint')}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              className="events-file"
              accept={ACCEPT}
              disabled={step.name === 'reading' || step.name === 'importing'}
              onChange={(changed) => {
                const file = changed.target.files?.[0];
                changed.target.value = '';
                if (file) void read(file);
              }}
            />
          )}
        </Field>
        <div role="status" aria-live="polite">
          {step.name === 'reading' && (
            <p className="muted">{t('events.import.reading', { name: step.fileName })}</p>
          )}
          {preview && (
            <div className="stack" data-testid="registrations-preview">
              <p>
                <strong>
                  {t('events.import.found', {
                    count: preview.rows,
                    number: format.number(preview.rows),
                    name: fileName,
                  })}
                </strong>
              </p>
              <ul className="events-import__outcome">
                <li data-testid="preview-members">
                  {t('events.import.members', {
                    count: preview.members,
                    number: format.number(preview.members),
                  })}
                </li>
                <li data-testid="preview-guests">
                  {t('events.import.guests', {
                    count: preview.guests,
                    number: format.number(preview.guests),
                  })}
                </li>
                {preview.alreadyRegistered > 0 && (
                  <li data-testid="preview-already">
                    {t('events.import.already', {
                      count: preview.alreadyRegistered,
                      number: format.number(preview.alreadyRegistered),
                    })}
                  </li>
                )}
                {preview.rejected.length > 0 && (
                  <li data-testid="preview-rejected">
                    {t('events.import.rejected', {
                      count: preview.rejected.length,
                      number: format.number(preview.rejected.length),
                    })}
                  </li>
                )}
              </ul>
            </div>
          )}
        </div>
        {preview && preview.rejected.length > 0 && (
          <ul className="events-import__problems">
            {preview.rejected.slice(0, SHOWN_REJECTIONS).map((problem) => (
              <li key={`${problem.row}-${problem.field}`}>
                {t('events.import.problem', {
                  row: format.number(problem.row),
                  message: wordProblem(problem.problem, t),
                })}
              </li>
            ))}
            {preview.rejected.length > SHOWN_REJECTIONS && (
              <li className="muted">
                {t('events.import.moreProblems', {
                  count: preview.rejected.length - SHOWN_REJECTIONS,
                  number: format.number(preview.rejected.length - SHOWN_REJECTIONS),
                })}
              </li>
            )}
          </ul>
        )}
        <div className="form__actions">
          <button
            type="button"
            className="button button--quiet"
            disabled={step.name === 'importing'}
            onClick={onClose}
          >
            {t('common.cancel')}
          </button>
          {preview && (
            <button
              type="button"
              className="button button--primary"
              disabled={step.name !== 'preview' || toAdd === 0}
              onClick={() => {
                if (step.name === 'preview') void commit(step.fileName, step.data, step.preview);
              }}
            >
              {step.name === 'importing'
                ? t('events.import.importing')
                : t('events.import.submit', { count: toAdd, number: format.number(toAdd) })}
            </button>
          )}
        </div>
      </div>
    </dialog>
  );
}
