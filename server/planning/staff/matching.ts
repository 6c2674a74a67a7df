/**
 * Needs matching: a ward's policies (施策) and, beside them, how much its residents need each theme
 * (see shared/planning/matching.ts). Everything is scoped to the staff member's ward; the comparison
 * of wards is for city administrators. The need is read from survey counts, hidden cells included:
 * a share is only shown where both its count and its base reach the minimum cell.
 */

import { randomUUID } from "node:crypto";
import type { StaffUser } from "../../../shared/accounts/schemas";
import { csvFile, csvLine } from "../../../shared/csv";
import {
  countOf,
  type MatchingMatrix,
  type Policy,
  type PolicyInput,
  priorityQuestion,
  standingOut,
  themeCount,
  themeNamesJa,
  type WardComparison,
} from "../../../shared/planning/matching";
import { wilsonInterval } from "../../../shared/stats/wilson";
import { ageBands, type Question, type Theme, themes } from "../../../shared/surveys/model";
import type { SurveyResults } from "../../../shared/surveys/results";
import { actorOf, mayActFor } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { Database } from "../../platform/db/database";
import type { PolicyTable } from "../../platform/db/schema";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";
import { definitionOf } from "../../surveys/read";
import { surveyResults } from "../../surveys/results";

type ChoiceQuestion = Extract<Question, { type: "single" | "multiple" }>;

function toPolicy(row: PolicyTable): Policy {
  return {
    id: row.id,
    ward: row.wardCode,
    title: row.title,
    chapter: row.chapter,
    themes: JSON.parse(row.themes) as Theme[],
    updatedAt: row.updatedAt,
  };
}

function checkWard(user: StaffUser, ward: string): void {
  if (!mayActFor(user, ward)) throw new AppError("staff.forbidden", { ward });
}

export async function listPolicies(database: Database, user: StaffUser, ward: string): Promise<Policy[]> {
  checkWard(user, ward);
  const rows = await database.db
    .selectFrom("policies")
    .selectAll()
    .where("wardCode", "=", ward)
    .orderBy("chapter")
    .orderBy("createdAt")
    .execute();
  return rows.map(toPolicy);
}

const insertPolicy = defineWrite(
  "staff.insertPolicy",
  async (trx, { user, ward, input, now }: { user: StaffUser; ward: string; input: PolicyInput; now: string }): Promise<string> => {
    const id = randomUUID();
    await trx
      .insertInto("policies")
      .values({
        id,
        wardCode: ward,
        title: input.title,
        chapter: input.chapter,
        themes: JSON.stringify(input.themes),
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await audit(trx, actorOf(user), { action: "policy.create", ward, target: id, details: { title: input.title } });
    return id;
  },
);

const changePolicy = defineWrite(
  "staff.changePolicy",
  async (trx, { user, id, input, now }: { user: StaffUser; id: string; input: PolicyInput; now: string }): Promise<void> => {
    const row = await trx.selectFrom("policies").select("wardCode").where("id", "=", id).executeTakeFirst();
    if (!row || !mayActFor(user, row.wardCode)) throw new AppError("policies.not_found", { policy: id });
    await trx
      .updateTable("policies")
      .set({ title: input.title, chapter: input.chapter, themes: JSON.stringify(input.themes), updatedAt: now })
      .where("id", "=", id)
      .execute();
    await audit(trx, actorOf(user), { action: "policy.edit", ward: row.wardCode, target: id, details: { title: input.title } });
  },
);

export function createPolicy(database: Database, user: StaffUser, ward: string, input: PolicyInput): Promise<string> {
  checkWard(user, ward);
  return database.write(insertPolicy, { user, ward, input, now: new Date().toISOString() });
}

/** Another ward's policy is "not found", as if it did not exist. */
export function updatePolicy(database: Database, user: StaffUser, id: string, input: PolicyInput): Promise<void> {
  return database.write(changePolicy, { user, id, input, now: new Date().toISOString() });
}

const removePolicy = defineWrite("staff.removePolicy", async (trx, { user, id }: { user: StaffUser; id: string }): Promise<Policy> => {
  const row = await trx.selectFrom("policies").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row || !mayActFor(user, row.wardCode)) throw new AppError("policies.not_found", { policy: id });
  await trx.deleteFrom("policies").where("id", "=", id).execute();
  await audit(trx, actorOf(user), { action: "policy.delete", ward: row.wardCode, target: id, details: { title: row.title } });
  return toPolicy(row);
});

/** Deletes a policy and answers it as it was, so the console can offer to put it back. */
export function deletePolicy(database: Database, user: StaffUser, id: string): Promise<Policy> {
  return database.write(removePolicy, { user, id });
}

interface NeedSource {
  id: string;
  kind: "poll" | "sampled";
  title: MatchingMatrix["candidates"][number]["title"];
  question: ChoiceQuestion;
}

/** The ward's surveys that can show need (a choice question with themed options), newest first, sampled ones before polls. */
async function needSources(database: Database, ward: string): Promise<NeedSource[]> {
  const rows = await database.db
    .selectFrom("surveys")
    .select(["id", "kind", "version", "definition", "opensAt"])
    .where("wardCode", "=", ward)
    .where("status", "!=", "draft")
    .orderBy("opensAt", "desc")
    .execute();
  const sources: NeedSource[] = [];
  for (const row of rows) {
    const definition = definitionOf(row);
    const question = priorityQuestion(definition.questions);
    if (question) sources.push({ id: row.id, kind: row.kind, title: definition.title, question });
  }
  return [...sources.filter((s) => s.kind === "sampled"), ...sources.filter((s) => s.kind !== "sampled")];
}

/** Need per theme in one segment of a survey's results. Themes the question does not offer are absent. */
function needIn(source: NeedSource, segment: SurveyResults["segments"][number] | undefined) {
  const question = segment?.questions.find((q) => q.id === source.question.id);
  return (theme: Theme) => {
    const keys = source.question.options.filter((o) => o.themes.includes(theme)).map((o) => o.id);
    if (keys.length === 0 || !question) return { share: null, interval: null };
    const count = themeCount(
      source.question.type,
      keys.map((k) => countOf(question.options, k)),
    );
    const n = question.answered;
    if (count === null || n === null || n === 0) return { share: null, interval: null };
    return { share: count / n, interval: source.kind === "sampled" ? wilsonInterval(count, n) : null };
  };
}

function policyCounts(policies: Policy[]): Map<Theme, Policy[]> {
  const byTheme = new Map<Theme, Policy[]>(themes.map((t) => [t, []]));
  for (const policy of policies) for (const theme of policy.themes) byTheme.get(theme)?.push(policy);
  return byTheme;
}

export async function matchingMatrix(
  database: Database,
  user: StaffUser,
  options: { ward: string; survey?: string | undefined; by: "area" | "ageBand"; minCell: number },
): Promise<MatchingMatrix> {
  const { ward, by, minCell } = options;
  checkWard(user, ward);
  const sources = await needSources(database, ward);
  const source = options.survey ? sources.find((s) => s.id === options.survey) : sources[0];
  if (options.survey && !source) {
    const row = await database.db.selectFrom("surveys").select("wardCode").where("id", "=", options.survey).executeTakeFirst();
    if (!row || row.wardCode !== ward) throw new AppError("surveys.not_found", { survey: options.survey });
    throw new AppError("matching.no_priority_question", { survey: options.survey });
  }
  const policies = policyCounts(await listPolicies(database, user, ward));
  const segments =
    by === "area"
      ? (await database.db.selectFrom("areas").select("id").where("wardCode", "=", ward).orderBy("sortOrder").execute()).map((a) => a.id)
      : [...ageBands];
  const candidates = sources.map((s) => ({ id: s.id, title: s.title }));
  if (!source) {
    return {
      ward,
      minCell,
      survey: null,
      candidates,
      by,
      segments,
      rows: themes.map((theme) => ({
        theme,
        need: { share: null, interval: null },
        bySegment: segments.map(() => ({ share: null, interval: null })),
        policies: (policies.get(theme) ?? []).map((p) => ({ id: p.id, title: p.title })),
        standsOut: false,
      })),
    };
  }
  const [overall, split] = await Promise.all([
    surveyResults(database, source.id, { minCell, publicOnly: false }),
    surveyResults(database, source.id, { breakdown: by, minCell, publicOnly: false }),
  ]);
  const prefix = by === "area" ? "area:" : "age:";
  const bySegment = new Map(split.segments.map((s) => [s.segment.slice(prefix.length), needIn(source, s)]));
  const need = needIn(source, overall.segments[0]);
  const rows = themes.map((theme) => ({
    theme,
    need: need(theme),
    bySegment: segments.map((segment) => bySegment.get(segment)?.(theme) ?? { share: null, interval: null }),
    policies: (policies.get(theme) ?? []).map((p) => ({ id: p.id, title: p.title })),
  }));
  const out = standingOut(rows.map((r) => ({ share: r.need.share, policies: r.policies.length })));
  return {
    ward,
    minCell,
    survey: { id: source.id, title: source.title, kind: source.kind, questionId: source.question.id },
    candidates,
    by,
    segments,
    rows: rows.map((row, i) => ({ ...row, standsOut: out[i] ?? false })),
  };
}

/** Each ward's need per theme (its newest survey with a priority question) beside its policies: city administrators only. */
export async function wardComparison(database: Database, minCell: number): Promise<WardComparison> {
  const wards = await database.db.selectFrom("wards").select("code").orderBy("code").execute();
  const allPolicies = (await database.db.selectFrom("policies").selectAll().execute()).map(toPolicy);
  const result: WardComparison["wards"] = [];
  for (const { code } of wards) {
    const [source] = await needSources(database, code);
    const policies = policyCounts(allPolicies.filter((p) => p.ward === code));
    const need = source
      ? needIn(source, (await surveyResults(database, source.id, { minCell, publicOnly: false })).segments[0])
      : () => ({ share: null, interval: null });
    const cells = themes.map((theme) => ({ theme, need: need(theme), policies: policies.get(theme)?.length ?? 0 }));
    const out = standingOut(cells.map((c) => ({ share: c.need.share, policies: c.policies })));
    result.push({ ward: code, surveyId: source?.id ?? null, cells: cells.map((c, i) => ({ ...c, standsOut: out[i] ?? false })) });
  }
  return { minCell, wards: result };
}

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
