/**
 * Notices as ward staff see them: write a broadcast in the six languages, on a topic (ward news by
 * default), to their ward's subscribers of it (childcare: parents of children of an age, those expecting), send it now or
 * at a time; cancel it while it waits; read how many were sent, failed and expired. A city
 * administrator may also write to the whole city, and run the day's timeline notices at once.
 */

import type { StaffUser } from "../../../shared/accounts/schemas";
import { type BroadcastInput, type Segment, topicOf } from "../../../shared/notices/schemas";
import { roundedCount } from "../../../shared/stats/rounded";
import { jstToday } from "../../../shared/time";
import { actorOf, mayActFor } from "../../accounts/access";
import type { Database } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import type { NoticeSender } from "../sender/sender";
import { audienceSize } from "../store/audience";
import { cancelNotice, createBroadcast } from "../store/notices";

export interface NoticeSummary {
  id: string;
  kind: "timeline" | "broadcast";
  ward: string | null;
  segment: Segment;
  texts: BroadcastInput["texts"] | null;
  path: string | null;
  /** A timeline notice: its item and cohort. */
  item: string | null;
  cohort: string | null;
  sendAt: string;
  status: "scheduled" | "sending" | "done" | "cancelled";
  createdAt: string;
  finishedAt: string | null;
  sent: number;
  failed: number;
  expired: number;
}

/** Whose segment this may be: a ward's staff, their own ward; the city (null), an administrator only. */
function mayTarget(user: StaffUser, ward: string | null): boolean {
  return ward === null ? user.role === "city_admin" : mayActFor(user, ward);
}

export async function listNotices(database: Database, user: StaffUser, ward: string | null): Promise<NoticeSummary[]> {
  if (!mayTarget(user, ward)) throw new AppError("staff.forbidden", { ward });
  let query = database.db
    .selectFrom("notices")
    .select(["id", "kind", "wardCode", "segment", "content", "sendAt", "status", "createdAt", "finishedAt", "sent", "failed", "expired"])
    .orderBy("createdAt", "desc")
    .limit(200);
  // A ward's list: its own broadcasts and the city's. The city's list (administrators): every broadcast and the timeline's notices.
  if (ward !== null)
    query = query.where("kind", "=", "broadcast").where((eb) => eb.or([eb("wardCode", "=", ward), eb("wardCode", "is", null)]));
  const rows = await query.execute();
  return rows.map((row) => {
    const content = JSON.parse(row.content) as { texts?: BroadcastInput["texts"]; path?: string; item?: string; cohort?: string };
    return {
      id: row.id,
      kind: row.kind,
      ward: row.wardCode,
      segment: JSON.parse(row.segment) as Segment,
      texts: content.texts ?? null,
      path: content.path ?? null,
      item: content.item ?? null,
      cohort: content.cohort ?? null,
      sendAt: row.sendAt,
      status: row.status,
      createdAt: row.createdAt,
      finishedAt: row.finishedAt,
      sent: Number(row.sent),
      failed: Number(row.failed),
      expired: Number(row.expired),
    };
  });
}

export async function createNotice(
  database: Database,
  sender: NoticeSender | null,
  user: StaffUser,
  input: BroadcastInput,
  now = new Date(),
): Promise<{ id: string }> {
  if (!mayTarget(user, input.segment.ward)) throw new AppError("staff.forbidden", { ward: input.segment.ward });
  if (input.segment.audience.kind === "cohort")
    throw new AppError("request.invalid", { reason: "a broadcast goes to all, to those expecting, or to an age range" });
  if (topicOf(input.segment) !== "childcare" && input.segment.audience.kind !== "all")
    throw new AppError("request.invalid", { reason: "only the childcare topic narrows to those expecting or an age range" });
  if (input.sendAt !== null && Date.parse(input.sendAt) < now.getTime() - 60_000)
    throw new AppError("request.invalid", { reason: "the sending time has passed" });
  const created = await database.write(createBroadcast, { input, actor: actorOf(user), now: now.toISOString() });
  if (input.sendAt === null) sender?.kick();
  return created;
}

export async function cancel(database: Database, user: StaffUser, id: string): Promise<void> {
  const row = await database.db.selectFrom("notices").select(["wardCode", "kind"]).where("id", "=", id).executeTakeFirst();
  if (row?.kind !== "broadcast" || !mayTarget(user, row.wardCode)) throw new AppError("notices.not_found", { id });
  await database.write(cancelNotice, { id, actor: actorOf(user) });
}

/**
 * The preview's count, never exact: rounded to tens, and under `minCell` (RESULTS_MIN_CELL) only "fewer than", so a
 * small group (the pregnant in one ward, the parents of one month's babies) cannot be counted, nor told apart by
 * comparing two segments.
 */
export async function audience(
  database: Database,
  user: StaffUser,
  segment: Segment,
  minCell: number,
  now = new Date(),
): Promise<{ subscribers: number | null; minimum: number }> {
  if (!mayTarget(user, segment.ward)) throw new AppError("staff.forbidden", { ward: segment.ward });
  const exact = await audienceSize(database, segment, jstToday(now), now.toISOString());
  return { subscribers: roundedCount(exact, minCell), minimum: minCell };
}
