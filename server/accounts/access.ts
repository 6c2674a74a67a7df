/** What a staff member may act on: their ward (an administrator, any), and who they are in the audit log. */
import type { StaffUser } from "../../shared/accounts/schemas";
import { AppError } from "../platform/errors";

/** Who is acting, for the audit log. */
export interface Actor {
  userId: string | null;
  login: string;
  ward: string | null;
}

/** Whether a staff member may see and change a ward's data (null: the city's own surveys, an administrator's). */
export function mayActFor(user: StaffUser, ward: string | null): boolean {
  return user.role === "city_admin" || (ward !== null && user.ward === ward);
}

/** Refuses (staff.forbidden) a ward the staff member may not act for. */
export function checkWard(user: StaffUser, ward: string): void {
  if (!mayActFor(user, ward)) throw new AppError("staff.forbidden", { ward });
}

/** The ward a request concerns: the one it names, else the staff member's own (an administrator must name one). */
export function wardFor(user: StaffUser, named: string | undefined): string {
  const ward = named ?? user.ward;
  if (!ward) throw new AppError("request.invalid", { reason: "name the ward (?ward=27127)" });
  return ward;
}

export const actorOf = (user: StaffUser): Actor => ({ userId: user.id, login: user.login, ward: user.ward });
