// Offline support. The build writes VERSION and FILES (every file of this build, relative to the
// worker). Rules that keep an update from ever breaking the app on a caching host:
// - precache with `cache: "reload"`, so the files come from the server, not from an HTTP cache that
//   may still hold the previous build's index.html;
// - install fails unless every file answered OK and every file index.html refers to is precached;
// - caches are named by scope and version, and only this scope's older caches are deleted, once the
//   new one is complete (activate runs only after a successful install);
// - only this build's own files and its page are answered; other paths on the origin go to the network.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const SCOPE = new URL(self.registration.scope);
const PREFIX = `clf-prep ${SCOPE.pathname} `;
const CACHE = PREFIX + VERSION;
const PAGE = new URL("./index.html", SCOPE).href;
const OWN = new Set(FILES.map((f) => new URL(f, SCOPE).href));

// Relative references in index.html: attributes (quoted or not, as minifiers leave them) and the
// loader script's './file.js' and './file_bg.wasm' strings.
function references(html) {
  const found = new Set();
  for (const m of html.matchAll(/\b(?:src|href)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) found.add(m[1] ?? m[2] ?? m[3]);
  for (const m of html.matchAll(/["'](\.\/[^"'\s]+\.(?:js|wasm))["']/g)) found.add(m[1]);
  return [...found].filter((r) => r && !/^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i.test(r)).map((r) => new URL(r, SCOPE).href);
}

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      FILES.map(async (file) => {
        const response = await fetch(new Request(file, { cache: "reload" }));
        if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
        await cache.put(new URL(file, SCOPE).href, response);
      })
    );
    const page = await cache.match(PAGE);
    const missing = references(await page.text()).filter((url) => !OWN.has(url));
    if (missing.length) throw new Error(`index.html refers to files not in this build: ${missing.join(", ")}`);
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener("install", (event) => event.waitUntil(precache()));

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

// The page asks for this when the learner accepts the update.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  // The app is one page: a navigation to it (whatever the hash route) gets the cached index.html.
  const isPage = request.mode === "navigate" && (url.href === SCOPE.href || url.href === PAGE);
  if (!isPage && !OWN.has(url.href)) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => (await cache.match(isPage ? PAGE : url.href)) || fetch(request))
  );
});
