/** Turning a failed call into the message to show: the server's error code where the app has words for it. */
import i18next from "i18next";
import type { ErrorCode } from "../../../shared/errors/catalog";

/** The locale key of the message to show for a failed call: the server's error code, or a network error. */
export async function errorKeyOf(responseOrError: Response | unknown): Promise<`errors.${ErrorCode}` | "errors.network"> {
  if (responseOrError instanceof Response) {
    const body = (await responseOrError.json().catch(() => null)) as { error?: { code?: string } } | null;
    const code = body?.error?.code;
    // Every catalog code has a message in every locale (shared/locales/bundles.test.ts), so "has a message" means "is a known code".
    if (code && /^[a-z_]+\.[a-z_]+$/.test(code) && i18next.exists(`errors.${code}`)) return `errors.${code}` as `errors.${ErrorCode}`;
    return "errors.internal.error";
  }
  return "errors.network";
}
