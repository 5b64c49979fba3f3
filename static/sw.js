// Agendum's service worker: keeps the app shell (index.html and the hashed .js, .wasm and .css
// Trunk builds) in a cache named after the build, so that after one visit the editor opens,
// edits, saves and exports with no network. Agendas themselves live in localStorage, not here.
//
// A new build is a new BUILD.version, so a changed sw.js: the browser installs it next to the
// running one, it fills its own cache, and it waits. The page (sw-register.js) says a new version
// is ready; only when the user presses Reload does it ask this worker to take over, and the old
// cache is deleted then. Nothing reloads on its own, so nothing being typed is lost.
//
// BUILD is written by scripts/trunk-post-build.mjs (a Trunk post-build hook). Unbuilt, or in a debug
// build (trunk serve), it caches nothing and takes over at once, so development always sees the
// latest code.
const BUILD = null;

const PREFIX = 'agendum-shell-';
const OFFLINE = Boolean(BUILD && BUILD.release);
const CACHE = OFFLINE ? PREFIX + BUILD.version : null;
const SHELL = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  if (!OFFLINE) {
    self.skipWaiting();
    return;
  }
  // Content-hashed files can come from the HTTP cache (the page has just fetched them); the rest
  // (the page itself, the manifest, the icon) are revalidated so a stale copy is never kept.
  const requests = [
    ...BUILD.fresh.map((path) => new Request(new URL(path, self.location), { cache: 'no-cache' })),
    ...BUILD.hashed.map((path) => new Request(new URL(path, self.location))),
  ];
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'agendum:activate') self.skipWaiting();
});

if (OFFLINE) {
  self.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(request, { ignoreVary: true });
      if (hit) return hit;
      // Every page of the app is index.html (routes live in the #fragment).
      if (request.mode === 'navigate') {
        const shell = await cache.match(SHELL, { ignoreVary: true });
        if (shell) return shell;
      }
      return fetch(request);
    })());
  });
}
