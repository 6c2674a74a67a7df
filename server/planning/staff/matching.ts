/**
 * Needs matching: a ward's policies (施策) and, beside them, how much its residents need each theme
 * (see shared/planning/matching.ts). Everything is scoped to the staff member's ward; the comparison
 * of wards is for city administrators. The need is read from survey counts, hidden cells included:
 * a share is only shown where both its count and its base reach the minimum cell.
 */

import type { StaffUser } from "../../../shared/accounts/schemas";
import {
  countOf,
  type MatchingMatrix,
  type Policy,
  priorityQuestion,
  standingOut,
  themeCount,
  type WardComparison,
} from "../../../shared/planning/matching";
import { wilsonInterval } from "../../../shared/stats/wilson";
import { ageBands, type Question, type Theme, themes } from "../../../shared/surveys/model";
import type { SurveyResults } from "../../../shared/surveys/results";
import { jstFiscalYear } from "../../../shared/time";
import { inWardOrder } from "../../../shared/wards/order";
import { checkWard } from "../../accounts/access";
import type { Database } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { definitionOf } from "../../surveys/read";
import { surveyResults } from "../../surveys/results";
import type { Publication } from "../../surveys/snapshots";
import { listPolicies, toPolicy } from "./policies";

type ChoiceQuestion = Extract<Question, { type: "single" | "multiple" }>;

interface NeedSource {
  id: string;
  kind: "poll" | "sampled";
  /** The fiscal year (年度) it opened in. */
  year: number;
  title: MatchingMatrix["candidates"][number]["title"];
  question: ChoiceQuestion;
}

/** The ward's surveys that can show need (a choice question with themed options), newest year first, sampled ones before polls in a year. */
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
    if (question)
      sources.push({ id: row.id, kind: row.kind, year: jstFiscalYear(new Date(row.opensAt)), title: definition.title, question });
  }
  // Newest year first; within a year, a sampled survey before a poll.
  return sources.sort((a, b) => b.year - a.year || Number(a.kind !== "sampled") - Number(b.kind !== "sampled"));
}

/** The source used when staff name none: the newest sampled survey, else the newest poll. */
const preferred = (sources: readonly NeedSource[]): NeedSource | undefined => sources.find((s) => s.kind === "sampled") ?? sources[0];

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
  options: Publication & { ward: string; survey?: string | undefined; year?: number | undefined; by: "area" | "ageBand" },
): Promise<MatchingMatrix> {
  const { ward, by, minCell } = options;
  checkWard(user, ward);
  const sources = await needSources(database, ward);
  const source = options.survey
    ? sources.find((s) => s.id === options.survey)
    : preferred(sources.filter((s) => options.year === undefined || s.year === options.year));
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
  const candidates = sources.map((s) => ({ id: s.id, title: s.title, year: s.year, kind: s.kind }));
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
    surveyResults(database, source.id, { minCell, refreshHours: options.refreshHours, publicOnly: false }),
    surveyResults(database, source.id, { breakdown: by, minCell, refreshHours: options.refreshHours, publicOnly: false }),
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
export async function wardComparison(database: Database, publication: Publication): Promise<WardComparison> {
  const { minCell } = publication;
  const wards = inWardOrder(await database.db.selectFrom("wards").select("code").execute(), (ward) => ward.code);
  const allPolicies = (await database.db.selectFrom("policies").selectAll().execute()).map(toPolicy);
  const result: WardComparison["wards"] = [];
  for (const { code } of wards) {
    const source = preferred(await needSources(database, code));
    const policies = policyCounts(allPolicies.filter((p) => p.ward === code));
    const need = source
      ? needIn(source, (await surveyResults(database, source.id, { ...publication, publicOnly: false })).segments[0])
      : () => ({ share: null, interval: null });
    const cells = themes.map((theme) => ({ theme, need: need(theme), policies: policies.get(theme)?.length ?? 0 }));
    const out = standingOut(cells.map((c) => ({ share: c.need.share, policies: c.policies })));
    result.push({ ward: code, surveyId: source?.id ?? null, cells: cells.map((c, i) => ({ ...c, standsOut: out[i] ?? false })) });
  }
  return { minCell, wards: result };
}
