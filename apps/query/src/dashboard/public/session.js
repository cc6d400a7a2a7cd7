const KEY = 'bureau-token';

/**
 * The bureau token the page was opened with (`/dashboard?token=hbt_…`). It moves to sessionStorage
 * (gone when the tab closes) and out of the address bar at once, so it is not bookmarked, shared in
 * a screenshot or kept in history. A reload finds it in sessionStorage.
 */
export function takeToken() {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(KEY);
}
