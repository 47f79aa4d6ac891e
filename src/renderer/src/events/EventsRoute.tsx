import './events.css';
import type { Chapter } from '../../../shared/domain';
import { CheckInScreen } from './CheckInScreen';
import { EventScreen } from './EventScreen';
import { EventsScreen } from './EventsScreen';
import type { EventsRouteView } from './eventView';

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
