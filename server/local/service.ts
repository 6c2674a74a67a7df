/**
 * Local life for residents: a ward's 通いの場, 町会, 地活協 and 区政会議 as changes since a moment (the
 * device keeps them in IndexedDB), and 町会 join requests, stored once by the id the phone made.
 */
import {
  Association,
  type AssociationInput,
  Council,
  type CouncilInput,
  type JoinReceipt,
  type JoinRequestInput,
  type LocalChanges,
  type localKinds,
  Meeting,
  type MeetingInput,
  Place,
  type PlaceInput,
} from "../../shared/local/schemas";
import type { Database } from "../platform/db/database";
import type { DB } from "../platform/db/schema";
import { defineWrite } from "../platform/db/write";
import { AppError } from "../platform/errors";
import { countAttempt } from "../platform/rate-limit";

export type LocalKind = (typeof localKinds)[number];
export const localTables = {
  place: "places",
  association: "associations",
  council: "councils",
  meeting: "meetings",
} as const satisfies Record<LocalKind, keyof DB>;
export interface LocalInputs {
  place: PlaceInput;
  association: AssociationInput;
  council: CouncilInput;
  meeting: MeetingInput;
}

/**
 * How far back a sync reaches before the moment it was asked: a write that began before the read
 * may commit after it with an earlier time, so the next sync asks again for the last minute. Items
 * come twice at most; the device stores them by id.
 */
const overlapMs = 60_000;

interface Row {
  id: string;
  data: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** A stored row as the API gives it; a row that no longer parses (an older shape) is left out, not sent broken. */
function parse<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, row: Row): T[] {
  const result = schema.safeParse({ ...JSON.parse(row.data), id: row.id, updatedAt: row.updatedAt });
  return result.success ? [result.data] : [];
}

export async function localChanges(database: Database, ward: string, since: string | undefined, now = new Date()): Promise<LocalChanges> {
  const read = async (table: (typeof localTables)[LocalKind]) => {
    let query = database.db.selectFrom(table).select(["id", "data", "updatedAt", "deletedAt"]).where("wardCode", "=", ward);
    query = since ? query.where("updatedAt", ">", since) : query.where("deletedAt", "is", null);
    return (await query.orderBy("updatedAt").execute()) as Row[];
  };
  const [places, associations, councils, meetings] = await Promise.all([
    read("places"),
    read("associations"),
    read("councils"),
    read("meetings"),
  ]);
  const live = (rows: Row[]) => rows.filter((r) => r.deletedAt === null);
  const removed = (kind: LocalKind, rows: Row[]) => rows.filter((r) => r.deletedAt !== null).map((r) => ({ kind, id: r.id }));
  return {
    ward,
    syncedAt: new Date(now.getTime() - overlapMs).toISOString(),
    full: !since,
    places: live(places).flatMap((r) => parse(Place, r)),
    associations: live(associations).flatMap((r) => parse(Association, r)),
    councils: live(councils).flatMap((r) => parse(Council, r)),
    meetings: live(meetings).flatMap((r) => parse(Meeting, r)),
    removed: [
      ...removed("place", places),
      ...removed("association", associations),
      ...removed("council", councils),
      ...removed("meeting", meetings),
    ],
  };
}

const storeJoinRequest = defineWrite(
  "local.storeJoinRequest",
  async (
    trx,
    { associationId, input, now, inboxMax }: { associationId: string; input: JoinRequestInput; now: string; inboxMax: number },
  ): Promise<JoinReceipt> => {
    const existing = await trx
      .selectFrom("joinRequests")
      .select(["associationId", "receivedAt"])
      .where("id", "=", input.id)
      .executeTakeFirst();
    if (existing) {
      if (existing.associationId !== associationId) throw new AppError("joins.conflict", { id: input.id });
      return { id: input.id, receivedAt: existing.receivedAt };
    }
    const association = await trx
      .selectFrom("associations")
      .select(["wardCode"])
      .where("id", "=", associationId)
      .where("deletedAt", "is", null)
      .executeTakeFirst();
    if (!association) throw new AppError("associations.not_found", { association: associationId });
    if (inboxMax > 0) {
      // Holds the ward's row until commit, so that concurrent requests to one ward (PostgreSQL) count one after another.
      await trx
        .updateTable("wards")
        .set((eb) => ({ code: eb.ref("code") }))
        .where("code", "=", association.wardCode)
        .execute();
      const waiting = await trx
        .selectFrom("joinRequests")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("wardCode", "=", association.wardCode)
        .where("status", "=", "new")
        .executeTakeFirstOrThrow();
      if (Number(waiting.n) >= inboxMax) throw new AppError("joins.inbox_full", { limit: inboxMax });
    }
    await trx
      .insertInto("joinRequests")
      .values({
        id: input.id,
        associationId,
        wardCode: association.wardCode,
        name: input.name,
        contact: input.contact,
        address: input.address,
        message: input.message,
        status: "new",
        receivedAt: now,
        statusChangedAt: now,
        purgedAt: null,
      })
      .execute();
    return { id: input.id, receivedAt: now };
  },
);

/**
 * Stores a join request once: the same id again gets the first receipt, so a retry never makes a
 * second. New requests are limited per address (copies of one id count once) and refused while the
 * ward's inbox holds `inboxMax` waiting ones.
 */
export async function submitJoinRequest(
  database: Database,
  associationId: string,
  input: JoinRequestInput,
  limits: { address: string; ratePerMinute: number; inboxMax: number },
  now = new Date(),
): Promise<JoinReceipt> {
  if (
    limits.ratePerMinute > 0 &&
    !(await database.db.selectFrom("joinRequests").select("id").where("id", "=", input.id).executeTakeFirst())
  ) {
    const count = countAttempt(database, { scope: "join-requests", address: limits.address, now, once: input.id });
    if (count > limits.ratePerMinute) throw new AppError("rate.limited", { limitPerMinute: limits.ratePerMinute });
  }
  const store = () => database.write(storeJoinRequest, { associationId, input, now: now.toISOString(), inboxMax: limits.inboxMax });
  // Two copies racing on PostgreSQL: the loser's insert collides; run again, it answers the winner's receipt.
  return store().catch((error: unknown) => {
    const code = (error as { code?: string } | null)?.code;
    if (code === "23505") return store();
    throw error;
  });
}
