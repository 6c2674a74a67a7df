/** The tables of staff accounts, their sessions and the audit log. */

/** 職員: a ward's staff member (ward_code set) or a city administrator (ward_code null). */
export interface StaffUserTable {
  id: string;
  login: string;
  displayName: string;
  role: "ward_staff" | "city_admin";
  wardCode: string | null;
  /** scrypt, with its parameters: see server/accounts/passwords.ts. */
  passwordHash: string;
  failedLogins: number;
  lockedUntil: string | null;
  disabled: number;
  /** 1: may read free-text answers and 町会 join requests (a permission of its own). */
  readsPersonal: number;
  createdAt: string;
  /** 1: the password was given by someone else (a new account's temporary one) and must be changed before anything else. */
  mustChangePassword: number;
  lastLoginAt: string | null;
}

/** A staff session: the cookie carries a random token, stored here only as its SHA-256. */
export interface StaffSessionTable {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** What staff did, and when: published, closed, exported, entered paper answers, ended sessions. */
export interface AuditLogTable {
  id: string;
  at: string;
  userId: string | null;
  login: string;
  wardCode: string | null;
  action: string;
  target: string | null;
  /** JSON */
  details: string;
}

/** Failed logins of one login name from one address (the lock), or from anywhere (the back-off): see server/accounts/lockout.ts. */
export interface LoginAttemptTable {
  key: string;
  failures: number;
  lockedUntil: string | null;
  updatedAt: string;
}

/** A one-time link's token, stored only as its SHA-256: the first run's setup (no user) or a password reset (its user). */
export interface StaffTokenTable {
  tokenHash: string;
  purpose: "setup" | "reset";
  userId: string | null;
  createdAt: string;
  expiresAt: string;
}
