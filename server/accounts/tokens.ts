/**
 * One-time links: the first run's setup link and a password reset link. The token (32 random bytes)
 * goes into the link's fragment, so it never reaches a request log; only its SHA-256 is stored, with
 * an expiry. A new link replaces the earlier one of its kind (and account), and using a link deletes
 * its row in the same transaction that acts on it, so a link works once however many use it at once.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { Transaction } from "kysely";
import type { DB, StaffTokenTable } from "../platform/db/schema";
import { AppError } from "../platform/errors";

export const linkHours = 24;

export const tokenDigest = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new link's token, for the caller to hand out once, and the row that stores its hash. */
export function newLinkToken(purpose: StaffTokenTable["purpose"], userId: string | null, now: Date) {
  const token = randomBytes(32).toString("base64url");
  const row: StaffTokenTable = {
    tokenHash: tokenDigest(token),
    purpose,
    userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + linkHours * 3_600_000).toISOString(),
  };
  return { token, row };
}

/** Stores a link's hash in place of any earlier link of the same kind (and account). */
export async function replaceLink(trx: Transaction<DB>, row: StaffTokenTable): Promise<void> {
  let earlier = trx.deleteFrom("staffTokens").where("purpose", "=", row.purpose);
  earlier = row.userId === null ? earlier.where("userId", "is", null) : earlier.where("userId", "=", row.userId);
  await earlier.execute();
  await trx.insertInto("staffTokens").values(row).execute();
}

const sameDigest = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Uses up a link: finds the stored hash of this kind that equals the token's (compared in constant
 * time), deletes it, and answers its row; `staff.link_invalid` when none is valid. The delete is the
 * claim: of racing uses, only the one whose delete removed the row goes on (PostgreSQL makes the
 * others wait for it and then find nothing).
 */
export async function claimLink(
  trx: Transaction<DB>,
  purpose: StaffTokenTable["purpose"],
  token: string,
  now: Date,
): Promise<StaffTokenTable> {
  const digest = tokenDigest(token);
  const rows = await trx
    .selectFrom("staffTokens")
    .selectAll()
    .where("purpose", "=", purpose)
    .where("expiresAt", ">", now.toISOString())
    .execute();
  const row = rows.find((candidate) => sameDigest(candidate.tokenHash, digest));
  if (!row) throw new AppError("staff.link_invalid");
  const claimed = await trx.deleteFrom("staffTokens").where("tokenHash", "=", row.tokenHash).executeTakeFirst();
  if (Number(claimed.numDeletedRows) !== 1) throw new AppError("staff.link_invalid");
  return row;
}

/** Letters that cannot be mistaken for one another when read aloud or copied by hand (no 0/o, 1/l/i). */
const readable = "abcdefghjkmnpqrstuvwxyz23456789";

/** A temporary password: four groups of four readable letters (about 79 bits), e.g. "k7mq-2xha-…". */
export function temporaryPassword(): string {
  return Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => readable[randomInt(readable.length)]).join("")).join("-");
}
