import { useTranslation } from 'react-i18next';
import { useMenu } from '../hooks/useMenu';
import { ALWAYS_SHOWN, MEMBER_COLUMNS, type MemberColumn } from './memberColumns';

interface ColumnPickerProps {
  /** The columns wanted on this laptop. */
  wanted: readonly MemberColumn[];
  /** The columns the table has room for at its current width; null while there is no table. */
  shown: readonly MemberColumn[] | null;
  onChange: (wanted: MemberColumn[]) => void;
}

/**
 * "Columns": which columns of the members table to show. A column turned on that the window has
 * no room for says so, rather than the table silently leaving it out.
 */
export function ColumnPicker({ wanted, shown, onChange }: ColumnPickerProps) {
  const { t } = useTranslation();
  const { open, setOpen, close, toggle, containerProps } = useMenu();

  const set = (column: MemberColumn, on: boolean) =>
    onChange(MEMBER_COLUMNS.filter((c) => (c === column ? on : wanted.includes(c))));

  return (
    <div className="menu" {...containerProps}>
      <button
        ref={toggle}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls="column-picker-panel"
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t('members.columnsButton')}
        <span aria-hidden="true" className="menu__caret">
          ▾
        </span>
      </button>
      {open && (
        <div
          id="column-picker-panel"
          className="menu__panel"
          role="group"
          aria-label={t('members.columnsTitle')}
          aria-describedby="column-picker-hint"
          // Focusable, so a click on its text keeps the focus inside and the panel open.
          tabIndex={-1}
        >
          <p id="column-picker-hint" className="field__hint">
            {t('members.columnsHint')}
          </p>
          {MEMBER_COLUMNS.map((column) => {
            const on = column === ALWAYS_SHOWN || wanted.includes(column);
            const noRoom = on && shown !== null && !shown.includes(column);
            return (
              <label key={column} className="checkbox">
                <input
                  type="checkbox"
                  checked={on}
                  disabled={column === ALWAYS_SHOWN}
                  aria-describedby={noRoom ? `column-no-room-${column}` : undefined}
                  onChange={(event) => set(column, event.target.checked)}
                />
                {t(`columns.${column}`)}
                {noRoom && (
                  <span id={`column-no-room-${column}`} className="field__hint">
                    {t('members.columnNoRoom')}
                  </span>
                )}
              </label>
            );
          })}
        </div>
      )}
    </div>
  );
}
