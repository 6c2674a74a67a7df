/**
 * The worker thread that reads a 地域 import (import-pool.ts): the file's bytes decoded, parsed and every
 * row checked here, off the thread serving HTTP.
 */
import type { StaffUser } from "../../../shared/accounts/schemas";
import { mayActFor } from "../../accounts/access";
import { csvText } from "../../platform/http/csv-upload";
import { serveThread } from "../../platform/threads/serve";
import { readAreaCsv } from "../import";

export interface AreaImportJob {
  user: StaffUser;
  /** The ward codes that exist */
  wards: string[];
  bytes: Uint8Array;
}

serveThread(({ user, wards, bytes }: AreaImportJob) => readAreaCsv(csvText(bytes), new Set(wards), (ward) => mayActFor(user, ward)));
