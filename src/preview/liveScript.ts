// The browser side of `citechart watch`, served as /live.js (a file, not an
// inline script, so the pages' Content-Security-Policy can forbid inline
// script). It listens to the server's events and re-fetches the page's live
// fragment when its chart (or, on the index, any chart) was rebuilt.
export const LIVE_SCRIPT = `'use strict';
(() => {
  const live = document.querySelector('[data-live]');
  if (!live) return;
  const chart = live.getAttribute('data-live-chart');
  let latest = 0;
  async function refresh() {
    const ticket = ++latest;
    try {
      const response = await fetch(live.getAttribute('data-live'), { cache: 'no-store' });
      const text = await response.text();
      // A slower, older response must not overwrite a newer one.
      if (ticket !== latest || !(response.ok || response.status === 404)) return;
      live.innerHTML = text;
      const titled = live.querySelector('[data-page-title]');
      if (titled) document.title = titled.getAttribute('data-page-title');
    } catch (error) {
      // The server is restarting or gone; EventSource reconnects and refreshes then.
    }
  }
  const events = new EventSource('/events');
  // Also on every (re)connection: a rebuild may have finished while the page was loading.
  events.addEventListener('open', refresh);
  events.addEventListener('chart', (event) => {
    const changed = JSON.parse(event.data);
    if (!chart || changed.name === chart) refresh();
  });
})();
`;
