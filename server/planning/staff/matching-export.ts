/**
 * The needs matching as CSV for Excel (shared/csv.ts), with Japanese column names (地域 names, age
 * bands, ward names), and the audit record of each export.
 */
import type { StaffUser } from "../../../shared/accounts/schemas";
import { csvFile, csvLine } from "../../../shared/csv";
import { type MatchingMatrix, themeNamesJa, type WardComparison } from "../../../shared/planning/matching";
import { themes } from "../../../shared/surveys/model";
import { actorOf } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { Database } from "../../platform/db/database";
import { defineWrite } from "../../platform/db/write";

const percent = (x: number | null | undefined) => (x === null || x === undefined ? "" : (x * 100).toFixed(1));

/** The matrix as CSV for Excel: one row per theme, the breakdown's columns after the overall need. */
export function matrixCsv(matrix: MatchingMatrix, segmentName: (segment: string) => string): string {
  const hidden = `${matrix.minCell}未満`;
  const cell = (c: { share: number | null }) => (c.share === null ? hidden : percent(c.share));
  const lines = [
    csvLine([
      "テーマ",
      "ニーズ(%)",
      "95%下限(%)",
      "95%上限(%)",
      ...matrix.segments.map(segmentName),
      "施策数",
      "施策",
      "ニーズが高く施策が少ない",
    ]),
    ...matrix.rows.map((row) =>
      csvLine([
        themeNamesJa[row.theme],
        cell(row.need),
        percent(row.need.interval?.[0]),
        percent(row.need.interval?.[1]),
        ...row.bySegment.map(cell),
        row.policies.length,
        row.policies.map((p) => p.title).join(" / "),
        row.standsOut ? "○" : "",
      ]),
    ),
  ];
  return csvFile(lines);
}

export function comparisonCsv(comparison: WardComparison, wardName: (ward: string) => string): string {
  const hidden = `${comparison.minCell}未満`;
  const lines = [
    csvLine(["区", ...themes.flatMap((t) => [`${themeNamesJa[t]} ニーズ(%)`, `${themeNamesJa[t]} 施策数`])]),
    ...comparison.wards.map((w) =>
      csvLine([
        wardName(w.ward),
        ...w.cells.flatMap((c) => [c.need.share === null ? hidden : percent(c.need.share), `${c.policies}${c.standsOut ? " ※" : ""}`]),
      ]),
    ),
  ];
  return csvFile(lines);
}

const ageNamesJa: Record<string, string> = {
  "10s": "10代",
  "20s": "20代",
  "30s": "30代",
  "40s": "40代",
  "50s": "50代",
  "60s": "60代",
  "70s": "70代",
  "80plus": "80代以上",
};

/** Column names for a matrix's CSV: 地域 names, or age bands in Japanese. */
export async function segmentNamesJa(database: Database, ward: string): Promise<(segment: string) => string> {
  const areas = new Map(
    (await database.db.selectFrom("areas").select(["id", "name"]).where("wardCode", "=", ward).execute()).map((a) => [a.id, a.name]),
  );
  return (segment) => `${areas.get(segment) ?? ageNamesJa[segment] ?? segment}(%)`;
}

export async function wardNamesJa(database: Database): Promise<(ward: string) => string> {
  const wards = new Map((await database.db.selectFrom("wards").select(["code", "name"]).execute()).map((w) => [w.code, w.name]));
  return (ward) => wards.get(ward) ?? ward;
}

export const recordMatchingExport = defineWrite(
  "staff.recordMatchingExport",
  async (trx, { user, ward, what }: { user: StaffUser; ward: string | null; what: "matrix" | "wards" }) => {
    await audit(trx, actorOf(user), { action: "matching.export", ward, details: { what } });
  },
);
