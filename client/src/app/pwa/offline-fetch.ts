/**
 * The fetch the app uses for its GETs (API and locale files). The page's first load happens
 * before the service worker controls it, so those responses never reach the worker's cache.
 * This fetch remembers such GETs and asks for them again once a worker takes control, so the
 * ward list and the active locale are in the cache before the resident first goes offline.
 */
const fetchedBeforeControl = new Set<string>();

export const offlineFetch: typeof fetch = (input, init) => {
  const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
  if (method === "GET" && "serviceWorker" in navigator && !navigator.serviceWorker.controller) {
    fetchedBeforeControl.add(input instanceof Request ? input.url : String(input));
  }
  return fetch(input, init);
};

/** Re-fetches, through the now-controlling worker, what was fetched before it took control. */
export function warmCacheWhenControlled(): void {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    const urls = [...fetchedBeforeControl];
    fetchedBeforeControl.clear();
    for (const url of urls) void fetch(url).catch(() => fetchedBeforeControl.add(url));
  });
}
