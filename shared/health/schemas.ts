import { z } from "zod/mini";

export const HealthStatus = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  database: z.object({
    dialect: z.enum(["sqlite", "postgres"]),
    /** Whether the last durable write (a committed insert, at most a few seconds old) succeeded. */
    writable: z.boolean(),
    writeMs: z.number(),
    /** The id of the probe row written, so a caller can confirm it later. */
    probeId: z.nullable(z.string()),
    /** When that probe was written: checks within a few seconds share one probe. */
    checkedAt: z.string(),
  }),
});
export type HealthStatus = z.infer<typeof HealthStatus>;

/** The liveness answer: the process answers; nothing is read or written. */
export const Liveness = z.object({ status: z.literal("ok"), version: z.string() });
