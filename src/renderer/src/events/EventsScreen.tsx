import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../shared/domain';
import type { ChapterEvent, EventPage } from '../../../shared/events';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { useFormat } from '../i18n/useFormat';
import { AttendanceReport } from './AttendanceReport';
import { CancelledBadge, CountsLine, KindBadge } from './EventBits';
import { EventFormDialog } from './EventFormDialog';
import { foreignZone } from './eventTime';
import { useEventTime } from './useEventTime';

const TABS = ['upcoming', 'past'] as const;
type Tab = (typeof TABS)[number];
const PAGE = 50;

/** The tab last looked at, so coming back from an event lands where the secretary was. */
const TAB_KEY = 'chapterdesk.events.tab';

function rememberedTab(): Tab {
  try {
    return sessionStorage.getItem(TAB_KEY) === 'past' ? 'past' : 'upcoming';
  } catch {
    return 'upcoming';
  }
}

interface EventsScreenProps {
  chapter: Chapter;
  dataVersion: number;
  onChanged: () => void;
  onOpenEvent: (id: string) => void;
  onNotice: (text: string) => void;
}

export function EventsScreen({ chapter, dataVersion, onChanged, onOpenEvent, onNotice }: EventsScreenProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [tab, setTab] = useState<Tab>(rememberedTab);
  const [limit, setLimit] = useState(PAGE);
  const [page, setPage] = useState<{ tab: Tab; page: EventPage } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [creating, setCreating] = useState(false);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ upcoming: null, past: null });

  useEffect(() => {
    let current = true;
    api.call('events.list', { when: tab, limit }).then(
      (found) => {
        if (!current) return;
        setPage({ tab, page: found });
        setError(null);
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [tab, limit, dataVersion, attempt]);

  const choose = (next: Tab) => {
    try {
      sessionStorage.setItem(TAB_KEY, next);
    } catch {
      // Storage refused (a private window): the tab is simply not remembered.
    }
    setTab(next);
    setLimit(PAGE);
  };

  // Arrow keys move between tabs, as the ARIA tabs pattern has it (automatic activation).
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.indexOf(tab);
    let next: Tab | undefined;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      const forward = (event.key === 'ArrowRight') !== (document.documentElement.dir === 'rtl');
      next = TABS[(index + (forward ? 1 : TABS.length - 1)) % TABS.length];
    } else if (event.key === 'Home') next = TABS[0];
    else if (event.key === 'End') next = TABS[TABS.length - 1];
    if (!next) return;
    event.preventDefault();
    choose(next);
    tabRefs.current[next]?.focus();
  };

  const shown = page?.tab === tab ? page.page : null;
  return (
    <main className="page page--narrow events-page">
      <div className="page__heading">
        <h1>{t('events.title')}</h1>
        <div className="page__heading-action">
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            {t('events.new')}
          </button>
        </div>
      </div>
      {error !== null && <ErrorBanner error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      <section className="card stack" aria-labelledby="events-list-title">
        <h2 id="events-list-title" className="visually-hidden">
          {t('events.listTitle')}
        </h2>
        <div role="tablist" aria-label={t('events.listTitle')} className="event-tabs">
          {TABS.map((name) => (
            <button
              key={name}
              ref={(element) => {
                tabRefs.current[name] = element;
              }}
              type="button"
              role="tab"
              id={`events-tab-${name}`}
              aria-selected={tab === name}
              aria-controls="events-tabpanel"
              tabIndex={tab === name ? 0 : -1}
              className="event-tabs__tab"
              onClick={() => choose(name)}
              onKeyDown={onTabKey}
            >
              {t(`events.tabs.${name}`)}
            </button>
          ))}
        </div>
        <div id="events-tabpanel" role="tabpanel" aria-labelledby={`events-tab-${tab}`} className="stack">
          {shown === null ? (
            error === null && <p className="muted">{t('app.loading')}</p>
          ) : shown.rows.length === 0 ? (
            <p className="empty-state">
              {tab === 'upcoming' ? t('events.noneUpcoming') : t('events.nonePast')}
            </p>
          ) : (
            <>
              <ul className="event-list" data-testid="event-list">
                {shown.rows.map((event) => (
                  <EventItem key={event.id} event={event} onOpen={() => onOpenEvent(event.id)} />
                ))}
              </ul>
              {shown.total > shown.rows.length && (
                <p>
                  <button type="button" className="button" onClick={() => setLimit((n) => n + PAGE)}>
                    {t('events.showMore', {
                      count: shown.total - shown.rows.length,
                      number: format.number(shown.total - shown.rows.length),
                    })}
                  </button>
                </p>
              )}
            </>
          )}
        </div>
      </section>
      <AttendanceReport chapter={chapter} dataVersion={dataVersion} />
      {creating && (
        <EventFormDialog
          timeZone={chapter.timeZone}
          onClose={() => setCreating(false)}
          onSaved={(created) => {
            setCreating(false);
            onChanged();
            onNotice(t('events.created', { title: created.title }));
            onOpenEvent(created.id);
          }}
        />
      )}
    </main>
  );
}

function EventItem({ event, onOpen }: { event: ChapterEvent; onOpen: () => void }) {
  const { t } = useTranslation();
  const time = useEventTime();
  const tile = time.tile(event.startsAt, event.timeZone);
  const zone = foreignZone(event.timeZone);
  return (
    <li
      className={event.cancelled ? 'event-item event-item--cancelled' : 'event-item'}
      data-testid="event-item"
    >
      <div className="event-item__tile" aria-hidden="true">
        <span className="event-item__weekday">{tile.weekday}</span>
        <span className="event-item__day">{tile.day}</span>
        <span className="event-item__month">{tile.month}</span>
      </div>
      <div className="event-item__main">
        <h3 className="event-item__title">
          <button type="button" className="link-button" onClick={onOpen}>
            {event.title || t('events.untitled')}
          </button>
        </h3>
        <p className="event-item__meta">
          <span>
            {time.range(event.startsAt, event.endsAt, event.timeZone)}
            {zone && <span className="muted"> ({zone})</span>}
          </span>
          <KindBadge kind={event.kind} />
          {event.cancelled && <CancelledBadge />}
        </p>
        {event.venue && <p className="event-item__venue muted">{event.venue}</p>}
        <CountsLine event={event} />
      </div>
    </li>
  );
}
