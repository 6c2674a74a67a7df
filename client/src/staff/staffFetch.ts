/**
 * The console's fetch, under the typed client: every call carries the session's CSRF token (the
 * server refuses a change without it), and a 401 on a read means the session ended (idle, or ended
 * by an administrator), so the console goes back to its login. A change refused with 401 leaves the
 * page as it is, with what the staff member typed, and the page names the error (log in again in
 * another tab, then save). Kept apart from api.ts so it runs in Node.
 */
export function staffFetch(csrfToken: string, onEnded: () => void, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set("x-csrf-token", csrfToken);
    const response = await base(input, { ...init, headers });
    const read = (init?.method ?? "GET").toUpperCase() === "GET";
    if (response.status === 401 && read) onEnded();
    return response;
  };
}

/**
 * A typed Hono client whose every call goes through `fetch`: hc lays a call's own options over the
 * client's, so this gives each call the fetch, and keeps its other options (an upload's body).
 */
export function withFetch<T>(client: T, fetch: typeof globalThis.fetch): T {
  if (typeof client !== "function") return client;
  return new Proxy(client, {
    get: (target, key) => withFetch(Reflect.get(target, key), fetch),
    apply: (target, self, [args, options]: unknown[]) => Reflect.apply(target, self, [args, { ...(options as object), fetch }]),
  });
}

/** The response when it has one of the expected statuses; any other is thrown, for errorKeyOf to name. */
export function expectStatus<R extends { status: number }, S extends R["status"]>(
  response: R,
  ...statuses: S[]
): Extract<R, { status: S }> {
  if (!statuses.includes(response.status as S)) throw response;
  return response as Extract<R, { status: S }>;
}
