/**
 * A worker thread that encrypts push payloads (RFC 8291), so the sender's main thread spends its
 * time on the network while another core does the elliptic-curve work. Plain data in, encrypted
 * bodies out (their buffers transferred, not copied).
 */
import { parentPort } from "node:worker_threads";
import { encryptPayload } from "./webpush";

export interface EncryptRequest {
  id: number;
  payloads: Uint8Array[];
  jobs: { p256dh: string; auth: string; payload: number }[];
}
export interface EncryptReply {
  id: number;
  bodies?: Uint8Array[];
  error?: string;
}

parentPort?.on("message", ({ id, payloads, jobs }: EncryptRequest) => {
  try {
    const bodies = jobs.map((job) => new Uint8Array(encryptPayload(job, Buffer.from(payloads[job.payload] as Uint8Array))));
    parentPort?.postMessage(
      { id, bodies } satisfies EncryptReply,
      bodies.map((b) => b.buffer as ArrayBuffer),
    );
  } catch (error) {
    parentPort?.postMessage({ id, error: String(error) } satisfies EncryptReply);
  }
});
