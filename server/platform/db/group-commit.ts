/**
 * Group commit for the embedded SQLite database. With synchronous=FULL every COMMIT waits for a
 * disk flush, so one transaction per request caps throughput at the disk's flush rate. Instead,
 * writes that arrive together are run one after another inside a single transaction, each in its
 * own savepoint (a failing write rolls back only itself), and one COMMIT — one flush — serves
 * them all. A write's promise settles only after that COMMIT: resolved means durable.
 *
 * Deferred counts (optional). The running counts writes add (counts.ts: the surveys' Tally) are
 * derived data: survey aggregates are a function of the stored responses. Writing them with every batch rewrites the
 * same pages of survey_aggregates dozens of times a second, which costs more than the responses
 * themselves. With `deferCountsMs`, a committed batch's counts are kept here and written at the
 * start of a later batch, at most that many milliseconds later, or sooner when `settleCounts()`
 * asks (before results are read) or when a write that changes counts itself runs. A crash loses
 * only counts that can be worked out again from the responses; the writer thread notices the
 * unclean stop and recounts (writer-thread.ts).
 */
import type { Kysely, Transaction } from "kysely";
import { type Counts, type CountsKind, noCounts } from "./counts";
import { directConnection } from "./direct";
import type { DB as AppDB } from "./schema";

/** A write: its queries, and the running counts it adds. */
export type WriteJob<DB, T> = (trx: Transaction<DB>, counts: Counts) => Promise<T>;

export interface RunOptions {
  /** Write the deferred counts before this job runs (it reads or replaces the counts itself). */
  settleCountsFirst?: boolean;
}

interface Pending<DB> {
  job: WriteJob<DB, unknown>;
  settleCountsFirst: boolean;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupCommit<DB> {
  private queue: Pending<DB>[] = [];
  private draining: Promise<void> | null = null;
  /** Counts of committed writes not yet written, and since when (performance.now()). */
  private deferred: Counts;
  private deferredSince = 0;
  /** The kind of counts the writes add (none when not given). */
  private readonly counts: CountsKind;
  /** Batches committed so far, and the writes they carried: the ratio is the grouping achieved. */
  readonly stats = { commits: 0, writes: 0 };

  constructor(
    private readonly db: Kysely<DB>,
    private readonly options: { maxBatch?: number; deferCountsMs?: number; counts?: CountsKind | null } = {},
  ) {
    this.counts = options.counts ?? noCounts;
    this.deferred = this.counts.create();
  }

  run<T>(job: WriteJob<DB, T>, options: RunOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ job, settleCountsFirst: options.settleCountsFirst ?? false, resolve: resolve as (value: unknown) => void, reject });
      this.draining ??= this.drainSoon();
    });
  }

  /** Resolves once every count of the writes committed so far is written. */
  settleCounts(): Promise<void> {
    return this.deferred.empty ? Promise.resolve() : this.run(async () => {}, { settleCountsFirst: true });
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
        await this.commit(this.queue.splice(0, this.options.maxBatch ?? 512));
      }
    } finally {
      this.draining = null;
    }
    // Counts still deferred when the writes stop: written once they are due.
    if (!this.deferred.empty) this.scheduleSettle();
  }

  private settleTimer: NodeJS.Timeout | null = null;
  private scheduleSettle(): void {
    if (this.settleTimer) return;
    const due = this.deferredSince + (this.options.deferCountsMs ?? 0) - performance.now();
    this.settleTimer = setTimeout(
      () => {
        this.settleTimer = null;
        void this.settleCounts().catch(() => {});
      },
      Math.max(0, due),
    );
    this.settleTimer.unref();
  }

  private async commit(batch: Pending<DB>[]): Promise<void> {
    const outcomes: Outcome[] = [];
    const batchCounts = this.counts.create();
    const deferMs = this.options.deferCountsMs;
    const settleFirst =
      !this.deferred.empty &&
      (deferMs === undefined || performance.now() - this.deferredSince >= deferMs || batch.some((pending) => pending.settleCountsFirst));
    try {
      const trx = await this.db.startTransaction().execute();
      try {
        // Deferred counts go first, so a job that replaces the counts (a recount, a reset) sees them written.
        if (settleFirst) await this.deferred.writeTo(trx as unknown as Transaction<AppDB>);
        const direct = directConnection();
        for (const pending of batch) {
          const jobCounts = this.counts.create();
          if (direct) {
            // On the writer thread: the savepoint's statements straight on its connection (see direct.ts).
            direct.prepare("SAVEPOINT write").run();
            try {
              const value = await pending.job(trx, jobCounts);
              direct.prepare("RELEASE write").run();
              jobCounts.addTo(batchCounts);
              outcomes.push({ ok: true, value });
            } catch (error) {
              direct.prepare("ROLLBACK TO write").run();
              direct.prepare("RELEASE write").run();
              outcomes.push({ ok: false, error });
            }
            continue;
          }
          const inSavepoint = await trx.savepoint("write").execute();
          try {
            const value = await pending.job(inSavepoint, jobCounts);
            await inSavepoint.releaseSavepoint("write").execute();
            jobCounts.addTo(batchCounts);
            outcomes.push({ ok: true, value });
          } catch (error) {
            await inSavepoint.rollbackToSavepoint("write").execute();
            await inSavepoint.releaseSavepoint("write").execute();
            outcomes.push({ ok: false, error });
          }
        }
        if (deferMs === undefined && !batchCounts.empty) await batchCounts.writeTo(trx as unknown as Transaction<AppDB>);
        await trx.commit().execute();
      } catch (error) {
        await trx
          .rollback()
          .execute()
          .catch(() => {});
        throw error;
      }
    } catch (error) {
      // The transaction itself failed (disk full, I/O error): nothing in it was stored, deferred counts included.
      for (const pending of batch) pending.reject(error);
      return;
    }
    if (settleFirst) this.deferred = this.counts.create();
    if (deferMs !== undefined && !batchCounts.empty) {
      if (this.deferred.empty) this.deferredSince = performance.now();
      batchCounts.addTo(this.deferred);
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
