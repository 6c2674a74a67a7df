/**
 * The survey builder's writes, each scoped to the staff member's ward and written
 * to the audit log in the same transaction. An open survey takes only edits that cannot corrupt
 * its collected answers (shared/surveys/editing.ts); each edit raises its version, so answers
 * checked against the old questions are checked again (surveys/ingest.ts).
 */
import { randomUUID } from "node:crypto";
import type { StaffUser } from "../../../shared/accounts/schemas";
import type { Locale } from "../../../shared/locales/locales";
import { definitionProblems, missingTranslations, unsafeChanges } from "../../../shared/surveys/editing";
import type { Survey, SurveyDefinition } from "../../../shared/surveys/model";
import type { SurveyEdit, SurveyInput } from "../../../shared/surveys/staff/editor";
import type { StaffFollowUp } from "../../../shared/surveys/staff/follow-up";
import { type Actor, actorOf, mayActFor } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import { cancelTopicNotice, notifyTopicOnce, surveyNoticeKey, surveyOpened } from "../../notices/topics";
import type { Database } from "../../platform/db/database";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";
import { definitionOf, followUpTextOf, toSurvey } from "../read";

export interface StaffSurvey extends Survey {
  /** Locales some text lacks (Japanese shows there instead). */
  missingTranslations: Locale[];
  createdAt: string;
  updatedAt: string;
  /** 区の対応 as last saved, published or not. */
  followUpDraft: StaffFollowUp | null;
}

export async function staffSurvey(database: Database, user: StaffUser, id: string): Promise<StaffSurvey> {
  const row = await database.db.selectFrom("surveys").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row || !mayActFor(user, row.wardCode)) throw new AppError("surveys.not_found", { survey: id });
  const survey = toSurvey(row);
  const followUpText = followUpTextOf(row);
  return {
    ...survey,
    missingTranslations: missingTranslations(survey.definition),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    followUpDraft: followUpText ? { text: followUpText, publishedAt: row.followUpAt } : null,
  };
}

function checkPublishable(definition: SurveyDefinition): void {
  const problems = definitionProblems(definition);
  if (problems.length > 0) throw new AppError("surveys.definition_invalid", { problems });
}

function checkPeriod(input: Pick<SurveyInput, "opensAt" | "closesAt">): void {
  if (Date.parse(input.closesAt) <= Date.parse(input.opensAt)) {
    throw new AppError("request.invalid", { reason: "closesAt must be after opensAt" });
  }
}

const createSurvey = defineWrite(
  "staff.createSurvey",
  async (trx, { input, actor, id }: { input: SurveyInput; actor: Actor; id: string }) => {
    const now = new Date().toISOString();
    await trx
      .insertInto("surveys")
      .values({
        id,
        wardCode: input.ward,
        kind: input.kind,
        status: "draft",
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        // A sampled survey's results become public only by their own audited request (follow-up.ts).
        resultsPublic: input.kind === "poll" && input.resultsPublic ? 1 : 0,
        version: 1,
        definition: JSON.stringify(input.definition),
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await audit(trx, actor, { action: "survey.create", ward: input.ward, target: id });
    return id;
  },
);

/** A new draft in the staff member's ward (a city administrator may make a city-wide one). */
export function createDraft(database: Database, user: StaffUser, input: SurveyInput): Promise<string> {
  if (!mayActFor(user, input.ward)) throw new AppError("staff.forbidden", { ward: input.ward });
  checkPeriod(input);
  checkPublishable(input.definition);
  return database.write(createSurvey, { input, actor: actorOf(user), id: randomUUID() });
}

const updateSurvey = defineWrite(
  "staff.updateSurvey",
  async (trx, { id, edit, user }: { id: string; edit: SurveyEdit; user: StaffUser }) => {
    const row = await trx.selectFrom("surveys").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row || !mayActFor(user, row.wardCode)) throw new AppError("surveys.not_found", { survey: id });
    if (row.version !== edit.version) throw new AppError("surveys.edit_conflict", { survey: id, version: row.version });
    if (row.status === "closed") throw new AppError("surveys.closed", { survey: id });
    if (row.status === "open") {
      const reasons = unsafeChanges(definitionOf(row), edit.definition);
      if (edit.kind !== row.kind) reasons.push("kind");
      if (edit.ward !== row.wardCode) reasons.push("ward");
      if (edit.opensAt !== row.opensAt) reasons.push("opensAt");
      if (reasons.length > 0) throw new AppError("surveys.unsafe_edit", { survey: id, reasons });
    } else if (!mayActFor(user, edit.ward)) {
      throw new AppError("staff.forbidden", { ward: edit.ward });
    }
    await trx
      .updateTable("surveys")
      .set({
        wardCode: edit.ward,
        kind: edit.kind,
        resultsPublic: edit.kind === "poll" ? (edit.resultsPublic ? 1 : 0) : row.kind === "sampled" ? row.resultsPublic : 0,
        opensAt: edit.opensAt,
        closesAt: edit.closesAt,
        definition: JSON.stringify(edit.definition),
        version: row.version + 1,
        updatedAt: new Date().toISOString(),
      })
      .where("id", "=", id)
      .execute();
    // Which questions' words changed (an open survey may change only words), and whether a free-text one did:
    // residents may have answered the old words, so the log says so.
    const before = definitionOf(row).questions;
    const reworded = edit.definition.questions
      .filter((q) => {
        const old = before.find((b) => b.id === q.id);
        return old !== undefined && JSON.stringify(old) !== JSON.stringify(q);
      })
      .map((q) => q.id);
    const freeText = edit.definition.questions.some((q) => q.type === "text" && reworded.includes(q.id));
    await audit(trx, actorOf(user), {
      action: "survey.edit",
      ward: row.wardCode,
      target: id,
      details: { version: row.version + 1, ...(row.status === "open" ? { reworded, freeText } : {}) },
    });
    return row.version + 1;
  },
);

/** Saves an edit; answers the new version. */
export function editSurvey(database: Database, user: StaffUser, id: string, edit: SurveyEdit): Promise<number> {
  checkPeriod(edit);
  checkPublishable(edit.definition);
  return database.write(updateSurvey, { id, edit, user });
}

type Transition = "publish" | "close" | "duplicate";
const transition = defineWrite(
  "staff.surveyTransition",
  async (trx, { id, action, user }: { id: string; action: Transition; user: StaffUser }) => {
    const row = await trx.selectFrom("surveys").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row || !mayActFor(user, row.wardCode)) throw new AppError("surveys.not_found", { survey: id });
    const now = new Date().toISOString();
    const actor = actorOf(user);
    if (action === "duplicate") {
      const copy = randomUUID();
      await trx
        .insertInto("surveys")
        .values({
          ...row,
          id: copy,
          status: "draft",
          version: 1,
          createdAt: now,
          updatedAt: now,
          // A copy starts without the original's 区の対応.
          followUp: null,
          followUpAt: null,
          followUpFirstAt: null,
        })
        .execute();
      await audit(trx, actor, { action: "survey.duplicate", ward: row.wardCode, target: copy, details: { from: id } });
      return { id: copy };
    }
    if (action === "publish") {
      if (row.status !== "draft") throw new AppError("surveys.not_draft", { survey: id });
      checkPublishable(definitionOf(row));
      // Conditional, so that of publishes at once (on PostgreSQL each read "draft") one alone goes on.
      const published = await trx
        .updateTable("surveys")
        .set({ status: "open", updatedAt: now })
        .where("id", "=", id)
        .where("status", "=", "draft")
        .executeTakeFirst();
      if (Number(published.numUpdatedRows) !== 1) throw new AppError("surveys.not_draft", { survey: id });
      // Its ward's "new surveys" subscribers hear of it once, when it opens (now, or at its opensAt).
      await notifyTopicOnce(trx, surveyOpened({ ...row, title: definitionOf(row).title }, now), now);
    } else {
      if (row.status !== "open") throw new AppError("surveys.not_open", { survey: id });
      const closed = await trx
        .updateTable("surveys")
        .set({ status: "closed", closesAt: now, updatedAt: now })
        .where("id", "=", id)
        .where("status", "=", "open")
        .executeTakeFirst();
      if (Number(closed.numUpdatedRows) !== 1) throw new AppError("surveys.not_open", { survey: id });
      await cancelTopicNotice(trx, surveyNoticeKey(id));
    }
    await audit(trx, actor, { action: `survey.${action}`, ward: row.wardCode, target: id });
    return { id };
  },
);

export function publishSurvey(database: Database, user: StaffUser, id: string) {
  return database.write(transition, { id, action: "publish", user });
}
export function closeSurvey(database: Database, user: StaffUser, id: string) {
  return database.write(transition, { id, action: "close", user });
}
export function duplicateSurvey(database: Database, user: StaffUser, id: string) {
  return database.write(transition, { id, action: "duplicate", user });
}
