import { z } from "zod/mini";

export const HealthStatus = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  database: z.object({
    dialect: z.enum(["sqlite", "postgres"]),
    /** Whether a durable write (a committed insert) just succeeded. */
    writable: z.boolean(),
    writeMs: z.number(),
    /** The id of the probe row written, so a caller can confirm it later. */
    probeId: z.nullable(z.string()),
  }),
});
export type HealthStatus = z.infer<typeof HealthStatus>;
