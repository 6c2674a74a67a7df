/**
 * What each kind's CSV columns share (csv.ts reads and writes them): the common head of the
 * 自治体標準オープンデータセット, and how a kind maps its items to cells and cells back to input.
 */
import type { Input } from "../../input";

export type Cells = Record<string, string | number | null>;
export type Item = Input & { id: string };

export interface Spec {
  /** The columns after the common head, in order (the translation columns follow them: languages.ts) */
  columns: readonly string[];
  /** The column of the kind's text, which its translations are named after (備考_英語 …) */
  textColumn: string;
  /** Columns a file must have (beyond 全国地方公共団体コード) */
  required: readonly string[];
  /** The column each input field is read from, for naming a bad value */
  fieldColumns: Record<string, string>;
  write(item: Item): Cells;
  read(cell: (column: string) => string): Record<string, unknown>;
}

export const head = ["全国地方公共団体コード", "ID", "地方公共団体名", "名称", "名称_カナ", "名称_英語"] as const;
export const list = (text: string) =>
  text
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter(Boolean);
export const number = (text: string) => (text === "" ? Number.NaN : Number(text.normalize("NFKC").replace(/,/g, "")));
