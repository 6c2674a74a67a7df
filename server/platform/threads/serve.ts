/**
 * The worker's side of a ThreadPool (pool.ts): answers each job with the handler's output, or with its
 * error carried across as data (the app's own errors keep their code and details).
 */
import { parentPort } from "node:worker_threads";
import { transferError } from "../db/write";
import type { ThreadReply, ThreadRequest } from "./pool";

export function serveThread<I, O>(handler: (input: I) => O | Promise<O>): void {
  parentPort?.on("message", async ({ id, input }: ThreadRequest<I>) => {
    try {
      parentPort?.postMessage({ id, output: await handler(input) } satisfies ThreadReply<O>);
    } catch (error) {
      parentPort?.postMessage({ id, error: transferError(error) } satisfies ThreadReply<O>);
    }
  });
}
