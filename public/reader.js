// The only script of a reader's page (scripts/static-public-pages.mjs puts it in place of
// Next's client runtime). It does what the page's three client components do when the page
// hydrates instead: components/site/VisitBeacon.tsx (count the pageview), VisitStatsLive.tsx
// (refresh "Thống kê truy cập") and CopyLinkButton.tsx (copy the article's address). Plain
// ES2017, no dependencies, loaded with `defer`: it runs once the document is parsed.
(function () {
  'use strict';

  // ---------------------------------------------------------------- the visit beacon
  var ENDPOINT = '/api/visits';

  /** crypto.randomUUID needs a secure context; plain-http deployments fall back to getRandomValues. */
  function eventId() {
    if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(b, function (x) {
      return x.toString(16).padStart(2, '0');
    }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  function countPageview() {
    // A string is sent as text/plain: no CORS preflight, and it survives the page being closed.
    var body = JSON.stringify({ path: location.pathname, referrer: document.referrer || null, eventId: eventId() });
    if (typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(ENDPOINT, body)) return;
    fetch(ENDPOINT, { method: 'POST', body: body, keepalive: true, credentials: 'same-origin' }).catch(function () {});
  }

  // ---------------------------------------------------------------- the statistics widget
  var REFRESH_MS = 60000;
  var KEYS = ['online', 'today', 'week', 'total'];

  /**
   * 1784275 → "1.784.275", as vi-VN writes it. Not Intl.NumberFormat: loading its locale data
   * took 50–75 ms of the main thread on the first call (200–300 ms on a throttled phone), the
   * longest task of the page after its first layout.
   */
  function viNumber(n) {
    return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  }

  function isFigures(value) {
    return (
      !!value &&
      typeof value === 'object' &&
      KEYS.every(function (k) {
        return typeof value[k] === 'number';
      })
    );
  }

  function refreshStats() {
    var widgets = document.querySelectorAll('[data-testid="visit-stats"]');
    if (widgets.length === 0 || document.visibilityState === 'hidden') return;
    fetch('/api/visits/summary', { credentials: 'same-origin' })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (figures) {
        if (!isFigures(figures)) return;
        widgets.forEach(function (widget) {
          widget.querySelectorAll('[data-stat]').forEach(function (cell) {
            var key = cell.getAttribute('data-stat');
            if (KEYS.indexOf(key) >= 0) cell.textContent = viNumber(figures[key]);
          });
        });
      })
      .catch(function () {
        // keep the figures we have
      });
  }

  // ---------------------------------------------------------------- the copy-link button
  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('[data-copy-url]') : null;
    if (!button) return;
    var url = button.getAttribute('data-copy-url');
    var label = button.querySelector('[aria-live]') || button;
    var original = label.textContent;
    // No clipboard outside a secure context (a portal served over plain http): ask the reader to copy.
    if (!navigator.clipboard) {
      window.prompt('Sao chép liên kết:', url);
      return;
    }
    navigator.clipboard
      .writeText(url)
      .then(function () {
        label.textContent = 'Đã sao chép';
        setTimeout(function () {
          label.textContent = original;
        }, 2000);
      })
      .catch(function () {
        window.prompt('Sao chép liên kết:', url);
      });
  });

  // Neither is needed for the first paint: leave the main thread to the page until it is idle.
  var whenIdle =
    typeof window.requestIdleCallback === 'function'
      ? function (task) {
          window.requestIdleCallback(task, { timeout: 2000 });
        }
      : function (task) {
          setTimeout(task, 1);
        };
  // Counted once: when the page is idle, or as it is left if that comes first (sendBeacon survives it).
  var counted = false;
  function countOnce() {
    if (counted) return;
    counted = true;
    countPageview();
  }
  whenIdle(countOnce);
  window.addEventListener('pagehide', countOnce);
  // The figures are refreshed once the footer comes into view, then every minute: most readers
  // never scroll that far, and the page's first seconds on a phone are left to the page itself.
  function refreshWhileShown() {
    refreshStats();
    setInterval(refreshStats, REFRESH_MS);
  }
  var widget = document.querySelector('[data-testid="visit-stats"]');
  if (widget && typeof window.IntersectionObserver === 'function') {
    var observer = new IntersectionObserver(function (entries) {
      if (!entries.some(function (e) { return e.isIntersecting; })) return;
      observer.disconnect();
      whenIdle(refreshWhileShown);
    });
    observer.observe(widget);
  } else if (widget) {
    whenIdle(refreshWhileShown);
  }
})();
