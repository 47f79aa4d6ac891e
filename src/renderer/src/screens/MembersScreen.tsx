import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter, Member, MembershipType } from '../../../shared/domain';
import { ErrorBanner } from '../components/ErrorBanner';
import { MemberFilters } from '../components/MemberFilters';
import { MemberFormDialog } from '../components/MemberFormDialog';
import { ColumnPicker } from '../components/ColumnPicker';
import { rememberWantedColumns, wantedColumns, type MemberColumn } from '../components/memberColumns';
import { MemberTable } from '../components/MemberTable';
import { EmailClashes } from '../components/EmailClashes';
import { NumberClashes } from '../components/NumberClashes';
import { today } from '../forms/today';
import type { MemberQuery } from '../hooks/memberPages';
import { useCities } from '../hooks/useCities';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useMemberPages } from '../hooks/useMemberPages';
import { useFormat } from '../i18n/useFormat';
import { ExportMenu } from '../import/ExportMenu';
import { PrintMenu } from '../print/PrintMenu';
import { rosterColumnsFor } from '../print/rosterColumns';
import type { MemberListState } from './memberListState';

const SEARCH_DELAY_MS = 150;

interface MembersScreenProps {
  chapter: Chapter;
  types: MembershipType[];
  listState: MemberListState;
  onListStateChange: (change: Partial<MemberListState>) => void;
  initialScrollOffset: number;
  /** Move the focus to the list's heading on arrival (the member page the focus was on went away). */
  focusOnOpen?: boolean;
  dataVersion: number;
  onOpenMember: (id: string, scrollOffset: number) => void;
  onMemberAdded: (member: Member) => void;
  /** A member given a new number to end a clash. */
  onRenumbered: (member: Member) => void;
  onMerged: (member: Member) => void;
}

export function MembersScreen({
  chapter,
  types,
  listState,
  onListStateChange,
  initialScrollOffset,
  focusOnOpen = false,
  dataVersion,
  onOpenMember,
  onMemberAdded,
  onRenumbered,
  onMerged,
}: MembersScreenProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [newMember, setNewMember] = useState<Partial<Member> | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [columns, setColumns] = useState(() => wantedColumns(localStorage));
  const [shownColumns, setShownColumns] = useState<MemberColumn[] | null>(null);
  // Only on arrival: later renders of the same list leave the focus where the user put it.
  const [focusOnArrival] = useState(focusOnOpen);
  useEffect(() => {
    if (focusOnArrival) headingRef.current?.focus();
  }, [focusOnArrival]);
  const search = useDebouncedValue(listState.search, SEARCH_DELAY_MS);
  const { status, expiringWithinDays, owing, typeId, city, deleted, sort, direction } = listState;
  const fieldId = listState.fieldId;
  const fieldValue = useDebouncedValue(listState.fieldValue, SEARCH_DELAY_MS).trim();

  const query = useMemo<MemberQuery>(
    () => ({
      query: search.trim(),
      sort,
      direction,
      ...(status ? { status } : {}),
      ...(expiringWithinDays !== null ? { expiringWithinDays } : {}),
      ...(owing ? { owing } : {}),
      ...(typeId ? { typeId } : {}),
      ...(city ? { city } : {}),
      ...(deleted ? { deleted } : {}),
      ...(fieldId ? { fieldId, ...(fieldValue ? { fieldValue } : {}) } : {}),
    }),
    [search, status, expiringWithinDays, owing, typeId, city, deleted, fieldId, fieldValue, sort, direction],
  );
  const { pages, snapshot } = useMemberPages(query, dataVersion);
  const { total } = snapshot;
  const { cities, error: citiesError } = useCities(dataVersion, total !== null);
  const narrowed =
    query.query !== '' ||
    Boolean(status || typeId || city || owing || fieldId) ||
    expiringWithinDays !== null;
  // Nobody mails a deleted member a label or a card; a list of them prints, headed as such.
  const noMailing = total === 0 || deleted;

  const onSort = (field: typeof sort) =>
    onListStateChange(
      field === sort
        ? { direction: direction === 'asc' ? 'desc' : 'asc' }
        : { sort: field, direction: 'asc' },
    );

  return (
    <main className="page page--members">
      <div className="page__heading">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('members.title')}
        </h1>
        <p className="member-count" aria-live="polite" data-testid="member-count">
          {total === null
            ? t('members.countLoading')
            : t('members.count', { count: total, total: format.number(total) })}
        </p>
        <button
          type="button"
          className="button button--primary page__heading-action"
          onClick={() => setNewMember({ joinedOn: today() })}
        >
          {t('members.add')}
        </button>
        <ExportMenu query={query} chapterDelimiter={chapter.csvDelimiter} />
        <PrintMenu
          items={[
            {
              label: t('print.open.roster'),
              accessibleLabel: t('print.open.rosterLabel'),
              disabled: total === 0,
              // The columns chosen, not only those this window has room for: paper has its own width.
              request: () => ({ kind: 'roster', filters: query, columns: rosterColumnsFor(columns) }),
            },
            {
              label: t('print.open.labels'),
              accessibleLabel: t('print.open.labelsLabel'),
              disabled: noMailing,
              request: () => ({ kind: 'labels', filters: query }),
            },
            {
              label: t('print.open.cards'),
              accessibleLabel: t('print.open.cardsLabel'),
              disabled: noMailing,
              request: () => ({ kind: 'cards', filters: query }),
            },
            {
              label: t('print.open.form'),
              accessibleLabel: t('print.open.formLabel'),
              request: () => ({ kind: 'form' }),
            },
          ]}
        />
      </div>
      <NumberClashes dataVersion={dataVersion} enabled={total !== null} onRenumbered={onRenumbered} />
      <EmailClashes dataVersion={dataVersion} enabled={total !== null} types={types} onMerged={onMerged} />
      <div className="members-toolbar">
        <MemberFilters state={listState} onChange={onListStateChange} types={types} cities={cities} />
        <ColumnPicker
          wanted={columns}
          shown={total ? shownColumns : null}
          onChange={(next) => {
            setColumns(next);
            rememberWantedColumns(localStorage, next);
          }}
        />
      </div>
      {deleted && (
        <p className="deleted-notice" data-testid="deleted-help">
          {t('privacy.deletedHelp')}
        </p>
      )}
      {snapshot.error && <ErrorBanner error={snapshot.error} onRetry={() => pages.refresh()} />}
      {citiesError !== null && <ErrorBanner error={citiesError} />}
      {total === 0 ? (
        <p className="empty-state">
          {narrowed ? t('members.noMatch') : deleted ? t('privacy.noDeleted') : t('members.noMembers')}
        </p>
      ) : (
        <MemberTable
          pages={pages}
          shownQuery={snapshot.query}
          total={total ?? 0}
          label={t('members.title')}
          sort={sort}
          direction={direction}
          onSort={onSort}
          onOpen={onOpenMember}
          initialOffset={initialScrollOffset}
          chapterCountry={chapter.country}
          columns={columns}
          onShownColumns={setShownColumns}
        />
      )}
      {newMember && (
        <MemberFormDialog
          defaults={newMember}
          types={types}
          chapterCountry={chapter.country}
          onClose={() => setNewMember(null)}
          onSaved={(member) => {
            setNewMember(null);
            onMemberAdded(member);
          }}
        />
      )}
    </main>
  );
}
