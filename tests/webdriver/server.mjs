//! Serves a built folder (dist/ by default) on 127.0.0.1 for the WebDriver suite through
//! tests/e2e/serve.mjs, with one addition: every HTML page gets the problem recorder
//! (`RECORDER`) as its first script. WebDriver has no console or page-error events that all
//! three engines give, so the page itself records them for `problems()` in helpers.mjs.
import { serve as serveFolder } from '../e2e/serve.mjs';

/** Records console errors, uncaught exceptions, rejected promises, resources that failed to load
 *  and Content-Security-Policy violations in `window.__problems`. Inline and before the page's
 *  Content-Security-Policy <meta>, which governs only what follows it, so the page's own policy
 *  stays as it ships; inline, so the service worker's cached page has it too. */
export const RECORDER = `<script>(function () {
  var p = window.__problems = [];
  var error = console.error;
  console.error = function () { p.push('console: ' + Array.prototype.join.call(arguments, ' ')); return error.apply(console, arguments); };
  window.addEventListener('error', function (e) {
    if (e.target && e.target !== window) p.push('failed to load: ' + (e.target.src || e.target.href || e.target.tagName));
    else p.push('page error: ' + e.message);
  }, true);
  window.addEventListener('unhandledrejection', function (e) { p.push('unhandled rejection: ' + (e.reason && e.reason.message || e.reason)); });
  document.addEventListener('securitypolicyviolation', function (e) { p.push('policy: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline')); });
})();</script>`;

/** The page with the recorder inserted after its <meta charset> (which must stay in the first
 *  1024 bytes for a page opened from disk), or after <head>. */
export const withRecorder = (html) => (/<meta charset[^>]*>/i.test(html)
  ? html.replace(/<meta charset[^>]*>/i, (m) => `${m}\n${RECORDER}`)
  : html.replace(/<head>/i, (h) => `${h}\n${RECORDER}`));

/** Serves `dir` on `port` (0: any free one), every HTML page with the recorder; resolves to
 *  { url, port, stop }. */
export const serve = (dir, port = 0) => serveFolder(dir, port, { html: withRecorder });
