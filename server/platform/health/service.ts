/**
 * The health check proves the write path, not just that the process answers: it inserts a probe
 * row through the same grouped commit as every other write and prunes probes older than an hour.
 */
import { randomUUID } from "node:crypto";
import type { HealthStatus } from "../../../shared/health/schemas";
import type { Database } from "../db/database";
import { defineWrite } from "../db/write";

const probeRetentionMs = 60 * 60 * 1000;

const writeProbe = defineWrite("health.probe", async (trx, input: { id: string; at: Date }) => {
  await trx.insertInto("writeProbes").values({ id: input.id, checkedAt: input.at.toISOString() }).execute();
  const cutoff = new Date(input.at.getTime() - probeRetentionMs).toISOString();
  await trx.deleteFrom("writeProbes").where("checkedAt", "<", cutoff).execute();
});

export async function checkHealth(database: Database, version: string): Promise<HealthStatus> {
  const started = performance.now();
  const probeId = randomUUID();
  let writable = true;
  try {
    await database.write(writeProbe, { id: probeId, at: new Date() });
  } catch {
    writable = false;
  }
  return {
    status: writable ? "ok" : "degraded",
    version,
    database: {
      dialect: database.dialect,
      writable,
      writeMs: Math.round((performance.now() - started) * 10) / 10,
      probeId: writable ? probeId : null,
    },
  };
}
