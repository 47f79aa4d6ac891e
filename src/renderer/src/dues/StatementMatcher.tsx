import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/domain';
import type { StatementDraft, StatementLineView, StatementResult } from '../../../shared/payments';
import { ApiError } from '../api/ApiError';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { bytesToBase64 } from '../import/base64';
import { FilePicker } from '../import/FilePicker';
import { useFormat } from '../i18n/useFormat';
import { MemberCombobox } from './MemberCombobox';
import { groupLines, ignoredReason } from './statementLines';

/** As for member imports: the main process refuses more, and saying so first spares the bridge. */
const MAX_FILE_BYTES = 150 * 1024 * 1024;
const PROVIDERS = ['mpesa', 'bank', 'payments', 'generic'] as const;

interface StatementMatcherProps {
  onChanged: () => void;
  onOpenMember: (id: string) => void;
}

interface Committed {
  result: StatementResult;
  fileName: string;
  undone: boolean;
}

export function StatementMatcher({ onChanged, onOpenMember }: StatementMatcherProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [reading, setReading] = useState<string | null>(null);
  const [draft, setDraft] = useState<StatementDraft | null>(null);
  /** Matched lines the secretary left out. */
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set());
  /** Unmatched lines given a member by hand. */
  const [assigned, setAssigned] = useState<ReadonlyMap<number, Member>>(new Map());
  const [committing, setCommitting] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const [committed, setCommitted] = useState<Committed | null>(null);
  const [error, setError] = useState<unknown>(null);
  const request = useRef(0);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const draftRef = useRef<HTMLHeadingElement>(null);

  const open = async (file: File) => {
    const mine = ++request.current;
    setDraft(null);
    setCommitted(null);
    setExcluded(new Set());
    setAssigned(new Map());
    setError(null);
    setReading(file.name);
    try {
      if (file.size > MAX_FILE_BYTES)
        throw new ApiError('VALIDATION', t('import.file.tooLarge', { name: file.name }));
      const buffer = await file.arrayBuffer().catch(() => {
        throw new ApiError('VALIDATION', t('import.file.unreadable', { name: file.name }));
      });
      const data = bytesToBase64(new Uint8Array(buffer));
      const found = await api.call('statements.inspect', { fileName: file.name, data });
      if (mine !== request.current) return;
      setDraft(found);
      requestAnimationFrame(() => draftRef.current?.focus());
    } catch (failure) {
      if (mine === request.current) setError(failure);
    } finally {
      if (mine === request.current) setReading(null);
    }
  };

  const groups = draft ? groupLines(draft.lines) : null;
  const toRecord = groups
    ? groups.match.filter((line) => !excluded.has(line.line)).length +
      groups.unmatched.filter((line) => assigned.has(line.line)).length
    : 0;

  const commit = async () => {
    if (!draft || !groups) return;
    setCommitting(true);
    setError(null);
    try {
      const assignments = [
        ...groups.match
          .filter((line) => excluded.has(line.line))
          .map((line) => ({ line: line.line, memberId: null })),
        ...[...assigned].map(([line, member]) => ({ line, memberId: member.id })),
      ];
      const result = await api.call('statements.commit', { draftId: draft.draftId, assignments });
      setCommitted({ result, fileName: draft.fileName, undone: false });
      setDraft(null);
      onChanged();
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (failure) {
      setError(failure);
    } finally {
      setCommitting(false);
    }
  };

  const undo = async () => {
    const batchId = committed?.result.batchId;
    if (!batchId) return;
    setUndoing(true);
    setError(null);
    try {
      await api.call('statements.undo', { id: batchId });
      setCommitted((current) => current && { ...current, undone: true });
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setUndoing(false);
    }
  };

  const cancel = () => {
    request.current++;
    setDraft(null);
    setError(null);
  };

  const providerName = (provider: string) =>
    PROVIDERS.find((known) => known === provider)
      ? t(`statement.providers.${provider as (typeof PROVIDERS)[number]}`)
      : provider;

  const amount = (line: StatementLineView) =>
    line.amountMinor === null ? t('common.none') : format.money(line.amountMinor, line.currency);

  const cells = (line: StatementLineView) => (
    <>
      <td className="dues-table__number">{line.line}</td>
      <td className="dues-table__date">{line.paidOn ? format.date(line.paidOn) : t('common.none')}</td>
      <td>{line.reference ? <bdi>{line.reference}</bdi> : t('common.none')}</td>
      <td>{line.payer ? <bdi>{line.payer}</bdi> : t('common.none')}</td>
      <td className="dues-table__number">{amount(line)}</td>
    </>
  );

  const head = (extra: string[]) => (
    <thead>
      <tr>
        <th scope="col" className="dues-table__number">
          {t('statement.columns.line')}
        </th>
        <th scope="col">{t('statement.columns.date')}</th>
        <th scope="col">{t('statement.columns.reference')}</th>
        <th scope="col">{t('statement.columns.payer')}</th>
        <th scope="col" className="dues-table__number">
          {t('statement.columns.amount')}
        </th>
        {extra.map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );

  const memberLink = (line: StatementLineView) =>
    line.memberId ? (
      <button type="button" className="link-button" onClick={() => onOpenMember(line.memberId!)}>
        {line.memberName || t('members.unnamed')}
      </button>
    ) : (
      t('common.none')
    );

  let body;
  if (committed) {
    const { result, undone } = committed;
    body = (
      <div className="stack statement-result" data-testid="statement-result">
        <h3 ref={resultRef} tabIndex={-1} className="statement-result__title">
          {undone
            ? t('statement.undone', { count: result.payments.length })
            : t('statement.recorded', { count: result.payments.length, file: committed.fileName })}
        </h3>
        <ul className="statement-result__facts">
          <li>{t('statement.summary.matched', { count: result.matched })}</li>
          {result.alreadyRecorded > 0 && (
            <li>{t('statement.summary.alreadyRecorded', { count: result.alreadyRecorded })}</li>
          )}
          {result.unmatched.length > 0 && (
            <li>{t('statement.summary.unmatched', { count: result.unmatched.length })}</li>
          )}
        </ul>
        <div className="button-row">
          {!undone && result.batchId && (
            <button type="button" className="button" disabled={undoing} onClick={() => void undo()}>
              {undoing ? t('statement.undoing') : t('statement.undo')}
            </button>
          )}
          <button type="button" className="button button--quiet" onClick={() => setCommitted(null)}>
            {t('statement.another')}
          </button>
        </div>
      </div>
    );
  } else if (draft && groups) {
    body = (
      <div className="stack" data-testid="statement-draft">
        <h3 ref={draftRef} tabIndex={-1} className="statement-result__title">
          {t('statement.readAs', { file: draft.fileName, provider: providerName(draft.provider) })}
        </h3>
        {draft.lines.length === 0 && <p className="muted">{t('statement.noLines')}</p>}

        {groups.match.length > 0 && (
          <section className="statement-group" aria-labelledby="group-match" data-testid="group-match">
            <h4 id="group-match">{t('statement.groups.match', { count: groups.match.length })}</h4>
            <div className="dues-table-wrap">
              <table className="dues-table" aria-labelledby="group-match">
                {head([t('statement.columns.member'), t('statement.columns.record')])}
                <tbody>
                  {groups.match.map((line) => (
                    <tr key={line.line} data-testid="statement-line">
                      {cells(line)}
                      <td>
                        {memberLink(line)}
                        {line.why && (
                          <span className="statement-why" data-testid="match-why">
                            {t('statement.matchedBy', { why: t(`statement.why.${line.why}`) })}
                          </span>
                        )}
                      </td>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('statement.recordLine', { line: line.line })}
                          checked={!excluded.has(line.line)}
                          onChange={(event) => {
                            const next = new Set(excluded);
                            if (event.target.checked) next.delete(line.line);
                            else next.add(line.line);
                            setExcluded(next);
                          }}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}

        {groups.unmatched.length > 0 && (
          <section
            className="statement-group"
            aria-labelledby="group-unmatched"
            data-testid="group-unmatched"
          >
            <h4 id="group-unmatched">
              {t('statement.groups.unmatched', { count: groups.unmatched.length })}
            </h4>
            <p className="field__hint">{t('statement.assignHint')}</p>
            <div className="dues-table-wrap">
              <table className="dues-table" aria-labelledby="group-unmatched">
                {head([t('statement.columns.assign')])}
                <tbody>
                  {groups.unmatched.map((line) => (
                    <tr key={line.line} data-testid="statement-line">
                      {cells(line)}
                      <td className="statement-assign">
                        <MemberCombobox
                          control={{
                            id: `statement-assign-${line.line}`,
                            name: `assign-${line.line}`,
                            'aria-invalid': undefined,
                            'aria-describedby': undefined,
                          }}
                          ariaLabel={t('statement.assignLine', { line: line.line })}
                          inline
                          placeholder={t('statement.assignPlaceholder')}
                          selected={assigned.get(line.line) ?? null}
                          onSelect={(member) => {
                            const next = new Map(assigned);
                            if (member) next.set(line.line, member);
                            else next.delete(line.line);
                            setAssigned(next);
                          }}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}

        {groups['already-recorded'].length > 0 && (
          <section
            className="statement-group"
            aria-labelledby="group-recorded"
            data-testid="group-already-recorded"
          >
            <h4 id="group-recorded">
              {t('statement.groups.alreadyRecorded', { count: groups['already-recorded'].length })}
            </h4>
            <div className="dues-table-wrap">
              <table className="dues-table" aria-labelledby="group-recorded">
                {head([t('statement.columns.member')])}
                <tbody>
                  {groups['already-recorded'].map((line) => (
                    <tr key={line.line} data-testid="statement-line">
                      {cells(line)}
                      <td>{memberLink(line)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}

        {groups.ignored.length > 0 && (
          <section className="statement-group" aria-labelledby="group-ignored" data-testid="group-ignored">
            <h4 id="group-ignored">{t('statement.groups.ignored', { count: groups.ignored.length })}</h4>
            <p className="field__hint">{t('statement.ignoredHint')}</p>
            <div className="dues-table-wrap">
              <table className="dues-table" aria-labelledby="group-ignored">
                {head([t('statement.columns.reason')])}
                <tbody>
                  {groups.ignored.map((line) => (
                    <tr key={line.line} data-testid="statement-line">
                      {cells(line)}
                      <td>{ignoredReason(line.ignoredBecause, t)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}

        <div className="form__actions">
          <button type="button" className="button" onClick={cancel}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={committing || toRecord === 0}
            onClick={() => void commit()}
          >
            {committing ? t('statement.recording') : t('statement.record', { count: toRecord })}
          </button>
        </div>
      </div>
    );
  } else {
    body = (
      <FilePicker
        id="statement-file"
        label={t('statement.file')}
        hint={t('statement.fileHint')}
        reading={reading}
        onFile={(file) => void open(file)}
      />
    );
  }

  return (
    <section className="card stack" aria-labelledby="statement-title">
      <h2 id="statement-title">{t('statement.title')}</h2>
      {!draft && !committed && <p className="muted">{t('statement.intro')}</p>}
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {body}
    </section>
  );
}
