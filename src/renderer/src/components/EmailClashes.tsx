import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  EmailClashes as Clashes,
  Member,
  MembershipType,
  MergeField,
  MergePreview,
} from '../../../shared/domain';
import { api } from '../api/client';
import { useFormat } from '../i18n/useFormat';
import { ErrorBanner } from './ErrorBanner';
import { fieldLabel, fieldValueText } from './fieldDisplay';
import { memberName } from './memberName';

interface EmailClashesProps {
  dataVersion: number;
  /** Waits so that the list's first rows are not queued behind the check. */
  enabled: boolean;
  types: readonly MembershipType[];
  onMerged: (member: Member) => void;
}

/**
 * Emails more than one member holds: one laptop changed a member's email to the one another laptop
 * gave a new member, and ids follow the email a member was created with, so they are two rows.
 * Shown above the list until merged. The secretary picks who stays, reads what the merge takes from
 * the other member and what it does not keep (that stays in the history), then merges: edits that
 * sync, so the clash ends on every laptop.
 */
export function EmailClashes({ dataVersion, enabled, types, onMerged }: EmailClashesProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const listId = useId();
  const [found, setFound] = useState<Clashes | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    api.call('members.emailClashes').then(
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

  const keep = async (member: Member, others: Member[]) => {
    const other = others.find((m) => m.id !== member.id);
    if (!other) return;
    setBusy(true);
    setError(null);
    try {
      setPreview(await api.call('members.mergePreview', { keepId: member.id, otherId: other.id }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const merge = async ({ keep: kept, other }: MergePreview) => {
    setBusy(true);
    setError(null);
    try {
      const member = await api.call('members.merge', { keepId: kept.id, otherId: other.id });
      setPreview(null);
      onMerged(member);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (error !== null) return <ErrorBanner error={error} onDismiss={() => setError(null)} />;
  if (!found || found.total === 0) return null;
  const more = found.total - found.clashes.length;
  const valueText = (field: string, value: MergeField['keep']) =>
    value === null || value === ''
      ? t('common.none')
      : fieldValueText(field, value, { t, formatDate: format.date, types });
  const rows = (fields: MergeField[], after: 'keep' | 'other') =>
    fields.map((f) => (
      <tr key={f.field}>
        <th scope="row">{fieldLabel(f.field, t)}</th>
        <td>
          <bdi>{valueText(f.field, f.keep)}</bdi>
        </td>
        <td>
          <bdi>{valueText(f.field, f.other)}</bdi>
        </td>
        <td>
          <bdi>{valueText(f.field, f[after])}</bdi>
        </td>
      </tr>
    ));
  return (
    <section className="banner banner--warning number-clashes" data-testid="email-clashes">
      <div className="banner__text">
        <strong>{t('emailClashes.title', { count: found.total, total: format.number(found.total) })}</strong>
        <p>{t('emailClashes.explain')}</p>
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
          {found.clashes.map(({ email, members }) => (
            <section key={email} className="number-clashes__group" data-testid="email-clash">
              <h2 className="number-clashes__number">
                <bdi>{email}</bdi>
              </h2>
              <ul>
                {members.map((member) => {
                  const name = memberName(member) || t('members.unnamed');
                  return (
                    <li key={member.id} className="number-clashes__member">
                      <bdi className="number-clashes__name">{name}</bdi>
                      {member.memberNumber && <bdi className="muted">{member.memberNumber}</bdi>}
                      {member.city && <bdi className="muted">{member.city}</bdi>}
                      <button
                        type="button"
                        className="button"
                        aria-label={t('emailClashes.keepLabel', { name })}
                        disabled={busy}
                        onClick={() => void keep(member, members)}
                      >
                        {t('emailClashes.keep')}
                      </button>
                    </li>
                  );
                })}
              </ul>
              {preview && members.some((m) => m.id === preview.keep.id) && (
                <div className="email-clashes__preview" data-testid="merge-preview">
                  <p>
                    {t('emailClashes.mergeInto', {
                      other: memberName(preview.other) || t('members.unnamed'),
                      keep: memberName(preview.keep) || t('members.unnamed'),
                    })}
                  </p>
                  {preview.filled.length + preview.differing.length > 0 && (
                    <table className="email-clashes__fields">
                      <thead>
                        <tr>
                          <th scope="col">{t('emailClashes.field')}</th>
                          <th scope="col">{t('emailClashes.kept')}</th>
                          <th scope="col">{t('emailClashes.other')}</th>
                          <th scope="col">{t('emailClashes.after')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {rows(preview.filled, 'other')}
                        {rows(preview.differing, 'keep')}
                      </tbody>
                    </table>
                  )}
                  {preview.differing.length > 0 && <p className="muted">{t('emailClashes.notKept')}</p>}
                  {preview.filled.length > 0 && <p className="muted">{t('emailClashes.filled')}</p>}
                  <p className="muted">
                    {t('emailClashes.moved', {
                      payments: format.number(preview.moved.payments),
                      registrations: format.number(preview.moved.registrations),
                    })}
                  </p>
                  <div className="banner__actions">
                    <button
                      type="button"
                      className="button button--primary"
                      disabled={busy}
                      onClick={() => void merge(preview)}
                    >
                      {busy ? t('emailClashes.merging') : t('emailClashes.merge')}
                    </button>
                    <button type="button" className="button" disabled={busy} onClick={() => setPreview(null)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                </div>
              )}
            </section>
          ))}
          {more > 0 && (
            <p className="muted">{t('emailClashes.more', { count: more, total: format.number(more) })}</p>
          )}
        </div>
      )}
    </section>
  );
}
