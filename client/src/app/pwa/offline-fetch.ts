/**
 * The fetch the app uses for its GETs (API and locale files). The page's first load happens
 * before the service worker controls it, so those responses never reach the worker's cache.
 * This fetch remembers such GETs and asks for them again once a worker takes control, so the
 * ward list and the active locale are in the cache before the resident first goes offline.
 */
const fetchedBeforeControl = new Set<string>();

/** GETs started before the page asked for them (askEarly), by address: each answers the page's first ask only. */
const early = new Map<string, { response: Promise<Response>; at: number }>();
/** An early answer older than this is not used: the page asks again (it would be stale, or was never wanted). */
const earlyForMs = 15_000;

const addressOf = (input: RequestInfo | URL) => new URL(input instanceof Request ? input.url : String(input), location.href).href;

export const offlineFetch: typeof fetch = (input, init) => {
  const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
  if (method !== "GET") return fetch(input, init);
  const address = addressOf(input);
  if ("serviceWorker" in navigator && !navigator.serviceWorker.controller) fetchedBeforeControl.add(address);
  const asked = early.get(address);
  early.delete(address);
  if (asked && performance.now() - asked.at < earlyForMs) return asked.response;
  return fetch(input, init);
};

/**
 * Starts a GET the page is about to make, before the page's script has even been run (app/early.ts: a survey's
 * page asks for the survey while its chunk downloads). The page's own request for the same address gets this
 * answer, once; a failure is the page's to handle as its own.
 */
export function askEarly(path: string): void {
  const address = addressOf(path);
  if ("serviceWorker" in navigator && !navigator.serviceWorker.controller) fetchedBeforeControl.add(address);
  const response = fetch(address);
  response.catch(() => undefined);
  early.set(address, { response, at: performance.now() });
}

/** Re-fetches, through the now-controlling worker, what was fetched before it took control. */
export function warmCacheWhenControlled(): void {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    const urls = [...fetchedBeforeControl];
    fetchedBeforeControl.clear();
    for (const url of urls) void fetch(url).catch(() => fetchedBeforeControl.add(url));
  });
}
