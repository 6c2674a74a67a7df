/**
 * The request an outbox kind sends: plain fetch with a JSON body, not the typed client (app/api.ts),
 * because the service worker sends outbox items too and hono's client would add about 2 kB (gzip)
 * to the worker every resident downloads. Each kind types its body from the server's route.
 */
export function sendJson(method: "POST" | "PUT" | "DELETE", path: string, body: unknown): Promise<Response> {
  return fetch(path, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}
