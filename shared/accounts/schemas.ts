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
  /** The password was given by someone else: every staff route but the session, logout and the password change answers 403 until it is changed. */
  mustChangePassword: z.boolean(),
  /** "personal": may read free-text answers and 町会 join requests. */
  permissions: z.array(z.literal("personal")),
});
export type StaffSession = z.infer<typeof StaffSession>;

/** A new password: long enough to resist guessing, short enough for scrypt's input. */
export const NewPassword = z.string().check(z.minLength(12, "at least 12 characters"), z.maxLength(200));

export const csrfHeader = "x-csrf-token";

const DisplayName = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
/** A one-time link's token (32 random bytes, base64url), as the page reads it from the link's fragment. */
const LinkToken = z.string().check(z.minLength(20), z.maxLength(100));

/** The first run: the setup link's token makes the first city administrator. */
export const SetupInput = z.object({ token: LinkToken, login: StaffLogin, displayName: DisplayName, password: NewPassword });
export type SetupInput = z.infer<typeof SetupInput>;

/** Where an account works: a ward_staff account needs its ward, a city_admin has none. */
const Placement = { role: StaffRole, ward: z.nullable(WardCode) };
const placed = (value: { role: StaffRole; ward: string | null }) => value.role === "city_admin" || value.ward !== null;

export const NewStaffUserInput = z
  .object({ login: StaffLogin, displayName: DisplayName, ...Placement })
  .check(z.refine(placed, { message: "a ward_staff account needs its ward", path: ["ward"] }));
export type NewStaffUserInput = z.infer<typeof NewStaffUserInput>;

export const StaffUserChange = z
  .object(Placement)
  .check(z.refine(placed, { message: "a ward_staff account needs its ward", path: ["ward"] }));
export type StaffUserChange = z.infer<typeof StaffUserChange>;

/** An account as the accounts page lists it. */
export const StaffAccount = z.object({
  ...StaffUser.shape,
  /** Failed logins at this name from any address since its last successful login (past a few, each attempt waits). */
  failedLogins: z.int(),
  sessions: z.int(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** May read free-text answers and 町会 join requests. */
  readsPersonal: z.boolean(),
  /** ISO, or null before the first login. */
  lastLoginAt: z.nullable(z.string()),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

/** A new account, with its temporary password: answered once, never stored but as a hash. */
export const CreatedStaffUser = z.object({ user: StaffUser, temporaryPassword: z.string() });

export const PersonalPermissionInput = z.object({ allowed: z.boolean() });

export const PasswordChangeInput = z.object({ current: z.string().check(z.minLength(1), z.maxLength(200)), next: NewPassword });
export type PasswordChangeInput = z.infer<typeof PasswordChangeInput>;

/** A reset link, answered once: a path with the token in its fragment, so it never reaches a server log. */
export const ResetLink = z.object({ path: z.string(), expiresAt: z.string() });
export type ResetLink = z.infer<typeof ResetLink>;

export const ResetInput = z.object({ token: LinkToken, password: NewPassword });
export type ResetInput = z.infer<typeof ResetInput>;
