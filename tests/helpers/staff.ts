/** Staff accounts for integration tests: every account has the same password, hashed once per file. */

import { randomUUID } from "node:crypto";
import type { StaffUserTable } from "../../server/db/schema";

export const staffPassword = "correct horse battery";

export function staffRow(login: string, role: StaffUserTable["role"], wardCode: string | null, passwordHash: string): StaffUserTable {
  return {
    id: randomUUID(),
    login,
    displayName: login,
    role,
    wardCode,
    passwordHash,
    failedLogins: 0,
    lockedUntil: null,
    disabled: 0,
    createdAt: new Date().toISOString(),
  };
}
