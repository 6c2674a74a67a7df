/** The typed API client: the only way the app calls the server. Types come from the server's routes. */
import { hc } from "hono/client";
import type { AppType } from "../../server/app";
import { type ErrorCode, isErrorCode } from "../../shared/errors/catalog";
import { offlineFetch } from "./pwa/offline-fetch";

export const api = hc<AppType>(location.origin, { fetch: offlineFetch });

/** The locale key of the message to show for a failed call: the server's error code, or a network error. */
export async function errorKeyOf(responseOrError: Response | unknown): Promise<`errors.${ErrorCode}` | "errors.network"> {
  if (responseOrError instanceof Response) {
    const body = (await responseOrError.json().catch(() => null)) as { error?: { code?: string } } | null;
    const code = body?.error?.code;
    if (code && isErrorCode(code)) return `errors.${code}`;
    return "errors.internal.error";
  }
  return "errors.network";
}
