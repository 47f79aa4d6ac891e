import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { foldText } from '../../../shared/text';
import type { ControlProps } from '../components/Field';

export interface ComboOption {
  /** What is stored: a country or currency code. */
  value: string;
  /** What people read and type: the name in the UI language. */
  label: string;
}

interface OptionComboboxProps {
  control: ControlProps;
  options: readonly ComboOption[];
  /** The chosen option's value, or '' for none. */
  value: string;
  /** The option chosen ('' for none) and the text in the box, which may name none. */
  onChange: (value: string, text: string) => void;
  autoComplete?: string;
}

const SHOWN = 50;

/**
 * Picks one of a fixed list by typing part of its name or its code, as an ARIA 1.2 combobox (the
 * pattern of MemberCombobox): the focus stays in the text box, the arrows move through the options,
 * Enter picks one, Escape closes the list. Text that names one option exactly (its name, whatever
 * the case and accents, or its code in capitals) chooses it as it is typed.
 */
export function OptionCombobox({
  control,
  options,
  value,
  onChange,
  autoComplete = 'off',
}: OptionComboboxProps) {
  const { t } = useTranslation();
  const listId = useId();
  const selected = options.find((o) => o.value === value) ?? null;
  const [text, setText] = useState(selected?.label ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  /** The value the typed text named: the box keeps what was typed for it. */
  const [typed, setTyped] = useState<string | null>(null);

  // An option chosen from outside (a proposal taken, a setting loaded) shows up in the box.
  const [shown, setShown] = useState(selected?.label ?? null);
  if ((selected?.label ?? null) !== shown) {
    setShown(selected?.label ?? null);
    if (selected && selected.value !== typed) setText(selected.label);
  }

  const folded = useMemo(() => options.map((o) => ({ option: o, key: foldText(o.label) })), [options]);
  const query = foldText(text.trim());
  const matches = useMemo(() => {
    if (!query || (selected && text === selected.label)) return options.slice(0, SHOWN);
    const code = text.trim().toUpperCase();
    const starts = folded.filter((f) => f.option.value === code || f.key.startsWith(query));
    const inside = folded.filter((f) => !starts.includes(f) && f.key.includes(query));
    return [...starts, ...inside].slice(0, SHOWN).map((f) => f.option);
  }, [folded, options, query, selected, text]);
  const expanded = open && matches.length > 0;

  const choose = (option: ComboOption) => {
    setTyped(null);
    onChange(option.value, option.label);
    setText(option.label);
    setOpen(false);
  };

  const type = (next: string) => {
    setText(next);
    setOpen(true);
    setActive(0);
    const key = foldText(next.trim());
    // A code counts as typed in capitals only: "Ma" is the start of Mali, not Morocco's MA.
    const exact = folded.find((f) => f.key === key || f.option.value === next.trim());
    setTyped(exact ? exact.option.value : null);
    onChange(exact ? exact.option.value : '', next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' && expanded) {
      // Enter picks; it never submits the form while the list is open.
      event.preventDefault();
      const option = matches[active];
      if (option) choose(option);
    } else if (event.key === 'Escape' && expanded) {
      // Closes the list only, not the dialog around it.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className="combobox">
      <input
        {...control}
        type="text"
        role="combobox"
        className="input"
        autoComplete={autoComplete}
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? optionId(active) : undefined}
        value={text}
        onChange={(event) => type(event.target.value)}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          // Leaving the box shows the name of what is chosen rather than the half-typed text.
          if (selected) setText(selected.label);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" className="combobox__list" hidden={!expanded}>
        {expanded &&
          matches.map((option, index) => (
            <li
              key={option.value}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="combobox__option"
              // Keeps the focus in the text box, so the list does not close before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => setActive(index)}
              onClick={() => choose(option)}
            >
              <span className="combobox__name">{option.label}</span>
              <span className="combobox__detail muted">{option.value}</span>
            </li>
          ))}
      </ul>
      {open && query !== '' && matches.length === 0 && (
        <p className="combobox__empty muted">{t('pickers.none', { query: text.trim() })}</p>
      )}
      <span className="visually-hidden" role="status">
        {expanded ? t('pickers.results', { count: matches.length }) : ''}
      </span>
    </div>
  );
}
