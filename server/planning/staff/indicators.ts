/**
 * Keeping yearly targets (see shared/planning/indicators.ts; reading them is indicator-series.ts): an
 * indicator's definition, each ward's value for a year (a survey in the app or a recorded share), and
 * staff's confirmation that a year from a self-selected poll may stand in the trend. Every change is
 * scoped to the staff member's ward and audited.
 */
import { randomUUID } from "node:crypto";
import type { StaffUser } from "../../../shared/accounts/schemas";
import type { IndicatorInput, IndicatorYearInput } from "../../../shared/planning/indicators";
import type { SurveyDefinition } from "../../../shared/surveys/model";
import { actorOf, mayActFor } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { Database } from "../../platform/db/database";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";
import { definitionOf } from "../../surveys/read";
import { visible } from "./indicator-series";

/** Why a survey cannot give this indicator's value, or null when it can. */
export function bindingProblem(definition: SurveyDefinition, questionId: string, optionIds: readonly string[]): string | null {
  const question = definition.questions.find((q) => q.id === questionId);
  if (!question || (question.type !== "single" && question.type !== "multiple")) return `no choice question ${questionId}`;
  const missing = optionIds.filter((id) => !question.options.some((o) => o.id === id));
  if (missing.length > 0) return `question ${questionId} has no option ${missing.join(", ")}`;
  if (question.type === "multiple" && optionIds.length > 1) return "in a multiple-choice question an indicator counts one option";
  return null;
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

const confirmPoll = defineWrite(
  "staff.confirmIndicatorPoll",
  async (
    trx,
    { user, id, ward, year, inTrend, now }: { user: StaffUser; id: string; ward: string; year: number; inTrend: boolean; now: string },
  ): Promise<void> => {
    const indicator = await trx.selectFrom("indicators").select(["wardCode"]).where("id", "=", id).executeTakeFirst();
    if (!indicator || !visible(user, indicator)) throw new AppError("indicators.not_found", { indicator: id });
    if (!mayActFor(user, ward) || (indicator.wardCode !== null && indicator.wardCode !== ward))
      throw new AppError("staff.forbidden", { ward });
    const row = await trx
      .selectFrom("indicatorYears")
      .leftJoin("surveys", "surveys.id", "indicatorYears.surveyId")
      .select(["surveys.kind as kind"])
      .where("indicatorYears.indicatorId", "=", id)
      .where("indicatorYears.wardCode", "=", ward)
      .where("indicatorYears.year", "=", year)
      .executeTakeFirst();
    if (!row) throw new AppError("indicators.year_not_found", { year });
    if (row.kind !== "poll") throw new AppError("indicators.not_a_poll", { year });
    await trx
      .updateTable("indicatorYears")
      .set({ pollConfirmedAt: inTrend ? now : null })
      .where("indicatorId", "=", id)
      .where("wardCode", "=", ward)
      .where("year", "=", year)
      .execute();
    await audit(trx, actorOf(user), { action: "indicator.poll_confirm", ward, target: id, details: { year, inTrend } });
  },
);

/** Takes a year from a self-selected poll into the trend (staff confirm it stands for the ward), or back out of it. */
export function setPollInTrend(
  database: Database,
  user: StaffUser,
  id: string,
  ward: string,
  year: number,
  inTrend: boolean,
): Promise<void> {
  return database.write(confirmPoll, { user, id, ward, year, inTrend, now: new Date().toISOString() });
}
