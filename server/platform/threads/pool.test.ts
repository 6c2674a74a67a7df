import { threadId } from "node:worker_threads";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "../errors";
import { ThreadPool, threadEntry } from "./pool";
import type { Job } from "./pool.test-worker";

const entry = threadEntry(import.meta.url, "pool.test-worker.ts", "unused.js");
let pool: ThreadPool<Job, { result: number; threadId: number }>;
afterEach(async () => {
  vi.useRealTimers();
  await pool.close();
});

describe("ThreadPool", () => {
  it("runs jobs on another thread, answering each its own, and moves a transferred buffer instead of copying it", async () => {
    pool = new ThreadPool(entry, 2);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => pool.run({ kind: "double", value: i })));
    expect(answers.map((a) => a.result)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(answers.every((a) => a.threadId !== threadId)).toBe(true);
    const bytes = new Uint8Array([1, 2, 3, 4]);
    expect((await pool.run({ kind: "sum", bytes }, [bytes.buffer])).result).toBe(10);
    expect(bytes.byteLength).toBe(0);
  });

  it("carries the app's error across with its code and details", async () => {
    pool = new ThreadPool(entry);
    const failed = await pool.run({ kind: "fail" }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(AppError);
    expect(failed).toMatchObject({ code: "import.too_many_rows", details: { limit: 1, rows: 2 } });
    expect((await pool.run({ kind: "double", value: 4 })).result).toBe(8);
  });

  it("fails the job of a worker that dies, and runs the next on a new one", async () => {
    pool = new ThreadPool(entry);
    await expect(pool.run({ kind: "die" })).rejects.toThrow(/exit code 3/);
    expect((await pool.run({ kind: "double", value: 21 })).result).toBe(42);
  });

  it("ends a worker idle for idleMs, and starts a new one for the next job", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    pool = new ThreadPool(entry, 1, { idleMs: 1_000 });
    const first = await pool.run({ kind: "double", value: 1 });
    vi.advanceTimersByTime(999);
    expect(pool.threads).toBe(1);
    vi.advanceTimersByTime(1);
    expect(pool.threads).toBe(0);
    const second = await pool.run({ kind: "double", value: 2 });
    expect(second.result).toBe(4);
    expect(second.threadId).not.toBe(first.threadId);
    expect(pool.started).toBe(2);
  });

  it("keeps an idle worker without idleMs, and ends it once released", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    pool = new ThreadPool(entry);
    await pool.run({ kind: "double", value: 1 });
    vi.advanceTimersByTime(3_600_000);
    expect(pool.threads).toBe(1);
    pool.release();
    expect(pool.threads).toBe(0);
  });

  it("gives its workers the heap it is told, 256 MB by default", async () => {
    pool = new ThreadPool(entry);
    const standard = (await pool.run({ kind: "heap" })).result;
    await pool.close();
    pool = new ThreadPool(entry, 1, { heapMb: 640 });
    const larger = (await pool.run({ kind: "heap" })).result;
    expect(standard).toBeGreaterThanOrEqual(256);
    expect(standard).toBeLessThan(640);
    expect(larger).toBeGreaterThanOrEqual(640);
  });
});
