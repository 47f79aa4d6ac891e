const STORAGE_KEY = 'chapterdesk.token';

/**
 * `chapterdesk serve` hands the token over once, in the URL fragment, which browsers never send to
 * a server. It is kept in sessionStorage so a reload still works, and taken out of the address bar
 * so it stays out of history, bookmarks and screenshots.
 */
export function takeSessionToken(): string | null {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', pathname + search + (rest ? `#${rest}` : ''));
  }
  return sessionStorage.getItem(STORAGE_KEY);
}
