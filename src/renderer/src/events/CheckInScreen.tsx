import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attendee, CheckInResult, EventCounts, EventDetail, QuorumState } from '../../../shared/events';
import { wordError } from '../i18n/errorWords';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { StatusBadge } from '../components/StatusBadge';
import { useFormat } from '../i18n/useFormat';
import { CancelledBadge } from './EventBits';
import { foreignZone } from './eventTime';
import { QuorumLine } from './QuorumLine';
import { useEventTime } from './useEventTime';
import { WalkInDialog } from './WalkInDialog';
import { DeletedBadge } from '../privacy/DeletedBadge';

const RESULTS = 8;
const LOG_LENGTH = 6;

interface CheckInScreenProps {
  id: string;
  dataVersion: number;
  onBack: () => void;
  onChanged: () => void;
}

type Entry =
  | { key: number; state: 'pending'; name: string }
  | { key: number; state: 'in' | 'already' | 'undone'; name: string; attendee: Attendee; undone?: boolean }
  | { key: number; state: 'error'; name: string; error: unknown };

interface Live {
  counts: EventCounts;
  quorumState: QuorumState | null;
}

/**
 * The door: one search box that keeps the focus, Enter checks in the highlighted person, the box
 * clears for the next one. Built for a queue of a hundred people and a keyboard, on a slow laptop.
 */
export function CheckInScreen({ id, dataVersion, onBack, onChanged }: CheckInScreenProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const time = useEventTime();
  const listId = useId();
  const [event, setEvent] = useState<EventDetail | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  /** Counts as the last check-in left them, until a re-read that started after it comes back. */
  const [live, setLive] = useState<Live | null>(null);
  const [text, setText] = useState('');
  const [results, setResults] = useState<{ query: string; rows: Attendee[] } | null>(null);
  const [searchError, setSearchError] = useState<unknown>(null);
  const [active, setActive] = useState(0);
  const [log, setLog] = useState<Entry[]>([]);
  const [walkIn, setWalkIn] = useState<{ name: string } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const textRef = useRef('');
  const request = useRef(0);
  /** One search in flight at a time; what was typed meanwhile is searched when it returns. */
  const inFlight = useRef(false);
  const queued = useRef<string | null>(null);
  /** Enter came before the results for what is typed: act on them when they arrive. */
  const pendingEnter = useRef(false);
  const writes = useRef(0);
  const entryKey = useRef(0);

  useEffect(() => {
    let current = true;
    const writesBefore = writes.current;
    api.call('events.get', { id }).then(
      (found) => {
        if (!current) return;
        setEvent(found);
        setLoadError(null);
        if (writes.current === writesBefore) setLive(null);
      },
      (failure: unknown) => {
        if (current) setLoadError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [id, dataVersion, attempt]);

  const focusSearch = () => inputRef.current;

  const addEntry = (entry: Entry) => setLog((current) => [entry, ...current].slice(0, LOG_LENGTH));
  const updateEntry = (key: number, entry: Entry) =>
    setLog((current) => current.map((e) => (e.key === key ? entry : e)));

  const applied = (result: CheckInResult) => {
    writes.current++;
    setLive({ counts: result.counts, quorumState: result.quorumState });
    onChanged();
  };

  const checkIn = (person: Attendee) => {
    const key = ++entryKey.current;
    const name = person.erased ? t('events.erasedPerson') : person.name || t('members.unnamed');
    addEntry({ key, state: 'pending', name });
    // A member whose registration was cancelled comes in by member: the service makes them a walk-in.
    const input =
      person.registrationId && person.state !== 'cancelled'
        ? { eventId: id, registrationId: person.registrationId }
        : person.memberId
          ? { eventId: id, memberId: person.memberId }
          : {
              eventId: id,
              guestName: name,
              ...(person.email ? { guestEmail: person.email } : {}),
              ...(person.phone ? { guestPhone: person.phone } : {}),
            };
    api.call('events.checkIn', input).then(
      (result) => {
        updateEntry(key, { key, state: result.already ? 'already' : 'in', name, attendee: result.attendee });
        applied(result);
      },
      (failure: unknown) => updateEntry(key, { key, state: 'error', name, error: failure }),
    );
  };

  const clear = () => {
    queued.current = null;
    request.current++;
    pendingEnter.current = false;
    textRef.current = '';
    setText('');
    setResults(null);
    setActive(0);
  };

  /** Enter on fresh results: the highlighted person, or, when nobody matches, a walk-in by that name. */
  const enter = (query: string, rows: Attendee[], index: number) => {
    const person = rows[index] ?? rows[0];
    if (person) {
      clear();
      checkIn(person);
    } else {
      setWalkIn({ name: query });
    }
  };

  /**
   * Searches at once on every key, with no delay to wait out: while one search is on its way, the
   * latest text waits and goes next, so a fast typist never queues a search per key.
   */
  const search = (query: string) => {
    if (inFlight.current) {
      queued.current = query;
      return;
    }
    inFlight.current = true;
    const mine = ++request.current;
    api
      .call('events.search', { eventId: id, query, limit: RESULTS })
      .then(
        (rows) => {
          // A cleared box or a check-in made since: this answer is for nobody.
          if (mine !== request.current) return;
          setResults({ query, rows });
          setSearchError(null);
          setActive(0);
          if (pendingEnter.current && query === textRef.current.trim()) {
            pendingEnter.current = false;
            enter(query, rows, 0);
          }
        },
        (failure: unknown) => {
          if (mine !== request.current) return;
          pendingEnter.current = false;
          setSearchError(failure);
        },
      )
      .finally(() => {
        inFlight.current = false;
        const next = queued.current;
        queued.current = null;
        if (next !== null && next === textRef.current.trim()) search(next);
      });
  };

  const onType = (value: string) => {
    textRef.current = value;
    setText(value);
    pendingEnter.current = false;
    const query = value.trim();
    if (!query) {
      queued.current = null;
      request.current++;
      setResults(null);
      return;
    }
    search(query);
  };

  const query = text.trim();
  const shown = query && results ? results : null;
  const fresh = shown !== null && shown.query === query;
  const lastIn = log.find((entry) => entry.state === 'in' && !entry.undone);

  const undo = async () => {
    if (!lastIn || lastIn.state !== 'in') return;
    const { key, name, attendee } = lastIn;
    try {
      const result = await api.call('events.undoCheckIn', { eventId: id, attendeeId: attendee.id });
      updateEntry(key, { ...lastIn, undone: true });
      addEntry({ key: ++entryKey.current, state: 'undone', name, attendee: result.attendee });
      applied(result);
    } catch (failure) {
      addEntry({ key: ++entryKey.current, state: 'error', name, error: failure });
    }
    inputRef.current?.focus();
  };

  const onKeyDown = (keyed: KeyboardEvent<HTMLInputElement>) => {
    const rows = shown?.rows ?? [];
    if (keyed.key === 'ArrowDown' || keyed.key === 'ArrowUp') {
      keyed.preventDefault();
      if (rows.length === 0) return;
      const step = keyed.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + rows.length) % rows.length);
    } else if (keyed.key === 'Enter') {
      keyed.preventDefault();
      if (!query || keyed.repeat) return;
      if (fresh) enter(query, rows, active);
      else {
        pendingEnter.current = true;
        search(query);
      }
    } else if (keyed.key === 'Escape' && text) {
      keyed.preventDefault();
      clear();
    } else if ((keyed.ctrlKey || keyed.metaKey) && keyed.key.toLowerCase() === 'z' && !text && lastIn) {
      keyed.preventDefault();
      void undo();
    }
  };

  const back = (
    <button type="button" className="button button--quiet back-link" onClick={onBack}>
      <span aria-hidden className="back-link__arrow">
        ←
      </span>
      {t('events.checkIn.back')}
    </button>
  );

  if (!event) {
    return (
      <main className="page door">
        {back}
        {loadError !== null ? (
          <ErrorBanner error={loadError} onRetry={() => setAttempt((n) => n + 1)} />
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </main>
    );
  }

  const counts = live?.counts ?? event.counts;
  const zone = foreignZone(event.timeZone);
  const quorum = live ? live.quorumState : event.quorumState;
  const latest = log[0];
  const entryText = (entry: Entry) => {
    switch (entry.state) {
      case 'pending':
        return t('events.checkIn.pending', { name: entry.name });
      case 'in':
        return t(entry.undone ? 'events.checkIn.doneUndone' : 'events.checkIn.done', {
          name: entry.name,
          time: entry.attendee.checkedInAt ? time.time(entry.attendee.checkedInAt, event.timeZone) : '',
        });
      case 'already':
        return t('events.checkIn.already', {
          name: entry.name,
          time: entry.attendee.checkedInAt ? time.time(entry.attendee.checkedInAt, event.timeZone) : '',
        });
      case 'undone':
        return t('events.checkIn.undone', { name: entry.name });
      case 'error':
        return t('events.checkIn.failed', { name: entry.name, message: wordError(entry.error, t).text });
    }
  };
  const optionId = (index: number) => `${listId}-option-${index}`;
  const expanded = shown !== null && shown.rows.length > 0;

  const stateText = (a: Attendee) => {
    if (!a.registrationId) return t('events.checkIn.notRegistered');
    if (a.state === 'waiting' && a.waitingPosition !== null)
      return t('events.states.waitingAt', { position: format.number(a.waitingPosition) });
    return t(`events.states.${a.state}`);
  };

  return (
    <main className="page door">
      {back}
      <div className="door__heading">
        <h1>{t('events.checkIn.title')}</h1>
        <p className="door__event">
          <strong>{event.title || t('events.untitled')}</strong>
          <span className="muted">
            {time.range(event.startsAt, event.endsAt, event.timeZone)}
            {zone && ` (${zone})`}
          </span>
          {event.cancelled && <CancelledBadge />}
        </p>
      </div>
      {event.cancelled && (
        <p className="events-notice events-notice--warning">{t('events.checkIn.closed')}</p>
      )}
      <div className="door__layout">
        <div className="door__main">
          <label htmlFor="door-search" className="door__label">
            {t('events.checkIn.searchLabel')}
          </label>
          <div className="door__box">
            <input
              ref={inputRef}
              id="door-search"
              type="text"
              role="combobox"
              className="input door__search"
              autoFocus
              autoComplete="off"
              spellCheck={false}
              disabled={event.cancelled}
              placeholder={t('events.checkIn.placeholder')}
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-describedby="door-search-hint"
              aria-activedescendant={expanded && fresh ? optionId(active) : undefined}
              aria-keyshortcuts="Control+Z"
              value={text}
              onChange={(typed) => onType(typed.target.value)}
              onKeyDown={onKeyDown}
            />
            <ul
              id={listId}
              role="listbox"
              className={fresh ? 'door__results' : 'door__results door__results--stale'}
              aria-label={t('events.checkIn.results')}
              aria-busy={!fresh}
              hidden={!expanded}
              data-testid="door-results"
            >
              {expanded &&
                shown.rows.map((person, index) => (
                  <li
                    key={person.id}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === active}
                    className="door__option"
                    data-testid="door-option"
                    onMouseDown={(pressed) => pressed.preventDefault()}
                    onMouseMove={() => setActive(index)}
                    onClick={() => {
                      clear();
                      checkIn(person);
                      inputRef.current?.focus();
                    }}
                  >
                    <span className="door__person">
                      <span className="door__name">
                        {person.erased ? t('events.erasedPerson') : person.name || t('members.unnamed')}
                        {person.memberNumber && <span className="muted"> · {person.memberNumber}</span>}
                        {person.memberDeleted && <DeletedBadge />}
                      </span>
                      {(person.email || person.phone) && (
                        <bdi className="door__detail muted">{person.email ?? person.phone}</bdi>
                      )}
                    </span>
                    <span className="door__tags">
                      {person.guest && <span className="guest-badge">{t('events.guestBadge')}</span>}
                      <span className="door__state">{stateText(person)}</span>
                      {person.memberStatus && <StatusBadge status={person.memberStatus} />}
                      {person.checkedInAt && (
                        <span className="door__present">
                          {t('events.checkIn.present', {
                            time: time.time(person.checkedInAt, event.timeZone),
                          })}
                        </span>
                      )}
                    </span>
                  </li>
                ))}
            </ul>
            {fresh && shown.rows.length === 0 && (
              <p className="door__empty" data-testid="door-empty">
                {t('events.checkIn.noMatch', { query })}
              </p>
            )}
          </div>
          <p id="door-search-hint" className="field__hint">
            {t('events.checkIn.hint')}
          </p>
          <span className="visually-hidden" role="status">
            {fresh ? t('events.checkIn.resultCount', { count: shown.rows.length }) : ''}
          </span>
          {searchError !== null && <ErrorBanner error={searchError} onDismiss={() => setSearchError(null)} />}
          <div className="door__tools">
            <button
              type="button"
              className="button"
              disabled={event.cancelled}
              onClick={() => setWalkIn({ name: query })}
            >
              {t('events.walkIn.open')}
            </button>
            {lastIn && lastIn.state === 'in' && (
              <button type="button" className="button" onClick={() => void undo()}>
                {t('events.checkIn.undo', { name: lastIn.name })}
              </button>
            )}
          </div>
          <div className="door__notices">
            <div role="status" className="door__notice-region">
              {latest && latest.state !== 'error' && (
                <p
                  className={`door__notice door__notice--${latest.state}`}
                  data-testid="door-notice"
                  data-state={latest.state}
                >
                  {entryText(latest)}
                </p>
              )}
            </div>
            <div role="alert" className="door__notice-region">
              {latest && latest.state === 'error' && (
                <p className="door__notice door__notice--error" data-testid="door-notice" data-state="error">
                  {entryText(latest)}
                </p>
              )}
            </div>
            {log.length > 1 && (
              <ol className="door__log" aria-label={t('events.checkIn.recent')}>
                {log.slice(1).map((entry) => (
                  <li
                    key={entry.key}
                    className={`door__log-entry door__log-entry--${entry.state}${'undone' in entry && entry.undone ? ' door__log-entry--struck' : ''}`}
                  >
                    {entryText(entry)}
                  </li>
                ))}
              </ol>
            )}
          </div>
        </div>
        <aside className="door__counts card" aria-labelledby="door-counts-title">
          <h2 id="door-counts-title">{t('events.checkIn.countsTitle')}</h2>
          <dl className="door__figures">
            <div className="door__figure" data-testid="door-registered">
              <dt>{t('events.checkIn.registered')}</dt>
              <dd>
                {event.capacity === null
                  ? format.number(counts.registered)
                  : t('events.checkIn.ofCapacity', {
                      number: format.number(counts.registered),
                      capacity: format.number(event.capacity),
                    })}
              </dd>
            </div>
            <div className="door__figure" data-testid="door-checked-in">
              <dt>{t('events.checkIn.checkedIn')}</dt>
              <dd>{format.number(counts.checkedIn)}</dd>
            </div>
            <div className="door__figure" data-testid="door-walk-ins">
              <dt>{t('events.checkIn.walkIns')}</dt>
              <dd>{format.number(counts.walkIns)}</dd>
            </div>
          </dl>
          {quorum && <QuorumLine event={event} quorum={quorum} live />}
        </aside>
      </div>
      {walkIn && (
        <WalkInDialog
          eventId={id}
          name={walkIn.name}
          returnTo={focusSearch}
          onClose={() => setWalkIn(null)}
          onCheckedIn={(result) => {
            setWalkIn(null);
            clear();
            const name = result.attendee.name || t('members.unnamed');
            addEntry({
              key: ++entryKey.current,
              state: result.already ? 'already' : 'in',
              name,
              attendee: result.attendee,
            });
            applied(result);
          }}
        />
      )}
    </main>
  );
}
