/**
 * Local data as CSV in the 自治体標準オープンデータセット columns: the common head (全国地方公共団体コード,
 * ID, 地方公共団体名, 名称, 名称_カナ, 名称_英語), then each kind's columns — for 通いの場 the standard's
 * 住所 … 備考 and this app's own after them, for 区政会議 those of the event dataset (開始日, 開始時間 …);
 * each kind's columns are in csv/, and after them the translations of the name and text (csv/languages.ts). Reading checks every row with the same rules as the forms and
 * reports each bad one by line and column; nothing is written unless all are good. Reading runs on a
 * worker thread (import-worker.ts), never on the thread serving HTTP.
 */
import { csvFile, csvLine } from "../../../shared/csv";
import { csvRows } from "../../platform/http/csv-upload";
import { checkInput, type Input } from "../input";
import type { LocalKind } from "../service";
import { associationSpec, councilSpec } from "./csv/associations";
import { languageColumns, readLanguages, translationColumn, writeLanguages } from "./csv/languages";
import { meetingSpec } from "./csv/meetings";
import { placeSpec } from "./csv/places";
import { type Cells, head, type Item, type Spec } from "./csv/spec";

export interface RowProblem {
  /** The line in the file (the header is line 1) */
  line: number;
  column: string | null;
  reason: "required" | "invalid" | "ward" | "duplicate" | "columns";
}

export interface ParsedRow {
  line: number;
  id: string | null;
  input: Input;
}

const specs: Record<LocalKind, Spec> = { place: placeSpec, association: associationSpec, council: councilSpec, meeting: meetingSpec };

/** A ward's items as CSV for Excel: a byte-order mark, CRLF, formula-safe cells. */
export function localCsv(kind: LocalKind, items: readonly Item[], wardName: (ward: string) => string): string {
  const spec = specs[kind];
  const columns = [...head, ...spec.columns, ...languageColumns(spec.textColumn)];
  const lines = [csvLine(columns)];
  for (const item of items) {
    const cells: Cells = {
      全国地方公共団体コード: item.ward,
      ID: item.id,
      地方公共団体名: `大阪市${wardName(item.ward)}`,
      ...spec.write(item),
      ...writeLanguages(item, spec.textColumn),
    };
    lines.push(csvLine(columns.map((c) => cells[c] ?? "")));
  }
  return csvFile(lines);
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Reads a file of one kind (its decoded text). `mayWrite(ward)` says whether the uploader may write that ward's rows. */
export function readLocalCsv(
  kind: LocalKind,
  text: string,
  mayWrite: (ward: string) => boolean,
): { rows: ParsedRow[]; problems: RowProblem[] } {
  const spec = specs[kind];
  const { header, rows: lines } = csvRows(text);
  const index = new Map((header ?? []).map((name, i) => [name.trim(), i]));
  const missing = ["全国地方公共団体コード", ...spec.required].filter((c) => !index.has(c));
  if (!header || missing.length > 0) return { rows: [], problems: missing.map((column) => ({ line: 1, column, reason: "columns" })) };
  const rows: ParsedRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  for (const { line: lineNumber, cells: line } of lines) {
    const cell = (column: string) => (line[index.get(column) ?? -1] ?? "").trim();
    const rowProblems: RowProblem[] = [];
    const checked = checkInput(kind, {
      ward: cell("全国地方公共団体コード"),
      ...spec.read(cell),
      ...readLanguages(cell, spec.textColumn),
    });
    if (checked.input === null) {
      for (const field of new Set(checked.issues.map((issue) => issue.path[0] ?? ""))) {
        const column = field === "translations" ? translationColumn(checked.issues, spec.textColumn) : (spec.fieldColumns[field] ?? null);
        rowProblems.push({ line: lineNumber, column, reason: column !== null && cell(column) === "" ? "required" : "invalid" });
      }
    } else if (!mayWrite(checked.input.ward)) rowProblems.push({ line: lineNumber, column: "全国地方公共団体コード", reason: "ward" });
    const id = cell("ID");
    if (id && !uuid.test(id)) rowProblems.push({ line: lineNumber, column: "ID", reason: "invalid" });
    if (id && seen.has(id)) rowProblems.push({ line: lineNumber, column: "ID", reason: "duplicate" });
    if (id) seen.add(id);
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else if (checked.input) rows.push({ line: lineNumber, id: id || null, input: checked.input });
  }
  return { rows, problems };
}
