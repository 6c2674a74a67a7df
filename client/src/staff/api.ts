/**
 * How every console page calls the server: `useStaffApi()` gives the app's typed Hono client
 * (app/api.ts) of /api/staff with staffFetch under every call, so the CSRF header and the end of a
 * session are handled here once; and the session itself. StaffApp provides it.
 */
import { createContext, use } from "react";
import type { StaffSession } from "../../../shared/accounts/schemas";
import { api } from "../app/api";
import { staffFetch, withFetch } from "./staffFetch";

export type StaffClient = typeof api.api.staff;

export interface StaffApi {
  /** /api/staff/…, typed from the server's routes. */
  api: StaffClient;
  session: StaffSession;
  /** Ends the session in the console (the server said 401). */
  ended: () => void;
}

export const StaffApiContext = createContext<StaffApi | null>(null);

export function staffApi(session: StaffSession, ended: () => void): StaffApi {
  return { api: withFetch(api.api.staff, staffFetch(session.csrfToken, ended)), session, ended };
}

export function useStaffApi(): StaffApi {
  const staff = use(StaffApiContext);
  if (!staff) throw new Error("useStaffApi: outside the staff console");
  return staff;
}
