/** Ward staff and city administrators: who they are to the API, and the session a login starts. */
import { z } from "zod/mini";
import { WardCode } from "../wards/schemas";

export const staffRoles = ["ward_staff", "city_admin"] as const;
export const StaffRole = z.enum(staffRoles);
export type StaffRole = z.infer<typeof StaffRole>;

/** A login name: lower-case letters, digits, dots, hyphens and underscores. */
export const StaffLogin = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, "3–64 lower-case letters, digits, . _ -"));

export const StaffUser = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: StaffRole,
  /** The ward a ward_staff account belongs to; null for a city_admin (all wards). */
  ward: z.nullable(WardCode),
});
export type StaffUser = z.infer<typeof StaffUser>;

export const LoginInput = z.object({
  login: z.string().check(z.minLength(1), z.maxLength(64)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const StaffSession = z.object({
  user: StaffUser,
  /** Sent back in the X-CSRF-Token header of every request that changes something. */
  csrfToken: z.string(),
  /** When the session ends if unused, and at the latest (ISO). */
  idleExpiresAt: z.string(),
  expiresAt: z.string(),
});
export type StaffSession = z.infer<typeof StaffSession>;

/** A new password: long enough to resist guessing, short enough for scrypt's input. */
export const NewPassword = z.string().check(z.minLength(12, "at least 12 characters"), z.maxLength(200));

export const csrfHeader = "x-csrf-token";
