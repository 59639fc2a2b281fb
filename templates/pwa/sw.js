{% autoescape off %}/* Takafamap's service worker (core/pwa.py renders it at /sw.js, scope "/").

   - Static files: the kept copy at once, refreshed from the network behind it.
   - Pages: always from the network. Nothing signed-in is ever stored here, except the stand
     screen's shell, which the stand page itself stores under its creator's key
     ("takafamap-stand-<creator>", static/js/stand.js) and which sign-out or another account
     deletes (static/js/pwa.js). When a page cannot be reached: the stand shell of the creator
     last signed in on this phone for the stand screen, else the offline page in the page's
     language.
   - Market sales waiting in IndexedDB are sent on Background Sync (static/js/stand-sales.js).
*/
importScripts({{ sales_script_json }});
importScripts({{ push_script_json }});

const STATIC_CACHE = "takafamap-static-{{ version }}";
const OFFLINE_CACHE = "takafamap-offline-{{ version }}";
const STAND_CACHE_PREFIX = "takafamap-stand-";
const PRECACHE = {{ precache_json }};
const OFFLINE_PAGES = {{ offline_pages_json }};
const DEFAULT_LANGUAGE = {{ default_language_json }};
const STATIC_PREFIX = {{ static_prefix_json }};
const STAND_PATH = /^\/[a-z]{2}\/shop\/my-shop\/stand\/$/;

function keepOfflinePages() {
  return caches.open(OFFLINE_CACHE).then((cache) =>
    cache.addAll(Object.values(OFFLINE_PAGES).map((url) => new Request(url, { credentials: "omit" })))
  );
}

/* Sign-out may empty the caches (Clear-Site-Data: "cache"): put the offline pages back at
   the next page that loads. Never "storage": that would delete the unsent market sales. */
function ensureOfflinePages() {
  return caches.has(OFFLINE_CACHE).then((kept) => (kept ? undefined : keepOfflinePages()));
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    Promise.all([
      caches.open(STATIC_CACHE).then((cache) => cache.addAll(PRECACHE)),
      keepOfflinePages(),
    ]).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("takafamap-") && !name.startsWith(STAND_CACHE_PREFIX))
            .filter((name) => name !== STATIC_CACHE && name !== OFFLINE_CACHE)
            .map((name) => caches.delete(name))
        )
      )
      .then(() => self.clients.claim())
  );
});

function offlinePage(url) {
  const language = url.pathname.split("/")[1];
  const page = OFFLINE_PAGES[language] || OFFLINE_PAGES[DEFAULT_LANGUAGE];
  return caches.open(OFFLINE_CACHE).then((cache) => cache.match(page));
}

async function standShell(url) {
  const creator = await self.TakafamapSales.currentCreator();
  if (!creator) return undefined;
  const cache = await caches.open(STAND_CACHE_PREFIX + creator);
  return cache.match(url.pathname);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).then((response) => {
        event.waitUntil(ensureOfflinePages().catch(() => undefined));
        return response;
      }).catch(async () => {
        const shell = STAND_PATH.test(url.pathname) ? await standShell(url) : undefined;
        return shell || (await offlinePage(url)) || Response.error();
      })
    );
    return;
  }
  if (url.pathname.startsWith(STATIC_PREFIX)) {
    // Stale while revalidate: the kept copy at once, refreshed in the background.
    event.respondWith(
      caches.open(STATIC_CACHE).then((cache) =>
        cache.match(request).then((hit) => {
          const fresh = fetch(request).then((response) => {
            if (response.ok) cache.put(request, response.clone());
            return response;
          });
          if (hit) {
            event.waitUntil(fresh.catch(() => undefined));
            return hit;
          }
          return fresh;
        })
      )
    );
  }
});

self.addEventListener("sync", (event) => {
  if (event.tag === self.TakafamapSales.SYNC_TAG) {
    event.waitUntil(self.TakafamapSales.sendCurrent());
  }
});
{% endautoescape %}
