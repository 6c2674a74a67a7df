/**
 * A reminder's rows, worked out in the console from the batch's own mail-merge CSV, which the server
 * never keeps: each code's SHA-256 (as the server stores it), the digest that proves the file is the
 * batch's list (reminders.ts: the hashes sorted, one a line, hashed), and — once the server answers
 * the unused codes' hashes — the file's rows of those codes, every column kept (addresses merged into
 * it by staff included), for the reminder's CSV and its letters.
 */
import { csvFile, csvLine, parseCsv } from "../../../../shared/csv";
import { normalizeInvitationCode } from "../../../../shared/surveys/invitation-code";

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
const sha256 = async (text: string) => hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));

export interface BatchList {
  header: string[];
  rows: { cells: string[]; code: string; hash: string }[];
  digest: string;
}

/** The batch's list as read from its CSV (the code in the second column), or null when it holds no codes. */
export async function readBatchList(text: string): Promise<BatchList | null> {
  const [header = [], ...body] = parseCsv(text.replace(/^\uFEFF/, ""));
  const rows = [];
  for (const cells of body) {
    const code = normalizeInvitationCode(cells[1] ?? "");
    if (code) rows.push({ cells, code, hash: await sha256(code) });
  }
  if (rows.length === 0) return null;
  const digest = await sha256(
    rows
      .map((row) => row.hash)
      .sort()
      .join("\n"),
  );
  return { header, rows, digest };
}

/** The rows of the codes not yet used, and the reminder's CSV of them (same columns as the batch's). */
export function reminderRows(list: BatchList, unused: readonly string[]) {
  const wanted = new Set(unused);
  const rows = list.rows.filter((row) => wanted.has(row.hash));
  return { rows, csv: csvFile([csvLine(list.header), ...rows.map((row) => csvLine(row.cells))]) };
}
