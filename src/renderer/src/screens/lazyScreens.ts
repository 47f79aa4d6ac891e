import { lazy } from 'react';

/*
 * Every screen but the members list is loaded when it is first opened: the window that opens on
 * the list parses the list's code alone, so its first rows show sooner on a slow laptop (#13).
 */
export const ConflictsScreen = lazy(() =>
  import('./ConflictsScreen').then((m) => ({ default: m.ConflictsScreen })),
);
export const DuesScreen = lazy(() => import('./DuesScreen').then((m) => ({ default: m.DuesScreen })));
export const ImportScreen = lazy(() => import('./ImportScreen').then((m) => ({ default: m.ImportScreen })));
export const MemberScreen = lazy(() => import('./MemberScreen').then((m) => ({ default: m.MemberScreen })));
export const SettingsScreen = lazy(() =>
  import('./SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
);
export const SetupScreen = lazy(() => import('./SetupScreen').then((m) => ({ default: m.SetupScreen })));
export const EventsRoute = lazy(() =>
  import('../events/EventsRoute').then((m) => ({ default: m.EventsRoute })),
);
export const RecoveryScreen = lazy(() =>
  import('../backup/RecoveryScreen').then((m) => ({ default: m.RecoveryScreen })),
);
export const RecordPaymentDialog = lazy(() =>
  import('../dues/RecordPaymentDialog').then((m) => ({ default: m.RecordPaymentDialog })),
);
