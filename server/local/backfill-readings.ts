/**
 * At start, under the start lock: stored rows saved before readings existed get them (readings.ts), and
 * a newer updatedAt, so devices sync them. The readings are made before the write (the analyser never
 * runs on the SQLite writer); a row changed meanwhile (by staff, or by another instance starting) is left
 * as it is. A row that has its readings is never read again, so later starts cost one query per kind.
 */
import type { Transaction } from "kysely";
import type { Database } from "../platform/db/database";
import { takeStartLock } from "../platform/db/lock";
import type { DB } from "../platform/db/schema";
import { defineWrite } from "../platform/db/write";
import { releaseJapaneseAnalyser } from "../platform/text/japanese";
import { checkInput, type Input } from "./input";
import { withReadingsAll } from "./readings";
import { type LocalKind, localTables } from "./service";

interface Change {
  kind: LocalKind;
  id: string;
  before: string;
  data: string;
}

const storeReadings = defineWrite(
  "local.storeReadings",
  async (trx, { dialect, changes, now }: { dialect: "sqlite" | "postgres"; changes: Change[]; now: string }): Promise<number> => {
    await takeStartLock(trx as Transaction<unknown>, dialect, "local-readings");
    let stored = 0;
    for (const { kind, id, before, data } of changes) {
      const result = await (trx as Transaction<DB>)
        .updateTable(localTables[kind])
        .set({ data, updatedAt: now })
        .where("id", "=", id)
        .where("data", "=", before)
        .executeTakeFirst();
      stored += Number(result.numUpdatedRows);
    }
    return stored;
  },
);

/**
 * Adds readings to the rows without them; returns how many it changed. The analyser's thread is ended right
 * after (once no other job waits on it): a server that read its rows at start does not keep the dictionary.
 */
export async function backfillReadings(database: Database): Promise<number> {
  try {
    return await addReadings(database);
  } finally {
    releaseJapaneseAnalyser();
  }
}

async function addReadings(database: Database): Promise<number> {
  let stored = 0;
  for (const kind of Object.keys(localTables) as LocalKind[]) {
    const rows = await database.db.selectFrom(localTables[kind]).select(["id", "data"]).where("deletedAt", "is", null).execute();
    const unread: { id: string; before: string; input: Input }[] = [];
    for (const row of rows) {
      const parsed = JSON.parse(row.data) as { reading?: unknown };
      if (parsed.reading !== undefined) continue;
      const checked = checkInput(kind, parsed);
      // A row that no longer reads as its kind is not sent to devices either (service.ts): left alone.
      if (checked.input !== null) unread.push({ id: row.id, before: row.data, input: checked.input });
    }
    for (let i = 0; i < unread.length; i += 200) {
      const some = unread.slice(i, i + 200);
      const read = await withReadingsAll(some.map(({ input }) => ({ input, stored: input.furigana })));
      const changes = some.map(({ id, before }, j): Change => ({ kind, id, before, data: JSON.stringify(read[j]) }));
      stored += await database.write(storeReadings, { dialect: database.dialect, changes, now: new Date().toISOString() });
    }
  }
  return stored;
}
