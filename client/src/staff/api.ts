/**
 * How every console page calls the server: `useStaffApi()` gives the typed Hono client of
 * /api/staff (the same `hc` and AppType as app/api.ts) behind staffFetch, so the CSRF header and
 * the end of a session are handled here once, and the session itself. StaffApp provides it.
 */
import { hc } from "hono/client";
import { createContext, use } from "react";
import type { AppType } from "../../../server/app";
import type { StaffSession } from "../../../shared/accounts/schemas";
import { staffFetch } from "./staffFetch";

const staffClient = (fetch: typeof globalThis.fetch) => hc<AppType>(location.origin, { fetch }).api.staff;
export type StaffClient = ReturnType<typeof staffClient>;

export interface StaffApi {
  /** /api/staff/…, typed from the server's routes. */
  api: StaffClient;
  session: StaffSession;
  /** Ends the session in the console (the server said 401). */
  ended: () => void;
}

export const StaffApiContext = createContext<StaffApi | null>(null);

export function staffApi(session: StaffSession, ended: () => void): StaffApi {
  return { api: staffClient(staffFetch(session.csrfToken, ended)), session, ended };
}

export function useStaffApi(): StaffApi {
  const staff = use(StaffApiContext);
  if (!staff) throw new Error("useStaffApi: outside the staff console");
  return staff;
}

/** A CSV file as a request body (an import), for the client's `init`. */
export async function csvBody(file: File): Promise<{ init: RequestInit }> {
  return { init: { body: await file.text(), headers: { "content-type": "text/csv; charset=utf-8" } } };
}

/** Hands a downloaded body to the browser as a file (the letters' codes exist nowhere else). */
export function saveFile(blob: Blob, name: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}
