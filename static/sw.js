// Offline support: precache every file of this build (the list is written at build time from the
// hashed file names), answer from the cache first, and wait for the learner's consent before a new
// version takes over. Only same-origin GET requests are handled; nothing else is ever fetched.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `clf-prep-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("clf-prep-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

// The page asks for this when the learner accepts the update.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  // The app is one page: a navigation to it (whatever the hash route) gets the cached index.html.
  const scope = new URL(self.registration.scope);
  const isPage = event.request.mode === "navigate" &&
    (url.pathname === scope.pathname || url.pathname === `${scope.pathname}index.html`);
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(isPage ? new URL("./index.html", scope).href : event.request, { ignoreSearch: true });
      return hit || fetch(event.request);
    })
  );
});
