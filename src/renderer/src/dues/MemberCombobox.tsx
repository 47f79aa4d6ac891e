import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/domain';
import { api } from '../api/client';
import type { ControlProps } from '../components/Field';
import { memberName } from '../components/memberName';
import { StatusBadge } from '../components/StatusBadge';
import { useDebouncedValue } from '../hooks/useDebouncedValue';

const SEARCH_DELAY_MS = 150;
const LIMIT = 8;

interface MemberComboboxProps {
  control: ControlProps;
  selected: Member | null;
  onSelect: (member: Member | null) => void;
  placeholder?: string;
  /** Hidden label for places without a visible one (a table cell). */
  ariaLabel?: string;
  /** The list pushes what follows down instead of floating: for places that clip (a scrolling table). */
  inline?: boolean;
}

export function memberLabel(member: Member, unnamed: string): string {
  const name = memberName(member) || unnamed;
  return member.memberNumber ? `${name} (${member.memberNumber})` : name;
}

/**
 * Search as you type over `members.list` (8 at a time), as an ARIA 1.2 combobox: the focus stays
 * in the text box, the arrows move through the options, Enter picks one, Escape closes the list.
 */
export function MemberCombobox({
  control,
  selected,
  onSelect,
  placeholder,
  ariaLabel,
  inline = false,
}: MemberComboboxProps) {
  const { t } = useTranslation();
  const unnamed = t('members.unnamed');
  const listId = useId();
  const [text, setText] = useState(() => (selected ? memberLabel(selected, unnamed) : ''));
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<Member[]>([]);
  const [searched, setSearched] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState(false);
  const request = useRef(0);
  const query = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);
  const selectedLabel = selected ? memberLabel(selected, unnamed) : null;

  // A member chosen elsewhere (loaded for the member page) shows up in the box.
  const [shownSelection, setShownSelection] = useState(selectedLabel);
  if (selectedLabel !== shownSelection) {
    setShownSelection(selectedLabel);
    if (selectedLabel !== null) setText(selectedLabel);
  }

  useEffect(() => {
    if (!query || query === selectedLabel) return;
    const mine = ++request.current;
    api.call('members.list', { query, limit: LIMIT }).then(
      (page) => {
        if (mine !== request.current) return;
        setOptions(page.rows);
        setSearched(query);
        setActive(page.rows.length > 0 ? 0 : -1);
        setError(false);
      },
      () => {
        if (mine !== request.current) return;
        setOptions([]);
        setSearched(query);
        setError(true);
      },
    );
  }, [query, selectedLabel]);

  const current = searched !== null && searched === query && query !== '';
  const expanded = open && current;

  const choose = (member: Member) => {
    onSelect(member);
    setText(memberLabel(member, unnamed));
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        return;
      }
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + options.length) % options.length);
    } else if (event.key === 'Enter' && expanded) {
      const member = options[active];
      // Enter picks; it never submits the form while the list is open.
      event.preventDefault();
      if (member) choose(member);
    } else if (event.key === 'Escape' && expanded) {
      // Closes the list only, not the dialog around it.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Home' && expanded && options.length > 0 && event.ctrlKey) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End' && expanded && options.length > 0 && event.ctrlKey) {
      event.preventDefault();
      setActive(options.length - 1);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className={inline ? 'combobox combobox--inline' : 'combobox'}>
      <input
        {...control}
        type="text"
        role="combobox"
        className="input"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        aria-label={ariaLabel}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          if (selected) onSelect(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" className="combobox__list" hidden={!expanded} aria-label={ariaLabel}>
        {expanded &&
          options.map((member, index) => (
            <li
              key={member.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="combobox__option"
              data-testid="member-option"
              // Keeps the focus in the text box, so the list does not close before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => setActive(index)}
              onClick={() => choose(member)}
            >
              <span className="combobox__name">
                {memberName(member) || unnamed}
                {member.memberNumber && <span className="muted"> · {member.memberNumber}</span>}
              </span>
              {member.email && <bdi className="combobox__detail muted">{member.email}</bdi>}
              <StatusBadge status={member.status} />
            </li>
          ))}
      </ul>
      {expanded && options.length === 0 && (
        <p className="combobox__empty muted">
          {error ? t('payments.member.searchFailed') : t('payments.member.none', { query })}
        </p>
      )}
      <span className="visually-hidden" role="status">
        {expanded && !error ? t('payments.member.results', { count: options.length }) : ''}
      </span>
    </div>
  );
}
