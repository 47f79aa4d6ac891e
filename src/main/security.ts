import type { BrowserWindowConstructorOptions } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

/** The renderer gets no Node, runs sandboxed, and sees only what the preload exposes. */
export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  };
}

/**
 * Whether a navigation of the app window to `target` stays inside the app. Only the exact origin
 * (and, for file://, the exact page) the app was loaded from is allowed; everything else is denied.
 */
export function isInAppNavigation(target: string, appUrl: string): boolean {
  const to = safeUrl(target);
  const app = safeUrl(appUrl);
  if (!to || !app) return false;
  if (app.protocol === 'file:') return to.protocol === 'file:' && to.pathname === app.pathname;
  return to.origin === app.origin;
}

/**
 * A link the user may open in the system browser: https only, with a host, no credentials.
 * Returns the normalised URL to hand to the shell, or null to ignore the request.
 */
export function externalLinkTarget(target: string): string | null {
  const url = safeUrl(target);
  if (!url || url.protocol !== 'https:' || !url.hostname || url.username || url.password) return null;
  return url.toString();
}

/** IPC is answered only for our own window's top frame, loaded from the app's own URL. */
export function isTrustedSender(senderUrl: string | undefined, appUrl: string, isTopFrame: boolean): boolean {
  return isTopFrame && typeof senderUrl === 'string' && isInAppNavigation(senderUrl, appUrl);
}

/** CSP as a response header, for every response the window loads (the built HTML carries it too). */
export function withCspHeader(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  return { ...(headers ?? {}), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

function safeUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
