/**
 * Worker threads for work too heavy for the thread that serves HTTP (reading a 5 MB import, say), so that
 * other requests go on while it runs. A feature names its worker entry (which calls `serveThread`) with
 * `threadEntry`; from source (tests, tsx) the entry starts through tsx, built it is the .js that
 * vite.config.ts puts beside every chunk. Workers start on first use and hold the process open only while
 * they have work; a pool given `idleMs` ends a worker that long without a job (and `release` ends them once
 * their jobs are done), so what a worker built (a dictionary, say) goes back to the system. Knows no feature.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Transferable, Worker } from "node:worker_threads";
import { receiveError, type TransferredError } from "../db/write";

/** Where a worker entry is: its .ts source beside the calling module, or its built .js beside the chunk. */
export interface ThreadEntry {
  file: string;
  typescript: boolean;
}

/** The entry `source` (beside the module at `moduleUrl`), or, once built, `built` (an input of vite.config.ts). */
export function threadEntry(moduleUrl: string, source: string, built: string): ThreadEntry {
  const here = fileURLToPath(moduleUrl);
  return here.endsWith(".ts")
    ? { file: path.join(path.dirname(here), source), typescript: true }
    : { file: path.join(path.dirname(here), built), typescript: false };
}

export interface ThreadRequest<I> {
  id: number;
  input: I;
}
export type ThreadReply<O> = { id: number; output: O } | { id: number; error: TransferredError };

interface Waiting<O> {
  resolve: (output: O) => void;
  reject: (error: Error) => void;
}

interface Slot<O> {
  worker: Worker;
  waiting: Map<number, Waiting<O>>;
  /** Ends the worker once it has been without a job for idleMs. */
  idle: NodeJS.Timeout | null;
  /** release() was asked while the worker had jobs: it ends when they are done. */
  endWhenDone: boolean;
}

export interface ThreadPoolOptions {
  /** A worker's heap (V8's old generation, MB); 256 by default: a 5,000-row file read whole fits well inside. */
  heapMb?: number;
  /** A worker this long without a job is ended; without it, workers are kept. */
  idleMs?: number;
}

export class ThreadPool<I, O> {
  private workers: Slot<O>[] = [];
  private sequence = 0;

  constructor(
    private readonly entry: ThreadEntry,
    private readonly size = 1,
    private readonly options: ThreadPoolOptions = {},
  ) {}

  private starts = 0;

  /** How many worker threads have been started, in all. */
  get started(): number {
    return this.starts;
  }

  /** How many worker threads are running now. */
  get threads(): number {
    return this.workers.length;
  }

  private start(): Slot<O> {
    this.starts++;
    const resourceLimits = { maxOldGenerationSizeMb: this.options.heapMb ?? 256 };
    const worker = this.entry.typescript
      ? new Worker(path.join(path.dirname(fileURLToPath(import.meta.url)), "../db/typescript-worker.mjs"), {
          workerData: { entry: this.entry.file },
          resourceLimits,
        })
      : new Worker(this.entry.file, { resourceLimits });
    const slot: Slot<O> = { worker, waiting: new Map<number, Waiting<O>>(), idle: null, endWhenDone: false };
    worker.unref();
    worker.on("message", (reply: ThreadReply<O>) => {
      const waiting = slot.waiting.get(reply.id);
      if (!waiting) return;
      slot.waiting.delete(reply.id);
      if (slot.waiting.size === 0) this.rest(slot);
      if ("error" in reply) waiting.reject(receiveError(reply.error));
      else waiting.resolve(reply.output);
    });
    // A worker that fails or ends (out of memory, say) fails what it held; the next job starts a new one.
    const fail = (error: Error) => {
      this.forget(slot);
      for (const waiting of slot.waiting.values()) waiting.reject(error);
      slot.waiting.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`worker thread ended (exit code ${code})`)));
    return slot;
  }

  /** A worker whose jobs are all answered: it no longer holds the process open, and is ended when idle. */
  private rest(slot: Slot<O>): void {
    slot.worker.unref();
    if (slot.endWhenDone) this.end(slot);
    else if (this.options.idleMs !== undefined) {
      slot.idle = setTimeout(() => this.end(slot), this.options.idleMs);
      slot.idle.unref();
    }
  }

  private forget(slot: Slot<O>): void {
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    this.workers = this.workers.filter((w) => w !== slot);
  }

  /** Ends a worker without jobs; the next job starts a new one. */
  private end(slot: Slot<O>): void {
    this.forget(slot);
    void slot.worker.terminate();
  }

  /** Ends every worker now if it has no job, or else as soon as it has none left; a job sent after that starts a new one. */
  release(): void {
    for (const slot of this.workers) {
      if (slot.waiting.size === 0) this.end(slot);
      else slot.endWhenDone = true;
    }
  }

  /** Runs one job on the least busy worker; `transfer` moves buffers of the input instead of copying them. */
  run(input: I, transfer: readonly Transferable[] = []): Promise<O> {
    const idle = this.workers.find((w) => w.waiting.size === 0);
    let slot =
      idle ?? (this.workers.length < this.size ? undefined : this.workers.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a)));
    if (!slot) {
      slot = this.start();
      this.workers.push(slot);
    }
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    const id = this.sequence++;
    const { worker, waiting } = slot;
    worker.ref();
    return new Promise<O>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, input } satisfies ThreadRequest<I>, [...transfer]);
    });
  }

  async close(): Promise<void> {
    const workers = this.workers;
    for (const slot of workers) this.forget(slot);
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }
}
