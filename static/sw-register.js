// Registers Agendum's service worker (sw.js, next to this file) so the editor works offline after
// one visit, and says so when a newer version has been downloaded: a banner at the bottom of the
// page, "A new version of Agendum is ready — Reload". It never reloads by itself, because a
// reload in the middle of typing could lose words; the user chooses when.
//
// Skipped, silently, where service workers cannot run: file:// pages, insecure origins, browsers
// without them. Plain script, no modules, no dependencies; the Rust app never sees it.
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;

  var workerUrl = new URL('sw.js', script.src).href;
  var reloadAsked = false;

  // The new worker takes control only after the user pressed Reload (or another tab did);
  // reload then, and only then.
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (reloadAsked) location.reload();
  });

  function announce(registration) {
    if (document.getElementById('agendum-update')) return;
    var bar = document.createElement('div');
    bar.id = 'agendum-update';
    bar.setAttribute('role', 'status');
    bar.style.cssText = [
      'position:fixed', 'left:50%', 'bottom:1rem', 'transform:translateX(-50%)', 'z-index:2147483647',
      'display:flex', 'align-items:center', 'gap:0.6rem', 'max-width:calc(100vw - 2rem)',
      'padding:0.5rem 0.6rem 0.5rem 1rem', 'border-radius:8px', 'background:#1d2330', 'color:#ffffff',
      'box-shadow:0 4px 18px rgba(0,0,0,0.25)',
    ].join(';');
    document.body.appendChild(bar);

    var text = document.createElement('span');
    text.textContent = 'A new version of Agendum is ready \u2014';
    var reload = document.createElement('button');
    reload.type = 'button';
    reload.textContent = 'Reload';
    reload.addEventListener('click', function () {
      reloadAsked = true;
      reload.disabled = true;
      var waiting = registration.waiting;
      if (waiting) waiting.postMessage({ type: 'agendum:activate' });
      else location.reload(); // already active (another tab took it): the reload alone updates
    });
    var later = document.createElement('button');
    later.type = 'button';
    later.textContent = 'Later';
    later.addEventListener('click', function () { bar.remove(); });

    // Filled after the empty live region is in place, so screen readers announce it.
    setTimeout(function () {
      bar.appendChild(text);
      bar.appendChild(reload);
      bar.appendChild(later);
    }, 50);
  }

  function watch(registration) {
    if (!registration) return; // register() stubbed out (test harnesses, some privacy extensions)
    // A version that finished installing during an earlier visit is waiting already.
    if (registration.waiting && navigator.serviceWorker.controller) announce(registration);
    registration.addEventListener('updatefound', function () {
      var worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', function () {
        // With no controller this is the first install, not an update: nothing to say.
        if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(registration);
      });
    });
    // Look for a new version when the user comes back to a long-open tab.
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible' && navigator.onLine) {
        registration.update().catch(function () {});
      }
    });
  }

  function register() {
    navigator.serviceWorker.register(workerUrl).then(watch, function (error) {
      // Not fatal: the editor works as before, only not offline.
      console.warn('Agendum will not work offline in this browser:', error && error.message);
    });
  }

  // After the page has loaded, so that caching the app never competes with starting it.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register);
})();
