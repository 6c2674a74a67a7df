/**
 * CSV both ways, in the one form every file of the app takes: what Excel opens as it should. Writing:
 * UTF-8 with a byte-order mark (so Japanese shows), CRLF lines, every cell quoted, and a cell that
 * starts like a formula neutralised. Reading (RFC 4180): quoted cells, doubled quotes, CRLF or LF
 * lines, newlines inside quotes, a leading byte-order mark skipped; an import also takes the guard
 * off again (readCsv), so a file exported and imported unchanged gives back the very same text.
 */

export type CsvCell = string | number | null;

/**
 * A cell Excel would run as a formula (= + - @, or a tab or return first) is prefixed with an apostrophe,
 * and so is one that already starts with apostrophes before such a character (`'=x` becomes `''=x`), so
 * that `unguard` can always tell the guard from what was typed: unguard(neutralise(s)) is s, for every s.
 */
export function neutralise(cell: string): string {
  return /^'*[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Takes off the guard `neutralise` puts on: one apostrophe before apostrophes and = + - @ tab or return. `'abc` stays. */
export function unguard(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** One line of quoted cells, formula-safe; null is an empty cell. */
export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map((cell) => `"${neutralise(cell === null ? "" : String(cell)).replaceAll('"', '""')}"`).join(",");
}

/** A whole file from its lines (as csvLine makes them): byte-order mark first, CRLF after every line. */
export function csvFile(lines: readonly string[]): string {
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Rows of cells as a CSV file. */
export const toCsvFile = (rows: readonly (readonly CsvCell[])[]): string => csvFile(rows.map(csvLine));

/** Reads an imported CSV text into rows of cells, each with the export's formula guard taken off. */
export const readCsv = (input: string): string[][] => parseCsv(input).map((row) => row.map(unguard));

/** Reads a CSV text into rows of cells, exactly as written (the guard kept). */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || (ch === "\r" && text[i + 1] === "\n")) {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      if (ch === "\r") i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
