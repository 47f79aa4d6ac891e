/** One event's page, or its door. The list is the `events` section itself. */
export type EventView = { name: 'event'; id: string } | { name: 'door'; id: string };
export type EventsRouteView = { name: 'events' } | EventView;

export function isEventView(view: { name: string }): view is EventView {
  return view.name === 'event' || view.name === 'door';
}
