/**
 * Alt+P opens Record payment from anywhere. Chromium, Electron's default menu and Firefox leave it
 * to the page (Ctrl+Shift+P is Firefox's private window and cannot be taken back). The physical
 * key is matched too, so it works with Cyrillic, Greek or Arabic layouts, where P types another letter.
 */
export const RECORD_PAYMENT_KEYS = 'Alt+P';

export function isRecordPaymentShortcut(
  event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'key' | 'code'>,
): boolean {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
  return event.code === 'KeyP' || event.key.toLowerCase() === 'p';
}
