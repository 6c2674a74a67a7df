/** The platform's own tables: the health check's probes and whether derived counts are exact. */

/** Rows the health check writes to prove that a durable write succeeds; pruned after an hour. */
export interface WriteProbeTable {
  id: string;
  checkedAt: string;
}

/** Whether a table of derived counts is exact (see ../migrations/0004_count_state.ts). */
export interface CountStateTable {
  name: string;
  clean: number;
}
