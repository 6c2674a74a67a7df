/**
 * The console's fetch, under the typed client: every call carries the session's CSRF token (the
 * server refuses a change without it), and a 401 means the session ended (idle, or ended by an
 * administrator), so the console goes back to its login. Kept apart from api.ts so it runs in Node.
 */
export function staffFetch(csrfToken: string, onEnded: () => void, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set("x-csrf-token", csrfToken);
    const response = await base(input, { ...init, headers });
    if (response.status === 401) onEnded();
    return response;
  };
}

/** The response when it has one of the expected statuses; any other is thrown, for errorKeyOf to name. */
export function expectStatus<R extends { status: number }, S extends R["status"]>(
  response: R,
  ...statuses: S[]
): Extract<R, { status: S }> {
  if (!statuses.includes(response.status as S)) throw response;
  return response as Extract<R, { status: S }>;
}
