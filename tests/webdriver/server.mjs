//! Serves a built folder (dist/ by default) on 127.0.0.1 for the WebDriver suite, as
//! tests/e2e/serve.mjs does, with one addition: every HTML page gets the problem recorder
//! (`RECORDER`) as its first script. WebDriver has no console or page-error events that all
//! three engines give, so the page itself records them for `problems()` in helpers.mjs.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

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

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};

/** Serves `dir` on `port` (0: any free one); resolves to { url, stop }. */
export function serve(dir, port = 0) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    } catch {
      file = join(root, 'index.html');
    }
    try {
      let body = await readFile(file);
      const type = types[extname(file)] || 'application/octet-stream';
      if (type.startsWith('text/html')) body = withRecorder(body.toString('utf8'));
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((done, fail) => {
    server.on('error', fail).listen(port, '127.0.0.1', () => done({
      url: `http://127.0.0.1:${server.address().port}/`,
      stop: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
    }));
  });
}
