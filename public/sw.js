// Thi đua's service worker: keeps one complete copy of the app per version, so after one visit
// the app opens and works with the network off. It never touches the officer's data (that lives
// in localStorage) and never updates the running app by itself: a new version waits until the
// officer presses "Cập nhật" (the page then posts "skip-waiting").

// Stamped by scripts/offline-dist.mjs after every build (a hash of dist/ and the list of its
// files). These defaults only serve `trunk serve`, where nothing is cached ahead.
const VERSION = "dev";
const FILES = [];

// One cache per deployment folder and version: two copies of the app on one origin (say
// /van-phong-a/ and /van-phong-b/) never delete each other's cache.
const PREFIX = "thidua " + self.registration.scope + " ";
const CACHE = PREFIX + VERSION;
const INDEX = new URL("index.html", self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // cache: "reload" skips the HTTP cache, so the copy matches this version's files.
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)))),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

/** Opening the app (its folder or index.html) always gets this version's page. */
function isAppPage(url) {
  const scope = self.registration.scope;
  return url.href === scope || url.href === INDEX;
}

// The app's own files, as absolute URLs. Everything else goes to the network untouched: another
// origin's requests, and on this origin a CouchDB behind the same reverse proxy (its `_changes`
// long-polls, `_session` logins and `_bulk_docs` posts are the server's business, not a copy's).
const APP_FILES = new Set(FILES.map((f) => new URL(f, self.registration.scope).href));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  url.search = "";
  if (!url.href.startsWith(self.registration.scope)) return;
  const key = request.mode === "navigate" && isAppPage(url) ? INDEX : url.href;
  if (key !== INDEX && !APP_FILES.has(key)) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((hit) => hit || fetch(request)),
  );
});
