/**
 * The health check proves the write path, not just that the process answers: it inserts a probe
 * row through the same grouped commit as every other write and prunes probes older than an hour.
 * A probe is written at most once every `probeEveryMs` per instance: checks in between (a load
 * balancer's, or a flood) share the last probe's answer, and checks that arrive together wait for
 * the one probe in flight, so health checks never crowd out residents' writes. The liveness check
 * (`GET /api/health/live`) never touches the database.
 */
import { randomUUID } from "node:crypto";
import type { HealthStatus } from "../../../shared/health/schemas";
import type { Database } from "../db/database";
import { defineWrite } from "../db/write";

const probeRetentionMs = 60 * 60 * 1000;
export const probeEveryMs = 5_000;

const writeProbe = defineWrite("health.probe", async (trx, input: { id: string; at: Date }) => {
  await trx.insertInto("writeProbes").values({ id: input.id, checkedAt: input.at.toISOString() }).execute();
  const cutoff = new Date(input.at.getTime() - probeRetentionMs).toISOString();
  await trx.deleteFrom("writeProbes").where("checkedAt", "<", cutoff).execute();
});

async function probe(database: Database, version: string): Promise<HealthStatus> {
  const started = performance.now();
  const at = new Date();
  const probeId = randomUUID();
  let writable = true;
  try {
    await database.write(writeProbe, { id: probeId, at });
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
      checkedAt: at.toISOString(),
    },
  };
}

const latest = new WeakMap<Database, { startedAt: number; result: Promise<HealthStatus> }>();

/** The last probe's answer if it started less than `probeEveryMs` ago (or is still running), else a new probe. */
export function checkHealth(database: Database, version: string, now = performance.now()): Promise<HealthStatus> {
  const last = latest.get(database);
  if (last && now - last.startedAt < probeEveryMs) return last.result;
  const result = probe(database, version);
  latest.set(database, { startedAt: now, result });
  return result;
}
