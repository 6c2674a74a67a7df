import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./database";
import { GroupCommit } from "./group-commit";
import type { WriteProbeTable } from "./schema";
import { sqliteTestFile } from "./test-file";
import { defineWrite, insertInto } from "./write";

/** The platform's own writes (db.insertRows), as the registry: these tests know no feature. */
const platformWrites = { module: new URL("./write.ts", import.meta.url).href };

const sqlite = sqliteTestFile("group-commit");
const migratedKysely = sqlite.migratedKysely;

async function openTestDatabase(): Promise<Database> {
  const database = await openDatabase({ dialect: "sqlite", file: sqlite.file() }, platformWrites);
  sqlite.closeAfter({ destroy: () => database.close().catch(() => {}) });
  return database;
}

function probe(n: number): WriteProbeTable {
  return { id: `probe-${String(n).padStart(3, "0")}`, checkedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString() };
}

const probes = (count: number) => Array.from({ length: count }, (_, i) => probe(i));

/** The probe ids as seen by a separate, independent connection to the file. */
function idsSeenByAnotherConnection(): string[] {
  const connection = new SQLite(sqlite.file(), { readonly: true });
  try {
    return (connection.prepare("SELECT id FROM write_probes ORDER BY id").all() as { id: string }[]).map((row) => row.id);
  } finally {
    connection.close();
  }
}

describe("GroupCommit", () => {
  it("stores 200 writes issued together with far fewer commits than writes", async () => {
    const db = await migratedKysely();
    const group = new GroupCommit(db);

    await Promise.all(probes(200).map((row) => group.run((trx) => trx.insertInto("writeProbes").values(row).execute())));

    const stored = await db.selectFrom("writeProbes").select("id").orderBy("id").execute();
    expect(stored.map((row) => row.id)).toEqual(probes(200).map((row) => row.id));
    expect(group.stats.writes).toBe(200);
    expect(group.stats.commits).toBeLessThan(group.stats.writes);
    expect(group.stats.commits * 10).toBeLessThanOrEqual(group.stats.writes);
  });

  it("never puts more writes than maxBatch in one commit", async () => {
    const db = await migratedKysely();
    const group = new GroupCommit(db, { maxBatch: 50 });

    await Promise.all(probes(120).map((row) => group.run((trx) => trx.insertInto("writeProbes").values(row).execute())));

    expect(group.stats).toEqual({ commits: 3, writes: 120 });
  });

  it("undoes every statement of a failing write and none of the others in its batch", async () => {
    const db = await migratedKysely();
    const group = new GroupCommit(db);
    const failure = new Error("the job fails after its insert");

    const outcomes = await Promise.allSettled([
      group.run((trx) => trx.insertInto("writeProbes").values(probe(1)).execute()),
      group.run(async (trx) => {
        await trx.insertInto("writeProbes").values(probe(2)).execute();
        throw failure;
      }),
      group.run((trx) => trx.insertInto("writeProbes").values(probe(3)).execute()),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(outcomes[1]).toEqual({ status: "rejected", reason: failure });
    expect(group.stats.commits).toBe(1);
    expect(idsSeenByAnotherConnection()).toEqual([probe(1).id, probe(3).id]);
  });

  it("resolves each write with what its job returned", async () => {
    const db = await migratedKysely();
    const group = new GroupCommit(db);

    const values = await Promise.all([1, 2, 3].map((n) => group.run(async () => n * 10)));

    expect(values).toEqual([10, 20, 30]);
  });
});

describe("the SQLite database", () => {
  it("rejects only the failing write; the others in the same batch are stored", async () => {
    const database = await openTestDatabase();

    const outcomes = await Promise.allSettled([
      insertInto(database, "writeProbes", [probe(1)]),
      // Probe 2, then probe 1 again in the same write: the constraint violation undoes probe 2 too.
      insertInto(database, "writeProbes", [probe(2), probe(1)]),
      insertInto(database, "writeProbes", [probe(3)]),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(outcomes[1]).toMatchObject({ status: "rejected", reason: { code: "SQLITE_CONSTRAINT_PRIMARYKEY" } });
    expect(idsSeenByAnotherConnection()).toEqual([probe(1).id, probe(3).id]);
  });

  it("tells a write the writer thread does not know", async () => {
    const database = await openTestDatabase();
    const unknown = defineWrite("test.notInWritesIndex", async () => 1);

    await expect(database.write(unknown, undefined)).rejects.toThrow('no write is named "test.notInWritesIndex"');
  });

  it("resolves flush() only after every queued write is committed", async () => {
    const database = await openTestDatabase();
    const writes = probes(50).map((row) => insertInto(database, "writeProbes", [row]));

    await database.flush();

    expect(idsSeenByAnotherConnection()).toEqual(probes(50).map((row) => row.id));
    await Promise.all(writes);
  });

  it("commits the writes queued before close()", async () => {
    const database = await openTestDatabase();
    const writes = probes(20).map((row) => insertInto(database, "writeProbes", [row]));

    await database.close();

    await Promise.all(writes);
    expect(idsSeenByAnotherConnection()).toEqual(probes(20).map((row) => row.id));
  });

  it("rejects a write after close()", async () => {
    const database = await openTestDatabase();
    await database.close();

    await expect(insertInto(database, "writeProbes", [probe(1)])).rejects.toThrow("database is closed");
    expect(idsSeenByAnotherConnection()).toEqual([]);
  });

  it("rejects a read after close(), even when nothing was read before", async () => {
    const database = await openTestDatabase();
    await database.close();

    await expect(database.db.selectFrom("writeProbes").select("id").execute()).rejects.toThrow();
  });
});
