/**
 * Worker threads for work too heavy for the thread that serves HTTP (reading a 5 MB import, say), so that
 * other requests go on while it runs. A feature names its worker entry (which calls `serveThread`) with
 * `threadEntry`; from source (tests, tsx) the entry starts through tsx, built it is the .js that
 * vite.config.ts puts beside every chunk. Workers start on first use and hold the process open only while
 * they have work. Knows no feature.
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

/** A worker's heap: a 5,000-row file read whole fits well inside. */
const resourceLimits = { maxOldGenerationSizeMb: 256 };

export class ThreadPool<I, O> {
  private workers: { worker: Worker; waiting: Map<number, Waiting<O>> }[] = [];
  private sequence = 0;

  constructor(
    private readonly entry: ThreadEntry,
    private readonly size = 1,
  ) {}

  private start(): { worker: Worker; waiting: Map<number, Waiting<O>> } {
    const worker = this.entry.typescript
      ? new Worker(path.join(path.dirname(fileURLToPath(import.meta.url)), "../db/typescript-worker.mjs"), {
          workerData: { entry: this.entry.file },
          resourceLimits,
        })
      : new Worker(this.entry.file, { resourceLimits });
    const slot = { worker, waiting: new Map<number, Waiting<O>>() };
    worker.unref();
    worker.on("message", (reply: ThreadReply<O>) => {
      const waiting = slot.waiting.get(reply.id);
      if (!waiting) return;
      slot.waiting.delete(reply.id);
      if (slot.waiting.size === 0) worker.unref();
      if ("error" in reply) waiting.reject(receiveError(reply.error));
      else waiting.resolve(reply.output);
    });
    // A worker that fails or ends (out of memory, say) fails what it held; the next job starts a new one.
    const fail = (error: Error) => {
      this.workers = this.workers.filter((w) => w !== slot);
      for (const waiting of slot.waiting.values()) waiting.reject(error);
      slot.waiting.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`worker thread ended (exit code ${code})`)));
    return slot;
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
    this.workers = [];
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }
}
