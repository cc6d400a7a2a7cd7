/**
 * The live stream (SSE): each pushed `value` goes to `onValue`. EventSource reconnects by itself,
 * but the server starts every connection at the newest change, so whatever was pushed meanwhile is
 * lost: after a reconnect the page re-reads over the API (`onResync`).
 */
export function connectLive(url, { onValue, onState, onResync }) {
  const source = new EventSource(url);
  let interrupted = false;
  source.addEventListener('open', () => {
    onState('live');
    if (interrupted) onResync();
    interrupted = false;
  });
  source.addEventListener('error', () => {
    interrupted = true;
    // CLOSED: the server refused (a revoked token); EventSource will not retry by itself.
    onState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
  });
  source.addEventListener('value', (event) => onValue(JSON.parse(event.data)));
  return source;
}

/** Runs `fn` once activity has paused for `ms` (a burst of pushed values → one refresh). */
export function debounce(fn, ms) {
  let timer;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}
