import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate, todayIn } from '../../../shared/dues/dates';
import type { Chapter } from '../../../shared/domain';
import type { AttendanceReport as Report } from '../../../shared/events';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { useFormat } from '../i18n/useFormat';
import { DateInput, useDateFormat } from '../locale/DateInput';

const FIGURES = ['events', 'attendances', 'members', 'guests', 'firstTimers', 'trained'] as const;

interface AttendanceReportProps {
  chapter: Chapter;
  dataVersion: number;
}

/** Who came over a period: from 1 January to today unless the secretary picks other days. */
export function AttendanceReport({ chapter, dataVersion }: AttendanceReportProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [period, setPeriod] = useState(() => {
    const today = todayIn(chapter.timeZone, new Date());
    return { from: `${today.slice(0, 4)}-01-01`, to: today };
  });
  /** Why a typed day is not a date ("There is no 31 February"), while it is not one. */
  const [typed, setTyped] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const dateFormat = useDateFormat(chapter.country);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  const fromError = typed.from ?? (isIsoDate(period.from) ? undefined : t('events.report.dateProblem'));
  const toError = typed.to
    ? typed.to
    : !isIsoDate(period.to)
      ? t('events.report.dateProblem')
      : !fromError && period.to < period.from
        ? t('events.report.toBeforeFrom')
        : undefined;
  const valid = !fromError && !toError;

  useEffect(() => {
    if (!valid) return;
    let current = true;
    api.call('events.report', { from: period.from, to: period.to }).then(
      (found) => {
        if (!current) return;
        setReport(found);
        setError(null);
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [period.from, period.to, valid, dataVersion, attempt]);

  const shown = valid && report && report.from === period.from && report.to === period.to ? report : null;
  return (
    <section className="card stack" aria-labelledby="attendance-report-title">
      <h2 id="attendance-report-title">{t('events.report.title')}</h2>
      <div className="report-period">
        <Field id="report-from" name="from" label={t('events.report.from')} error={fromError}>
          {(control) => (
            <DateInput
              control={control}
              value={period.from}
              format={dateFormat}
              onChange={(iso, problem) => {
                setTyped((current) => ({ ...current, from: problem }));
                setPeriod((p) => ({ ...p, from: iso ?? '' }));
              }}
            />
          )}
        </Field>
        <Field id="report-to" name="to" label={t('events.report.to')} error={toError}>
          {(control) => (
            <DateInput
              control={control}
              value={period.to}
              format={dateFormat}
              onChange={(iso, problem) => {
                setTyped((current) => ({ ...current, to: problem }));
                setPeriod((p) => ({ ...p, to: iso ?? '' }));
              }}
            />
          )}
        </Field>
      </div>
      {error !== null && <ErrorBanner error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      <div className="stack" aria-live="polite" aria-busy={valid && !shown && error === null}>
        {shown ? (
          <>
            <p className="visually-hidden">
              {t('events.report.period', { from: format.date(shown.from), to: format.date(shown.to) })}
            </p>
            <ul className="event-figures" data-testid="attendance-report">
              {FIGURES.map((figure) => (
                <li key={figure} className="event-figure" data-testid={`report-${figure}`}>
                  <span className="event-figure__value">{format.number(shown[figure])}</span>
                  <span className="event-figure__label">
                    {t(`events.report.figures.${figure}`, { count: shown[figure] })}
                  </span>
                </li>
              ))}
            </ul>
            <p className="field__hint">{t('events.report.hint')}</p>
          </>
        ) : (
          valid && error === null && <p className="muted">{t('app.loading')}</p>
        )}
      </div>
    </section>
  );
}
