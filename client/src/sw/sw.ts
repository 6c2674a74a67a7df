/**
 * The service worker. It precaches the app shell (every built JS, CSS and HTML file), answers
 * page navigations with the cached index.html, serves API GETs network-first with the last
 * good answer as the offline fallback, and keeps locale files once fetched. A new version waits
 * until the resident accepts the reload prompt (SKIP_WAITING), so nothing is cut off mid-task.
 * Push (push.ts) and Background Sync of the outboxes (sync.ts) have their own modules.
 */
/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { CacheFirst, NetworkFirst } from "workbox-strategies";
import { handlePush } from "./push";
import { handleBackgroundSync } from "./sync";

declare const self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(new NavigationRoute(createHandlerBoundToURL("/index.html"), { denylist: [/^\/api\//] }));

const sameOrigin = (url: URL) => url.origin === self.location.origin;

// Reads a resident needs offline: network first for freshness, the cached answer when there is no signal.
// The health check is a live probe, never answered from a cache.
registerRoute(
  ({ url, request }) =>
    sameOrigin(url) &&
    request.method === "GET" &&
    url.pathname.startsWith("/api/") &&
    !url.pathname.startsWith("/api/health") &&
    // Staff data never goes into a cache on the device: the console works online only.
    !url.pathname.startsWith("/api/staff/"),
  new NetworkFirst({ cacheName: "api", networkTimeoutSeconds: 5 }),
);

// Locale files and icons have hashed or stable names: once cached, they are good.
registerRoute(
  ({ url }) => sameOrigin(url) && url.pathname.startsWith("/assets/") && url.pathname.endsWith(".json"),
  new CacheFirst({ cacheName: "locales" }),
);
registerRoute(({ url }) => sameOrigin(url) && url.pathname.startsWith("/icons/"), new CacheFirst({ cacheName: "icons" }));

self.addEventListener("message", (event) => {
  if ((event.data as { type?: string } | null)?.type === "SKIP_WAITING") void self.skipWaiting();
});

// The first install takes control of open pages at once, so the first visit is already offline-ready.
self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

// Push: notices become notifications (personal ones for the timeline) and lines in the inbox.
handlePush();

// Background Sync: when a connection returns, the outboxes go out (sync.ts).
handleBackgroundSync();
