import './events.css';
import type { Chapter } from '../../../shared/domain';
import { CheckInScreen } from './CheckInScreen';
import { EventScreen } from './EventScreen';
import { EventsScreen } from './EventsScreen';

/** One event's page, or its door. The list is the `events` section itself. */
export type EventView = { name: 'event'; id: string } | { name: 'door'; id: string };
export type EventsRouteView = { name: 'events' } | EventView;

export function isEventView(view: { name: string }): view is EventView {
  return view.name === 'event' || view.name === 'door';
}

interface EventsRouteProps {
  view: EventsRouteView;
  chapter: Chapter;
  dataVersion: number;
  onChanged: () => void;
  onNavigate: (view: EventsRouteView) => void;
  onOpenMember: (id: string) => void;
  onNotice: (text: string) => void;
}

/** The events section: the list, an event's page, its check-in screen. */
export function EventsRoute({
  view,
  chapter,
  dataVersion,
  onChanged,
  onNavigate,
  onOpenMember,
  onNotice,
}: EventsRouteProps) {
  if (view.name === 'door') {
    return (
      <CheckInScreen
        key={view.id}
        id={view.id}
        dataVersion={dataVersion}
        onBack={() => onNavigate({ name: 'event', id: view.id })}
        onChanged={onChanged}
      />
    );
  }
  if (view.name === 'event') {
    return (
      <EventScreen
        key={view.id}
        id={view.id}
        dataVersion={dataVersion}
        onBack={() => onNavigate({ name: 'events' })}
        onChanged={onChanged}
        onOpenEvent={(id) => onNavigate({ name: 'event', id })}
        onOpenMember={onOpenMember}
        onCheckIn={() => onNavigate({ name: 'door', id: view.id })}
        onNotice={onNotice}
      />
    );
  }
  return (
    <EventsScreen
      chapter={chapter}
      dataVersion={dataVersion}
      onChanged={onChanged}
      onOpenEvent={(id) => onNavigate({ name: 'event', id })}
      onNotice={onNotice}
    />
  );
}
