/**
 * The worker thread that reads a local-data import (import-pool.ts): the file's bytes decoded, parsed
 * and every row checked here, so that a 5 MB file never holds up the thread serving other requests.
 */
import type { StaffUser } from "../../../shared/accounts/schemas";
import { mayActFor } from "../../accounts/access";
import { csvText } from "../../platform/http/csv-upload";
import { serveThread } from "../../platform/threads/serve";
import type { LocalKind } from "../service";
import { type ParsedRow, type RowProblem, readLocalCsv } from "./csv";

export interface LocalImportJob {
  kind: LocalKind;
  user: StaffUser;
  bytes: Uint8Array;
}

serveThread<LocalImportJob, { rows: ParsedRow[]; problems: RowProblem[] }>(({ kind, user, bytes }) =>
  readLocalCsv(kind, csvText(bytes), (ward) => mayActFor(user, ward)),
);
