import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionList } from '../../../shared/domain';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { useFormat } from '../i18n/useFormat';
import { DeletedBadge } from './DeletedBadge';
import './privacy.css';

const YEAR_CHOICES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30];

/**
 * The chapter's retention setting, and the members it would erase today, listed for the
 * secretary to confirm: nothing is erased until they say so, here or with the CLI's --yes.
 */
export function RetentionSection({ onErased }: { onErased: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [saved, setSaved] = useState<number | null | undefined>(undefined);
  const [choice, setChoice] = useState('');
  const [list, setList] = useState<RetentionList | null>(null);
  const [busy, setBusy] = useState<'saving' | 'erasing' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  // Bumped after a save or an erasure, to read the setting and the list again.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    Promise.all([api.call('chapter.get'), api.call('members.retention')]).then(
      ([chapter, due]) => {
        if (!current) return;
        setSaved(chapter?.retentionYears ?? null);
        setChoice(String(chapter?.retentionYears ?? ''));
        setList(due);
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [version]);

  const save = async () => {
    setBusy('saving');
    setError(null);
    setNotice(null);
    setConfirming(false);
    try {
      await api.call('chapter.setRetention', { years: choice === '' ? null : Number(choice) });
      setVersion((n) => n + 1);
      setNotice(t('privacy.retention.saved'));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  const erase = async (due: RetentionList) => {
    setBusy('erasing');
    setError(null);
    try {
      const { erased } = await api.call('members.eraseLapsed', { ids: due.members.map((m) => m.id) });
      setNotice(t('privacy.retention.erased', { count: erased.length }));
      setConfirming(false);
      setVersion((n) => n + 1);
      onErased();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  const choices =
    saved && !YEAR_CHOICES.includes(saved) ? [...YEAR_CHOICES, saved].sort((a, b) => a - b) : YEAR_CHOICES;
  return (
    <section aria-labelledby="retention-title" className="card stack" data-testid="retention">
      <h2 id="retention-title">{t('privacy.retention.title')}</h2>
      <p className="muted">{t('privacy.retention.intro')}</p>
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="retention-setting">
        <div className="field">
          <label htmlFor="retention-years" className="field__label">
            {t('privacy.retention.years')}
          </label>
          <select
            id="retention-years"
            className="input"
            value={choice}
            disabled={saved === undefined}
            onChange={(event) => setChoice(event.target.value)}
          >
            <option value="">{t('privacy.retention.off')}</option>
            {choices.map((years) => (
              <option key={years} value={String(years)}>
                {format.number(years)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button"
          disabled={busy !== null || saved === undefined || choice === String(saved ?? '')}
          onClick={() => void save()}
        >
          {busy === 'saving' ? t('privacy.retention.saving') : t('privacy.retention.save')}
        </button>
      </div>
      {notice && (
        <p role="status" className="muted">
          {notice}
        </p>
      )}
      {list && list.years !== null && (
        <div className="stack">
          <h3 className="retention-review">{t('privacy.retention.review')}</h3>
          {list.total === 0 ? (
            <p className="muted">{t('privacy.retention.none')}</p>
          ) : (
            <>
              <ul className="retention-list" data-testid="retention-list">
                {list.members.map((m) => (
                  <li key={m.id}>
                    {m.name || t('members.unnamed')}
                    {m.memberNumber && <span className="muted"> · {m.memberNumber}</span>}
                    <span className="muted">
                      {' '}
                      · {t('privacy.retention.lapsedSince', { date: format.date(m.lapsedSince) })}
                    </span>
                    {m.deleted && <DeletedBadge />}
                  </li>
                ))}
                {list.total > list.members.length && (
                  <li className="muted">
                    {t('privacy.retention.more', { count: list.total - list.members.length })}
                  </li>
                )}
              </ul>
              {confirming ? (
                <div className="stack" role="alertdialog" aria-labelledby="retention-confirm">
                  <p id="retention-confirm">{t('privacy.retention.confirm')}</p>
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button--danger"
                      disabled={busy !== null}
                      onClick={() => void erase(list)}
                    >
                      {busy === 'erasing'
                        ? t('privacy.retention.erasing')
                        : t('privacy.retention.erase', { count: list.members.length })}
                    </button>
                    <button type="button" className="button" onClick={() => setConfirming(false)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                </div>
              ) : (
                <div className="button-row">
                  <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
                    {t('privacy.retention.erase', { count: list.members.length })}
                  </button>
                </div>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
