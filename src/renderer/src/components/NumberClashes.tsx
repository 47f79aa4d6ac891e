import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, NumberClashes as Clashes } from '../../../shared/domain';
import { api } from '../api/client';
import { useFormat } from '../i18n/useFormat';
import { ErrorBanner } from './ErrorBanner';
import { memberName } from './memberName';

interface NumberClashesProps {
  dataVersion: number;
  /** Waits so that the list's first rows are not queued behind the check. */
  enabled: boolean;
  onRenumbered: (member: Member) => void;
}

/**
 * Member numbers more than one member holds, which two imports on two laptops can make: shown
 * above the list until fixed, each member with a button that gives them a new number (an edit
 * that syncs, so the clash ends on every laptop).
 */
export function NumberClashes({ dataVersion, enabled, onRenumbered }: NumberClashesProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const listId = useId();
  const [found, setFound] = useState<Clashes | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    api.call('members.numberClashes').then(
      (clashes) => {
        if (!current) return;
        setFound(clashes);
        setError(null);
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [dataVersion, enabled]);

  const renumber = async (member: Member) => {
    setBusyId(member.id);
    setError(null);
    try {
      onRenumbered(await api.call('members.renumber', { id: member.id }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusyId(null);
    }
  };

  if (error !== null) return <ErrorBanner error={error} onDismiss={() => setError(null)} />;
  if (!found || found.total === 0) return null;
  const more = found.total - found.clashes.length;
  return (
    <section className="banner banner--warning number-clashes" data-testid="number-clashes">
      <div className="banner__text">
        <strong>{t('clashes.title', { count: found.total, total: format.number(found.total) })}</strong>
        <p>{t('clashes.explain')}</p>
      </div>
      <div className="banner__actions">
        <button
          type="button"
          className="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
        >
          {open ? t('clashes.hide') : t('clashes.review')}
        </button>
      </div>
      {open && (
        <div id={listId} className="number-clashes__list">
          {found.clashes.map(({ number, members }) => (
            <section key={number} className="number-clashes__group" data-testid="number-clash">
              <h2 className="number-clashes__number">
                {t('clashes.number')} <bdi>{number}</bdi>
              </h2>
              <ul>
                {members.map((member) => {
                  const name = memberName(member) || t('members.unnamed');
                  return (
                    <li key={member.id} className="number-clashes__member">
                      <bdi className="number-clashes__name">{name}</bdi>
                      {member.email && <bdi className="muted">{member.email}</bdi>}
                      {member.city && <bdi className="muted">{member.city}</bdi>}
                      {member.joinedOn && (
                        <span className="muted">
                          {t('clashes.joined', { date: format.date(member.joinedOn) })}
                        </span>
                      )}
                      <button
                        type="button"
                        className="button"
                        aria-label={t('clashes.renumberLabel', { name })}
                        disabled={busyId !== null}
                        onClick={() => void renumber(member)}
                      >
                        {busyId === member.id ? t('clashes.renumbering') : t('clashes.renumber')}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
          {more > 0 && (
            <p className="muted">{t('clashes.more', { count: more, total: format.number(more) })}</p>
          )}
        </div>
      )}
    </section>
  );
}
