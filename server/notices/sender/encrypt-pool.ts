/**
 * Payload encryption on worker threads (one per spare core, at least one): a fan-out's next batch
 * is encrypted there while the current one is being sent. Workers start on first use, and hold the
 * process open only while they have work.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { EncryptReply, EncryptRequest } from "./encrypt-worker";
import type { SubscriptionKeys } from "./webpush";

/** A worker keeps little: each job's garbage is gone before the next, so a small heap is enough. */
const resourceLimits = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 };

function startWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  // From source (tests, tsx): through tsx. Built: encrypt-worker.js sits beside this chunk (vite.config.ts).
  return here.endsWith(".ts")
    ? new Worker(path.join(dir, "../../platform/db/typescript-worker.mjs"), {
        workerData: { entry: path.join(dir, "encrypt-worker.ts") },
        resourceLimits: { ...resourceLimits, maxOldGenerationSizeMb: 256 },
      })
    : new Worker(path.join(dir, "encrypt-worker.js"), { resourceLimits });
}

export class EncryptPool {
  private workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (bodies: Buffer[]) => void; reject: (error: Error) => void }>();
  private sequence = 0;

  constructor(private readonly size = Math.max(1, Math.min(4, availableParallelism() - 1))) {}

  private start(): void {
    this.workers = Array.from({ length: this.size }, () => {
      const worker = startWorker();
      worker.unref();
      worker.on("message", (reply: EncryptReply) => {
        const waiting = this.waiting.get(reply.id);
        if (!waiting) return;
        this.waiting.delete(reply.id);
        if (this.waiting.size === 0) for (const w of this.workers) w.unref();
        if (reply.bodies) waiting.resolve(reply.bodies.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
        else waiting.reject(new Error(reply.error ?? "encryption failed"));
      });
      worker.on("error", (error) => {
        for (const waiting of this.waiting.values()) waiting.reject(error);
        this.waiting.clear();
      });
      return worker;
    });
  }

  /** Encrypts each job's payload for its subscription, in order. */
  async encrypt(jobs: { keys: SubscriptionKeys; payload: Buffer }[]): Promise<Buffer[]> {
    if (jobs.length === 0) return [];
    if (this.workers.length === 0) this.start();
    const payloads: Buffer[] = [];
    const index = new Map<Buffer, number>();
    const prepared = jobs.map((job) => {
      let i = index.get(job.payload);
      if (i === undefined) {
        i = payloads.push(job.payload) - 1;
        index.set(job.payload, i);
      }
      return { p256dh: job.keys.p256dh, auth: job.keys.auth, payload: i };
    });
    // Split across the workers, so each core takes a share of the batch.
    const share = Math.ceil(prepared.length / this.workers.length);
    const parts = await Promise.all(
      this.workers.map((worker, n) => {
        const slice = prepared.slice(n * share, (n + 1) * share);
        if (slice.length === 0) return Promise.resolve([] as Buffer[]);
        const id = this.sequence++;
        worker.ref();
        return new Promise<Buffer[]>((resolve, reject) => {
          this.waiting.set(id, { resolve, reject });
          worker.postMessage({ id, payloads, jobs: slice } satisfies EncryptRequest);
        });
      }),
    );
    return parts.flat();
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
