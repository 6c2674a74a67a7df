/**
 * Group commit for the embedded SQLite database. With synchronous=FULL every COMMIT waits for a
 * disk flush, so one transaction per request caps throughput at the disk's flush rate. Instead,
 * writes that arrive together are run one after another inside a single transaction, each in its
 * own savepoint (a failing write rolls back only itself), and one COMMIT — one flush — serves
 * them all. A write's promise settles only after that COMMIT: resolved means durable.
 */
import type { Kysely, Transaction } from "kysely";
import type { DB as AppDB } from "./schema";
import { Tally } from "./tally";

/** A write: its queries, and the running counts it adds (written once for the whole batch). */
export type WriteJob<DB, T> = (trx: Transaction<DB>, tally: Tally) => Promise<T>;

interface Pending<DB> {
  job: WriteJob<DB, unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupCommit<DB> {
  private queue: Pending<DB>[] = [];
  private draining: Promise<void> | null = null;
  /** Batches committed so far, and the writes they carried: the ratio is the grouping achieved. */
  readonly stats = { commits: 0, writes: 0 };

  constructor(
    private readonly db: Kysely<DB>,
    private readonly maxBatch = 512,
  ) {}

  run<T>(job: WriteJob<DB, T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ job, resolve: resolve as (value: unknown) => void, reject });
      this.draining ??= this.drainSoon();
    });
  }

  /** Resolves when every write queued so far has been committed or refused. */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drainSoon(): Promise<void> {
    // Let the requests that are already readable enqueue their writes before the batch starts.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      while (this.queue.length > 0) {
        await this.commit(this.queue.splice(0, this.maxBatch));
      }
    } finally {
      this.draining = null;
    }
  }

  private async commit(batch: Pending<DB>[]): Promise<void> {
    const outcomes: Outcome[] = [];
    const batchTally = new Tally();
    try {
      const trx = await this.db.startTransaction().execute();
      try {
        for (const pending of batch) {
          const inSavepoint = await trx.savepoint("write").execute();
          const jobTally = new Tally();
          try {
            const value = await pending.job(inSavepoint, jobTally);
            await inSavepoint.releaseSavepoint("write").execute();
            jobTally.addTo(batchTally);
            outcomes.push({ ok: true, value });
          } catch (error) {
            await inSavepoint.rollbackToSavepoint("write").execute();
            await inSavepoint.releaseSavepoint("write").execute();
            outcomes.push({ ok: false, error });
          }
        }
        if (batchTally.size > 0) await batchTally.flush(trx as unknown as Transaction<AppDB>);
        await trx.commit().execute();
      } catch (error) {
        await trx
          .rollback()
          .execute()
          .catch(() => {});
        throw error;
      }
    } catch (error) {
      // The transaction itself failed (disk full, I/O error): nothing in it was stored.
      for (const pending of batch) pending.reject(error);
      return;
    }
    this.stats.commits += 1;
    this.stats.writes += batch.length;
    batch.forEach((pending, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }
}
