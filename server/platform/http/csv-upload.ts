/**
 * An uploaded CSV file, from its bytes to rows of cells, for every import (console and command line):
 * decoded as UTF-8 or Shift_JIS (shared/csv-decode.ts), the export's formula guard taken off (readCsv),
 * every cell cleaned as every string of a JSON request is (shared/text.ts: no control characters or
 * bidirectional overrides), blank lines dropped, and at most `maxCsvRows` rows. Refusals are the app's
 * errors, with their details.
 */
import { readCsv } from "../../../shared/csv";
import { decodeCsv } from "../../../shared/csv-decode";
import { cleanText } from "../../../shared/text";
import { AppError } from "../errors";

/** Rows a file may have past its header: an import is checked whole, in memory, before anything is written. */
export const maxCsvRows = 5000;

/** The file's text; `import.encoding` names what else it is. */
export function csvText(bytes: Uint8Array): string {
  const decoded = decodeCsv(bytes);
  if (decoded.text === null) throw new AppError("import.encoding", { encoding: decoded.encoding });
  return decoded.text;
}

/** A line of the file and its cells (the header is line 1). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** The header and the rows that are not blank, each with its line; `import.too_many_rows` past the limit. */
export function csvRows(text: string, limit = maxCsvRows): { header: string[] | null; rows: CsvRow[] } {
  const [header, ...lines] = readCsv(text).map((cells) => cells.map(cleanText));
  const rows: CsvRow[] = [];
  lines.forEach((cells, i) => {
    if (cells.some((cell) => cell.trim() !== "")) rows.push({ line: i + 2, cells });
  });
  if (rows.length > limit) throw new AppError("import.too_many_rows", { limit, rows: rows.length });
  return { header: header ?? null, rows };
}
