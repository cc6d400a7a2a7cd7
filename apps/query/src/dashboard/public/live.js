/**
 * The live stream (SSE), subscribed to the cells the page shows: `subscribe(cells)` (re)opens it
 * for a new page or period; each changed cell — value, target and status — goes to `onValue`.
 * EventSource reconnects by itself and sends the last message's id (Last-Event-ID): the server then
 * re-sends the subscribed cells that changed meanwhile, so nothing is lost across a reconnect.
 */
export function createLive(urlFor, { onValue, onState }) {
  let source;
  return {
    subscribe(cells) {
      source?.close();
      source = new EventSource(urlFor(cells));
      const current = source;
      current.addEventListener('open', () => onState('live'));
      current.addEventListener('error', () => {
        // CLOSED: the server refused (a revoked token); EventSource will not retry by itself.
        onState(current.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
      });
      current.addEventListener('cells', (event) => {
        for (const cell of JSON.parse(event.data).cells) onValue(cell);
      });
    },
  };
}

/** Runs `fn` once activity has paused for `ms` (a burst of pushed values → one refresh). */
export function debounce(fn, ms) {
  let timer;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}
