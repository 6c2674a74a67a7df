/** Reads 地域 imports on a worker thread (import-worker.ts; built as areas-import-worker.js, see vite.config.ts). */
import type { StaffUser } from "../../../shared/accounts/schemas";
import { ThreadPool, threadEntry } from "../../platform/threads/pool";
import type { readAreaCsv } from "../import";
import type { AreaImportJob } from "./import-worker";

const pool = new ThreadPool<AreaImportJob, ReturnType<typeof readAreaCsv>>(
  threadEntry(import.meta.url, "import-worker.ts", "areas-import-worker.js"),
);

/** The rows of an uploaded file, each checked, or every problem; the bytes are handed over to the worker. */
export function readAreaImport(user: StaffUser, wards: string[], bytes: ArrayBuffer) {
  return pool.run({ user, wards, bytes: new Uint8Array(bytes) }, [bytes]);
}
