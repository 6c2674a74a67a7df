/** Reads local-data imports on a worker thread (import-worker.ts; built as local-import-worker.js, see vite.config.ts). */
import type { StaffUser } from "../../../shared/accounts/schemas";
import { ThreadPool, threadEntry } from "../../platform/threads/pool";
import type { LocalKind } from "../service";
import type { ParsedRow, RowProblem } from "./csv";
import type { LocalImportJob } from "./import-worker";

const pool = new ThreadPool<LocalImportJob, { rows: ParsedRow[]; problems: RowProblem[] }>(
  threadEntry(import.meta.url, "import-worker.ts", "local-import-worker.js"),
);

/** The rows of an uploaded file, each checked, or every problem; the bytes are handed over to the worker. */
export function readLocalImport(kind: LocalKind, user: StaffUser, bytes: ArrayBuffer) {
  return pool.run({ kind, user, bytes: new Uint8Array(bytes) }, [bytes]);
}
