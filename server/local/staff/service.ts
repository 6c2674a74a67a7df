/**
 * Local data as ward staff keep it: create, change and remove (a removal stays as a tombstone, so
 * devices that synced before learn of it), CSV import and export of each kind (csv.ts, read on a worker
 * thread), at most wardLimits items of a kind per ward (limits.ts), and the inbox of 町会 join requests. Every call is scoped to the staff member's ward; another ward's item is "not found".
 */
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { StaffUser } from "../../../shared/accounts/schemas";
import type { JoinRequestInput, joinRequestStates, MeetingInput, PlaceInput } from "../../../shared/local/schemas";
import type { Furigana } from "../../../shared/local/translations";
import { actorOf, mayActFor } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { Database } from "../../platform/db/database";
import { erasing } from "../../platform/db/erase";
import type { DB } from "../../platform/db/schema";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";
import { type Input, localSchemas, parseInput } from "../input";
import { withReadings, withReadingsAll } from "../readings";
import { type LocalKind, localTables } from "../service";
import { localCsv, type ParsedRow } from "./csv";
import { readLocalImport } from "./import-pool";
import { wardLimits } from "./limits";

/** The columns kept beside the JSON, for queries: a place's kind, a meeting's start. */
const extraColumns = (kind: LocalKind, input: Input) =>
  kind === "place" ? { kind: (input as PlaceInput).kind } : kind === "meeting" ? { startsAt: (input as MeetingInput).startsAt } : {};

/**
 * Refuses with local.ward_full when `ward` would have more than its limit of a kind with `adding` more
 * (an import counts after writing its rows, and is rolled back whole). Holds the ward's row until commit
 * first, so concurrent adds to one ward (PostgreSQL) count one after another.
 */
async function checkWardRoom(trx: Transaction<DB>, kind: LocalKind, ward: string, adding: number): Promise<void> {
  await trx
    .updateTable("wards")
    .set((eb) => ({ code: eb.ref("code") }))
    .where("code", "=", ward)
    .execute();
  const table: (typeof localTables)[LocalKind] = localTables[kind];
  const { n } = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("wardCode", "=", ward)
    .where("deletedAt", "is", null)
    .executeTakeFirstOrThrow();
  if (Number(n) + adding > wardLimits[kind]) throw new AppError("local.ward_full", { kind, ward, limit: wardLimits[kind] });
}

/**
 * The furigana stored rows carry (a staff correction among them), by id, to keep when their text has not
 * changed. Read before the write: the readings are made off the writer (the analyser is never loaded there).
 */
async function storedFurigana(database: Database, kind: LocalKind, ids: string[]): Promise<Map<string, Furigana>> {
  const found = new Map<string, Furigana>();
  const table: (typeof localTables)[LocalKind] = localTables[kind];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await database.db
      .selectFrom(table)
      .select(["id", "data"])
      .where("id", "in", ids.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      const furigana = (JSON.parse(row.data) as { furigana?: Furigana }).furigana;
      if (furigana) found.set(row.id, furigana);
    }
  }
  return found;
}

type Item<K extends LocalKind> = ReturnType<(typeof localSchemas)[K]["item"]["parse"]>;

export async function listLocal<K extends LocalKind>(database: Database, user: StaffUser, kind: K, ward: string): Promise<Item<K>[]> {
  if (!mayActFor(user, ward)) throw new AppError("staff.forbidden", { ward });
  const table: (typeof localTables)[LocalKind] = localTables[kind];
  const rows = await database.db
    .selectFrom(table)
    .select(["id", "data", "updatedAt"])
    .where("wardCode", "=", ward)
    .where("deletedAt", "is", null)
    .orderBy("updatedAt", "desc")
    .execute();
  return rows.flatMap((row) => {
    const parsed = localSchemas[kind].item.safeParse({ ...JSON.parse(row.data), id: row.id, updatedAt: row.updatedAt });
    return parsed.success ? [parsed.data as Item<K>] : [];
  });
}

const saveLocal = defineWrite(
  "local.save",
  async (
    trx,
    { user, kind, id, input, now }: { user: StaffUser; kind: LocalKind; id: string | null; input: Input | null; now: string },
  ): Promise<string> => {
    const table = localTables[kind];
    if (id !== null) {
      const row = await trx.selectFrom(table).select(["wardCode", "deletedAt"]).where("id", "=", id).executeTakeFirst();
      if (!row || row.deletedAt !== null || !mayActFor(user, row.wardCode)) throw new AppError("local.not_found", { kind, id });
      if (input === null) {
        await trx.updateTable(table).set({ deletedAt: now, updatedAt: now }).where("id", "=", id).execute();
        await audit(trx, actorOf(user), { action: `${kind}.delete`, ward: row.wardCode, target: id });
        return id;
      }
      if (input.ward !== row.wardCode) throw new AppError("request.invalid", { reason: "an item cannot move to another ward" });
      await trx
        .updateTable(table)
        .set({ data: JSON.stringify(input), updatedAt: now, ...extraColumns(kind, input) })
        .where("id", "=", id)
        .execute();
      await audit(trx, actorOf(user), { action: `${kind}.edit`, ward: row.wardCode, target: id });
      return id;
    }
    if (input === null) throw new AppError("request.invalid");
    await checkWardRoom(trx, kind, input.ward, 1);
    const newId = randomUUID();
    await trx
      .insertInto(table)
      .values({
        id: newId,
        wardCode: input.ward,
        data: JSON.stringify(input),
        updatedAt: now,
        deletedAt: null,
        ...extraColumns(kind, input),
      } as never)
      .execute();
    await audit(trx, actorOf(user), { action: `${kind}.create`, ward: input.ward, target: newId });
    return newId;
  },
);

export async function createLocal(database: Database, user: StaffUser, kind: LocalKind, body: unknown): Promise<string> {
  const input = parseInput(kind, body);
  if (!mayActFor(user, input.ward)) throw new AppError("staff.forbidden", { ward: input.ward });
  return database.write(saveLocal, { user, kind, id: null, input: await withReadings(input), now: new Date().toISOString() });
}

export async function updateLocal(database: Database, user: StaffUser, kind: LocalKind, id: string, body: unknown): Promise<void> {
  const input = parseInput(kind, body);
  const stored = await storedFurigana(database, kind, [id]);
  await database.write(saveLocal, { user, kind, id, input: await withReadings(input, stored.get(id)), now: new Date().toISOString() });
}

export async function deleteLocal(database: Database, user: StaffUser, kind: LocalKind, id: string): Promise<void> {
  await database.write(saveLocal, { user, kind, id, input: null, now: new Date().toISOString() });
}

/** A ward's items of one kind as CSV (see csv.ts), by name. */
export async function exportLocal(database: Database, user: StaffUser, kind: LocalKind, ward: string): Promise<string> {
  const items = (await listLocal(database, user, kind, ward)).sort((a, b) =>
    String("name" in a ? a.name : "title" in a ? a.title : "").localeCompare(
      String("name" in b ? b.name : "title" in b ? b.title : ""),
      "ja",
    ),
  );
  const wards = new Map((await database.db.selectFrom("wards").select(["code", "name"]).execute()).map((w) => [w.code, w.name]));
  return localCsv(kind, items as (Input & { id: string })[], (code) => wards.get(code) ?? code);
}

const importRows = defineWrite(
  "local.import",
  async (trx, { user, kind, rows, now }: { user: StaffUser; kind: LocalKind; rows: ParsedRow[]; now: string }) => {
    const table: (typeof localTables)[LocalKind] = localTables[kind];
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const added = new Set<string>();
    for (const { line, id, input } of rows) {
      const data = JSON.stringify(input);
      const existing = id
        ? await trx.selectFrom(table).select(["wardCode", "data", "deletedAt"]).where("id", "=", id).executeTakeFirst()
        : undefined;
      if (existing && (existing.wardCode !== input.ward || !mayActFor(user, existing.wardCode))) {
        throw new AppError("import.invalid", { problems: [{ line, column: "ID", reason: "ward" }] });
      }
      if (!existing || existing.deletedAt !== null) added.add(input.ward);
      if (existing && existing.deletedAt === null && existing.data === data) unchanged++;
      else if (existing) {
        await trx
          .updateTable(table)
          .set({ data, updatedAt: now, deletedAt: null, ...extraColumns(kind, input) })
          .where("id", "=", id as string)
          .execute();
        updated++;
      } else {
        await trx
          .insertInto(table)
          .values({
            id: id ?? randomUUID(),
            wardCode: input.ward,
            data,
            updatedAt: now,
            deletedAt: null,
            ...extraColumns(kind, input),
          } as never)
          .execute();
        created++;
      }
    }
    // Counted with this file's rows in: past the limit, the whole file is rolled back. Wards in order, so that
    // concurrent imports (PostgreSQL) take their rows' locks in the same order.
    for (const ward of [...added].sort()) await checkWardRoom(trx, kind, ward, 0);
    await audit(trx, actorOf(user), { action: `${kind}.import`, ward: user.ward, details: { created, updated, unchanged } });
    return { created, updated, unchanged };
  },
);

/** Imports a CSV file of one kind (its bytes, UTF-8 or Shift_JIS): every row is checked first, on a worker thread; one bad row and nothing is written. */
export async function importLocal(database: Database, user: StaffUser, kind: LocalKind, bytes: ArrayBuffer) {
  const { rows, problems } = await readLocalImport(kind, user, bytes);
  if (problems.length > 0) throw new AppError("import.invalid", { problems });
  if (rows.length === 0) throw new AppError("import.invalid", { problems: [{ line: 1, column: null, reason: "required" }] });
  // A file carries no furigana: the stored ones (a staff correction among them) stay while their text is unchanged.
  const stored = await storedFurigana(
    database,
    kind,
    rows.flatMap((row) => (row.id ? [row.id] : [])),
  );
  // The analyser runs on its own thread; rows go to it a few at a time, so their tokens are held only briefly.
  const withRead: ParsedRow[] = [];
  for (let i = 0; i < rows.length; i += 50) {
    const some = rows.slice(i, i + 50);
    const read = await withReadingsAll(some.map((row) => ({ input: row.input, stored: row.id ? stored.get(row.id) : undefined })));
    for (const [j, row] of some.entries()) withRead.push({ ...row, input: read[j] ?? row.input });
  }
  return database.write(importRows, { user, kind, rows: withRead, now: new Date().toISOString() });
}

const purge = defineWrite("local.purgeJoinRequests", async (trx, { before, now }: { before: string; now: string }): Promise<number> => {
  const result = await erasing(trx, () =>
    trx
      .updateTable("joinRequests")
      .set({ name: null, contact: null, address: null, message: null, purgedAt: now })
      .where("receivedAt", "<", before)
      .where("purgedAt", "is", null)
      .executeTakeFirst(),
  );
  return Number(result.numUpdatedRows);
});

/** Clears the personal fields of join requests older than the retention period; the request itself stays, for counts. */
export function purgeJoinRequests(database: Database, retentionDays: number, now = new Date()): Promise<number> {
  return database.write(purge, { before: new Date(now.getTime() - retentionDays * 86_400_000).toISOString(), now: now.toISOString() });
}

const recordInboxView = defineWrite(
  "local.joinInboxViewed",
  async (trx, { user, ward, count }: { user: StaffUser; ward: string; count: number }) => {
    await audit(trx, actorOf(user), { action: "join.view", ward, details: { count } });
  },
);

/** The ward's join requests, newest first; each opening is in the audit log (how many requests still held personal data, never the data). */
export async function joinInbox(database: Database, user: StaffUser, ward: string, retentionDays: number) {
  if (!mayActFor(user, ward)) throw new AppError("staff.forbidden", { ward });
  await purgeJoinRequests(database, retentionDays);
  const rows = await database.db
    .selectFrom("joinRequests")
    .innerJoin("associations", "associations.id", "joinRequests.associationId")
    .select([
      "joinRequests.id",
      "joinRequests.associationId",
      "associations.data",
      "joinRequests.name",
      "joinRequests.contact",
      "joinRequests.address",
      "joinRequests.message",
      "joinRequests.status",
      "joinRequests.receivedAt",
      "joinRequests.statusChangedAt",
      "joinRequests.purgedAt",
    ])
    .where("joinRequests.wardCode", "=", ward)
    .orderBy("joinRequests.receivedAt", "desc")
    .execute();
  await database.write(recordInboxView, { user, ward, count: rows.filter((row) => row.purgedAt === null).length });
  return rows.map(({ data, ...row }) => ({ ...row, associationName: (JSON.parse(data) as { name: string }).name }));
}

const changeStatus = defineWrite(
  "local.joinStatus",
  async (trx, { user, id, status, now }: { user: StaffUser; id: string; status: (typeof joinRequestStates)[number]; now: string }) => {
    const row = await trx.selectFrom("joinRequests").select(["wardCode"]).where("id", "=", id).executeTakeFirst();
    if (!row || !mayActFor(user, row.wardCode)) throw new AppError("local.not_found", { kind: "joinRequest", id });
    await trx.updateTable("joinRequests").set({ status, statusChangedAt: now }).where("id", "=", id).execute();
    await audit(trx, actorOf(user), { action: "joinRequest.status", ward: row.wardCode, target: id, details: { status } });
  },
);

export function setJoinStatus(database: Database, user: StaffUser, id: string, status: (typeof joinRequestStates)[number]): Promise<void> {
  return database.write(changeStatus, { user, id, status, now: new Date().toISOString() });
}

export type { JoinRequestInput };
