import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, MemberSortField } from '../../../shared/domain';
import { displayPhone } from '../../../shared/phone';
import type { MemberPages, MemberQuery } from '../hooks/memberPages';
import { useFormat } from '../i18n/useFormat';
import { memberName } from './memberName';
import { StatusBadge } from './StatusBadge';
import { DeletedBadge } from '../privacy/DeletedBadge';
import { fitColumns, gridColumns, type MemberColumn } from './memberColumns';

const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 44;
const PAGE_JUMP = 10;

const SORTABLE: Partial<Record<MemberColumn, MemberSortField>> = {
  name: 'name',
  memberNumber: 'memberNumber',
  email: 'email',
  city: 'city',
  joinedOn: 'joinedOn',
  status: 'status',
};

interface MemberTableProps {
  pages: MemberPages;
  /** The query whose rows are on show: when it changes, the table starts again from the top. */
  shownQuery: MemberQuery | null;
  total: number;
  label: string;
  sort: MemberSortField;
  direction: 'asc' | 'desc';
  onSort: (field: MemberSortField) => void;
  /** The scroll offset comes along so that coming back to the list lands where the user left it. */
  onOpen: (id: string, scrollOffset: number) => void;
  /** Where to scroll once the first rows are in. */
  initialOffset: number;
  /** Phones of this country show in its national format, others in international format. */
  chapterCountry: string;
  /** The columns wanted (the column picker); those that fit the table's width are shown. */
  columns: readonly MemberColumn[];
  /** Told which of the wanted columns are on show, whenever the width or the choice changes that. */
  onShownColumns?: (shown: MemberColumn[]) => void;
}

export function MemberTable({
  pages,
  shownQuery,
  total,
  label,
  sort,
  direction,
  onSort,
  onOpen,
  initialOffset,
  chapterCountry,
  columns,
  onShownColumns,
}: MemberTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useInnerWidth(scrollRef);
  const shownKey = (width === null ? columns : fitColumns(columns, width, remPx())).join(' ');
  const shown = useMemo(() => shownKey.split(' ') as MemberColumn[], [shownKey]);
  useEffect(() => {
    onShownColumns?.(shown);
  }, [shown, onShownColumns]);
  const [activeIndex, setActiveIndex] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const scrolledFor = useRef<MemberQuery | null>(null);

  // The build does not run the React Compiler, so nothing here is auto-memoised and the
  // virtualizer's per-scroll values cannot go stale.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The sticky header sits inside the scroll area: rows start below it, and a row scrolled to
    // must not end up hidden under it.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    pages.request(first, last);
  }, [pages, first, last]);

  // The offset can only be restored once there are rows to scroll; after that, a new search or
  // filter is a new list and starts from the top.
  useEffect(() => {
    if (shownQuery === null || scrolledFor.current === shownQuery) return;
    const firstResults = scrolledFor.current === null;
    scrolledFor.current = shownQuery;
    virtualizer.scrollToOffset(firstResults ? initialOffset : 0);
    if (!firstResults) setActiveIndex(0);
  }, [shownQuery, initialOffset, virtualizer]);

  // The row to focus may only be rendered a frame or two after scrolling to it.
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus.current}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus();
    }
  });

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(total - 1, index));
    pendingFocus.current = target;
    setActiveIndex(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, member: Member | undefined) => {
    const moves: Partial<Record<string, number>> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE_JUMP,
      PageUp: index - PAGE_JUMP,
      Home: 0,
      End: total - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if ((event.key === 'Enter' || event.key === ' ') && member) {
      event.preventDefault();
      onOpen(member.id, virtualizer.scrollOffset ?? 0);
    }
  };

  const tabbableIndex = items.some((item) => item.index === activeIndex) ? activeIndex : first;

  return (
    <div
      ref={scrollRef}
      className="member-table"
      role="table"
      aria-label={label}
      aria-rowcount={total + 1}
      aria-colcount={shown.length}
      style={{ '--member-table-columns': gridColumns(shown) } as CSSProperties}
    >
      <div role="rowgroup" className="member-table__head" style={{ height: HEADER_HEIGHT }}>
        <div role="row" aria-rowindex={1} className="member-table__row">
          {shown.map((column) => (
            <HeaderCell
              key={column}
              column={column}
              sortField={SORTABLE[column]}
              sort={sort}
              direction={direction}
              onSort={onSort}
            />
          ))}
        </div>
      </div>
      <div role="rowgroup" className="member-table__body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const member = pages.row(item.index);
          // One element whether loaded or not, so a row focused while still loading keeps focus when it fills in.
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              aria-busy={member ? undefined : true}
              data-index={item.index}
              data-testid={member ? 'member-row' : 'member-row-placeholder'}
              tabIndex={item.index === tabbableIndex ? 0 : -1}
              className={`member-table__row member-table__row--${member ? 'member' : 'placeholder'}`}
              style={{ height: item.size, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
              onClick={member && (() => onOpen(member.id, virtualizer.scrollOffset ?? 0))}
              onFocus={() => setActiveIndex(item.index)}
              onKeyDown={(event) => onRowKeyDown(event, item.index, member)}
            >
              {member ? (
                <MemberCells member={member} columns={shown} chapterCountry={chapterCountry} />
              ) : (
                <div role="cell" className="member-table__cell member-table__cell--loading">
                  <span className="visually-hidden">{t('members.loadingRow')}</span>
                  <span className="placeholder-bar" aria-hidden />
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

interface HeaderCellProps {
  column: MemberColumn;
  sortField: MemberSortField | undefined;
  sort: MemberSortField;
  direction: 'asc' | 'desc';
  onSort: (field: MemberSortField) => void;
}

function HeaderCell({ column, sortField, sort, direction, onSort }: HeaderCellProps) {
  const { t } = useTranslation();
  const label = t(`columns.${column}`);
  if (!sortField) {
    return (
      <div role="columnheader" className="member-table__cell member-table__header">
        {label}
      </div>
    );
  }
  const active = sortField === sort;
  return (
    <div
      role="columnheader"
      className="member-table__cell member-table__header"
      aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        className="sort-button"
        title={t('members.sortBy', { column: label })}
        onClick={() => onSort(sortField)}
      >
        {label}
        <span aria-hidden className={`sort-indicator${active ? ' sort-indicator--active' : ''}`}>
          {active && direction === 'desc' ? '▼' : '▲'}
        </span>
      </button>
    </div>
  );
}

function MemberCells({
  member,
  columns,
  chapterCountry,
}: {
  member: Member;
  columns: readonly MemberColumn[];
  chapterCountry: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const phone = displayPhone(member, chapterCountry);
  const cells: Record<MemberColumn, () => ReactNode> = {
    name: () => memberName(member) || t('members.unnamed'),
    status: () => (
      <>
        <StatusBadge status={member.status} />
        {member.deleted && <DeletedBadge />}
        {member.paidThrough && (
          <span className="member-table__paid-through" title={t('fields.paidThrough')}>
            <span className="visually-hidden">{t('fields.paidThrough')} </span>
            {format.date(member.paidThrough)}
          </span>
        )}
      </>
    ),
    memberNumber: () => member.memberNumber,
    email: () => member.email && <bdi>{member.email}</bdi>,
    phone: () => phone && <bdi dir="ltr">{phone}</bdi>,
    city: () => member.city,
    type: () => member.typeName,
    joinedOn: () => member.joinedOn && format.date(member.joinedOn),
  };
  return (
    <>
      {columns.map((column) => (
        <div key={column} role="cell" className={`member-table__cell member-table__cell--${column}`}>
          {cells[column]()}
        </div>
      ))}
    </>
  );
}

/** The root font size in CSS pixels: column widths are in rem, so they follow the reader's text size. */
function remPx(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/**
 * The width inside the element's borders and scroll bar, in CSS pixels, followed as the window
 * (or the zoom) changes; null before the first measure. Measured before paint, so the table never
 * shows columns it has no room for.
 */
function useInnerWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
