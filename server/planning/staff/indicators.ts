/**
 * Yearly targets (see shared/planning/indicators.ts). A year's value from a survey is worked out from
 * its counts when read, with the same hiding as the results: if any option in the indicator is a
 * hidden cell, the value is hidden too, so a sum can never reveal what the results table hides.
 * Ward staff see their ward's series; city administrators also see the city (全区平均) and every ward.
 */
import { randomUUID } from "node:crypto";
import type { StaffUser } from "../../../shared/accounts/schemas";
import type { Indicator, IndicatorInput, IndicatorPoint, IndicatorSeries, IndicatorYearInput } from "../../../shared/planning/indicators";
import { countOf, themeCount } from "../../../shared/planning/matching";
import { averageOfShares } from "../../../shared/stats/average";
import { wilsonInterval } from "../../../shared/stats/wilson";
import type { SurveyDefinition } from "../../../shared/surveys/model";
import { inWardOrder } from "../../../shared/wards/order";
import { actorOf, mayActFor } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { Database } from "../../platform/db/database";
import type { IndicatorTable, IndicatorYearTable } from "../../platform/db/schema";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";
import { definitionOf } from "../../surveys/read";
import { surveyResults } from "../../surveys/results";
import type { Publication } from "../../surveys/snapshots";

/** May this user see the indicator at all? A city-wide one: everyone; a ward's: its staff and administrators. */
const visible = (user: StaffUser, row: Pick<IndicatorTable, "wardCode">) => row.wardCode === null || mayActFor(user, row.wardCode);

/** Why a survey cannot give this indicator's value, or null when it can. */
export function bindingProblem(definition: SurveyDefinition, questionId: string, optionIds: readonly string[]): string | null {
  const question = definition.questions.find((q) => q.id === questionId);
  if (!question || (question.type !== "single" && question.type !== "multiple")) return `no choice question ${questionId}`;
  const missing = optionIds.filter((id) => !question.options.some((o) => o.id === id));
  if (missing.length > 0) return `question ${questionId} has no option ${missing.join(", ")}`;
  if (question.type === "multiple" && optionIds.length > 1) return "in a multiple-choice question an indicator counts one option";
  return null;
}

interface Measured {
  share: number | null;
  n: number | null;
  interval: [number, number] | null;
}

async function fromSurvey(database: Database, surveyId: string, indicator: IndicatorTable, publication: Publication): Promise<Measured> {
  const row = await database.db
    .selectFrom("surveys")
    .select(["id", "version", "definition", "kind"])
    .where("id", "=", surveyId)
    .executeTakeFirst();
  if (!row) return { share: null, n: null, interval: null };
  const optionIds = JSON.parse(indicator.optionIds) as string[];
  const definition = definitionOf(row);
  const question = definition.questions.find((q) => q.id === indicator.questionId);
  if (!question || (question.type !== "single" && question.type !== "multiple")) return { share: null, n: null, interval: null };
  const results = await surveyResults(database, surveyId, { ...publication, publicOnly: false, includeDrafts: true });
  const counted = results.segments[0]?.questions.find((q) => q.id === question.id);
  if (!counted) return { share: null, n: null, interval: null };
  const k = themeCount(
    question.type,
    optionIds.map((id) => countOf(counted.options, id)),
  );
  const n = counted.answered;
  if (k === null || n === null || n === 0) return { share: null, n, interval: null };
  return { share: k / n, n, interval: row.kind === "sampled" ? wilsonInterval(k, n) : null };
}

async function wordingOf(database: Database, surveyId: string, indicator: IndicatorTable): Promise<Indicator["wording"]> {
  const row = await database.db.selectFrom("surveys").select(["id", "version", "definition"]).where("id", "=", surveyId).executeTakeFirst();
  const question = row ? definitionOf(row).questions.find((q) => q.id === indicator.questionId) : undefined;
  if (!question || (question.type !== "single" && question.type !== "multiple")) return null;
  const optionIds = JSON.parse(indicator.optionIds) as string[];
  return {
    question: question.text,
    options: optionIds.map((id) => question.options.find((o) => o.id === id)?.label ?? { ja: id }),
  };
}

function recorded(row: IndicatorYearTable): Measured {
  const share = row.recordedShare as number;
  const n = row.recordedN as number;
  return { share, n, interval: wilsonInterval(Math.round(share * n), n) };
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

function seriesOf(ward: string | null, indicator: IndicatorTable, points: IndicatorPoint[]): IndicatorSeries {
  const baseline = points.find((p) => p.year === indicator.baselineYear)?.share ?? null;
  return {
    ward,
    baseline,
    target: baseline === null ? null : clamp(baseline + indicator.targetPoints / 100),
    points: points.sort((a, b) => a.year - b.year),
  };
}

export async function listIndicators(database: Database, user: StaffUser, publication: Publication): Promise<Indicator[]> {
  await database.settleCounts();
  const rows = (await database.db.selectFrom("indicators").selectAll().orderBy("createdAt").execute()).filter((row) => visible(user, row));
  const indicators: Indicator[] = [];
  for (const row of rows) {
    let query = database.db.selectFrom("indicatorYears").selectAll().where("indicatorId", "=", row.id);
    if (user.role !== "city_admin") query = query.where("wardCode", "=", user.ward as string);
    const years = await query.orderBy("wardCode").orderBy("year").execute();
    const byWard = new Map<string, IndicatorPoint[]>();
    for (const year of years) {
      const measured = year.surveyId ? await fromSurvey(database, year.surveyId, row, publication) : recorded(year);
      const point: IndicatorPoint = {
        year: year.year,
        ...measured,
        source: year.surveyId ? "survey" : "recorded",
        surveyId: year.surveyId,
      };
      byWard.set(year.wardCode, [...(byWard.get(year.wardCode) ?? []), point]);
    }
    const newest = years.filter((y) => y.surveyId !== null).sort((a, b) => b.year - a.year)[0];
    const wording = newest?.surveyId ? await wordingOf(database, newest.surveyId, row) : null;
    const wardSeries = inWardOrder([...byWard.entries()], ([ward]) => ward).map(([ward, points]) => seriesOf(ward, row, points));
    if (user.role !== "city_admin" && row.wardCode === null && wardSeries.length === 0 && user.ward) {
      wardSeries.push(seriesOf(user.ward, row, []));
    }
    const series = row.wardCode === null && user.role === "city_admin" ? [citySeries(row, wardSeries), ...wardSeries] : wardSeries;
    indicators.push({
      id: row.id,
      name: row.name,
      ward: row.wardCode,
      questionId: row.questionId,
      optionIds: JSON.parse(row.optionIds) as string[],
      baselineYear: row.baselineYear,
      targetYear: row.targetYear,
      targetPoints: row.targetPoints,
      wording,
      series,
    });
  }
  return indicators;
}

/** The city's series: each year, the average of the wards whose value for that year is shown. */
function citySeries(indicator: IndicatorTable, wards: IndicatorSeries[]): IndicatorSeries {
  const years = [...new Set(wards.flatMap((w) => w.points.map((p) => p.year)))];
  const points = years.flatMap((year): IndicatorPoint[] => {
    const values = wards.flatMap((w) =>
      w.points
        .filter((p) => p.year === year && p.share !== null && p.n !== null)
        .map((p) => ({ share: p.share as number, n: p.n as number })),
    );
    const average = averageOfShares(values);
    if (!average) return [];
    return [
      {
        year,
        share: average.share,
        interval: average.interval,
        n: values.reduce((s, v) => s + v.n, 0),
        source: "average",
        surveyId: null,
        wards: average.wards,
      },
    ];
  });
  return seriesOf(null, indicator, points);
}

const insertIndicator = defineWrite(
  "staff.insertIndicator",
  async (trx, { user, input, now }: { user: StaffUser; input: IndicatorInput; now: string }): Promise<string> => {
    const id = randomUUID();
    await trx
      .insertInto("indicators")
      .values({
        id,
        wardCode: input.ward,
        name: input.name,
        questionId: input.questionId,
        optionIds: JSON.stringify(input.optionIds),
        baselineYear: input.baselineYear,
        targetYear: input.targetYear,
        targetPoints: input.targetPoints,
        createdAt: now,
      })
      .execute();
    await audit(trx, actorOf(user), { action: "indicator.create", ward: input.ward, target: id, details: { name: input.name } });
    return id;
  },
);

function checkOwner(user: StaffUser, ward: string | null): void {
  if (ward === null ? user.role !== "city_admin" : !mayActFor(user, ward)) throw new AppError("staff.forbidden", { ward });
}

export function createIndicator(database: Database, user: StaffUser, input: IndicatorInput): Promise<string> {
  checkOwner(user, input.ward);
  return database.write(insertIndicator, { user, input, now: new Date().toISOString() });
}

const changeIndicator = defineWrite(
  "staff.changeIndicator",
  async (trx, { user, id, input }: { user: StaffUser; id: string; input: IndicatorInput | null }): Promise<void> => {
    const row = await trx.selectFrom("indicators").select(["wardCode", "name"]).where("id", "=", id).executeTakeFirst();
    if (!row || !visible(user, row)) throw new AppError("indicators.not_found", { indicator: id });
    checkOwner(user, row.wardCode);
    if (input === null) {
      await trx.deleteFrom("indicatorYears").where("indicatorId", "=", id).execute();
      await trx.deleteFrom("indicators").where("id", "=", id).execute();
      await audit(trx, actorOf(user), { action: "indicator.delete", ward: row.wardCode, target: id, details: { name: row.name } });
      return;
    }
    if (input.ward !== row.wardCode) throw new AppError("request.invalid", { reason: "an indicator cannot move to another ward" });
    await trx
      .updateTable("indicators")
      .set({
        name: input.name,
        questionId: input.questionId,
        optionIds: JSON.stringify(input.optionIds),
        baselineYear: input.baselineYear,
        targetYear: input.targetYear,
        targetPoints: input.targetPoints,
      })
      .where("id", "=", id)
      .execute();
    await audit(trx, actorOf(user), { action: "indicator.edit", ward: row.wardCode, target: id, details: { name: input.name } });
  },
);

export function updateIndicator(database: Database, user: StaffUser, id: string, input: IndicatorInput): Promise<void> {
  return database.write(changeIndicator, { user, id, input });
}

export function deleteIndicator(database: Database, user: StaffUser, id: string): Promise<void> {
  return database.write(changeIndicator, { user, id, input: null });
}

const storeYear = defineWrite(
  "staff.storeIndicatorYear",
  async (
    trx,
    { user, id, input }: { user: StaffUser; id: string; input: IndicatorYearInput | { ward: string; year: number; source: null } },
  ): Promise<void> => {
    const indicator = await trx.selectFrom("indicators").selectAll().where("id", "=", id).executeTakeFirst();
    if (!indicator || !visible(user, indicator)) throw new AppError("indicators.not_found", { indicator: id });
    if (!mayActFor(user, input.ward) || (indicator.wardCode !== null && indicator.wardCode !== input.ward))
      throw new AppError("staff.forbidden", { ward: input.ward });
    const key = { indicatorId: id, wardCode: input.ward, year: input.year };
    await trx
      .deleteFrom("indicatorYears")
      .where("indicatorId", "=", id)
      .where("wardCode", "=", input.ward)
      .where("year", "=", input.year)
      .execute();
    if (input.source === null) {
      await audit(trx, actorOf(user), { action: "indicator.year_remove", ward: input.ward, target: id, details: { year: input.year } });
      return;
    }
    if ("surveyId" in input.source) {
      const survey = await trx
        .selectFrom("surveys")
        .select(["id", "version", "definition", "wardCode", "status"])
        .where("id", "=", input.source.surveyId)
        .executeTakeFirst();
      if (!survey || survey.wardCode !== input.ward || survey.status === "draft")
        throw new AppError("surveys.not_found", { survey: input.source.surveyId });
      const problem = bindingProblem(definitionOf(survey), indicator.questionId, JSON.parse(indicator.optionIds) as string[]);
      if (problem) throw new AppError("indicators.question_missing", { reason: problem });
      await trx
        .insertInto("indicatorYears")
        .values({ ...key, surveyId: survey.id, recordedShare: null, recordedN: null })
        .execute();
    } else {
      await trx
        .insertInto("indicatorYears")
        .values({ ...key, surveyId: null, recordedShare: input.source.share, recordedN: input.source.n })
        .execute();
    }
    await audit(trx, actorOf(user), {
      action: "indicator.year",
      ward: input.ward,
      target: id,
      details: { year: input.year, ...input.source },
    });
  },
);

/** Sets (or replaces) one year's value of an indicator for a ward. */
export function setIndicatorYear(database: Database, user: StaffUser, id: string, input: IndicatorYearInput): Promise<void> {
  return database.write(storeYear, { user, id, input });
}

export function removeIndicatorYear(database: Database, user: StaffUser, id: string, ward: string, year: number): Promise<void> {
  return database.write(storeYear, { user, id, input: { ward, year, source: null } });
}
