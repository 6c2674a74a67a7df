/**
 * Paper entry: mailed paper answers typed in by staff, and their correction by the same staff member.
 * The letter's code is checked off in a write of its own, before the answers are stored in another, and
 * neither records a time or the other's row: nothing stored joins the used code to the answers. The
 * audit log names the survey, never the response.
 */
import type { StaffUser } from "../../../shared/accounts/schemas";
import { countsOf } from "../../../shared/surveys/aggregates";
import { checkAnswers, describeIssues, type RecordedAnswers, withNoAnswers } from "../../../shared/surveys/answers";
import { normalizeInvitationCode } from "../../../shared/surveys/invitation-code";
import type { PaperCorrection, PaperEntry } from "../../../shared/surveys/staff/editor";
import { type Actor, actorOf, mayActFor } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { SurveyRules } from "../../config";
import type { Database } from "../../platform/db/database";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";
import { defineCountingWrite } from "../counts";
import { type SubmitResult, submitResponse } from "../ingest";
import { responseKey } from "../keys";
import { authorMarkOf, sha256, submissionHashOf } from "../prepare";
import { definitionOf, profileOf } from "../read";
import { joinCounts } from "../tally";

/** Uses up a letter's code: its own write, which stores nothing but the flag. */
const checkOffCode = defineWrite("staff.checkOffCode", async (trx, { surveyId, codeHash }: { surveyId: string; codeHash: string }) => {
  const spent = await trx
    .updateTable("invitationCodes")
    .set({ used: 1 })
    .where("codeHash", "=", codeHash)
    .where("surveyId", "=", surveyId)
    .where("used", "=", 0)
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) === 1) return;
  const known = await trx
    .selectFrom("invitationCodes")
    .select("used")
    .where("codeHash", "=", codeHash)
    .where("surveyId", "=", surveyId)
    .executeTakeFirst();
  throw new AppError(known ? "invitations.used" : "invitations.invalid", { survey: surveyId });
});

/** Gives a code back when the answers it was checked off for could not be stored. */
const giveBackCode = defineWrite("staff.giveBackCode", async (trx, { surveyId, codeHash }: { surveyId: string; codeHash: string }) => {
  await trx.updateTable("invitationCodes").set({ used: 0 }).where("codeHash", "=", codeHash).where("surveyId", "=", surveyId).execute();
});

const paperAudit = defineWrite(
  "staff.paperAudit",
  async (trx, { actor, ward, surveyId }: { actor: Actor; ward: string | null; surveyId: string }) => {
    await audit(trx, actor, { action: "paper.enter", ward, target: surveyId });
  },
);

/** The 地域 ids of a survey's ward, when the answers name one (to check it is the ward's). */
async function areasFor(database: Pick<Database, "db">, wardCode: string | null, area: string | undefined) {
  if (!area) return undefined;
  const rows = await database.db
    .selectFrom("areas")
    .select("id")
    .where("wardCode", "=", wardCode ?? area.slice(0, 5))
    .execute();
  return rows.map((a) => a.id);
}

/**
 * A mailed paper answer, typed in by staff. It is stored like an online response (mode "paper"),
 * exactly once per entry id; an item left blank is recorded as 無回答 (a required one too). Answers
 * that do not fit are refused before anything is used up, each issue naming its question by number
 * and text. A sampled survey's letter's code is then used up, in a step of its own, so the same
 * letter cannot be entered twice. A repeat of an entry already stored uses up nothing.
 */
export async function enterPaper(
  database: Database,
  rules: SurveyRules,
  user: StaffUser,
  surveyId: string,
  entry: PaperEntry,
): Promise<SubmitResult> {
  const row = await database.db
    .selectFrom("surveys")
    .select(["id", "version", "definition", "wardCode", "kind", "status"])
    .where("id", "=", surveyId)
    .executeTakeFirst();
  if (!row || row.status === "draft" || !mayActFor(user, row.wardCode)) throw new AppError("surveys.not_found", { survey: surveyId });
  const definition = definitionOf(row);
  const answers = withNoAnswers(definition, entry.answers);
  const issues = checkAnswers(definition, answers, entry.profile, await areasFor(database, row.wardCode, entry.profile.area), {
    paper: true,
  });
  if (issues.length > 0) throw new AppError("responses.invalid", { issues: describeIssues(definition, issues) });
  const key = await responseKey(database);
  const repeat = await database.db
    .selectFrom("responses")
    .select("id")
    .where("submissionHash", "=", submissionHashOf(key, entry.id))
    .executeTakeFirst();
  let codeHash: string | null = null;
  if (row.kind === "sampled" && !repeat) {
    if (!entry.code) throw new AppError("invitations.required", { survey: surveyId });
    const code = normalizeInvitationCode(entry.code);
    if (!code) throw new AppError("invitations.invalid", { survey: surveyId });
    codeHash = sha256(code);
    await database.write(checkOffCode, { surveyId, codeHash });
  }
  let result: SubmitResult;
  try {
    result = await submitResponse(
      database,
      { ...rules, rateLimitPerMinute: 0 },
      {
        surveyId,
        response: { id: entry.id, answers, profile: entry.profile },
        clientAddress: "staff",
        mode: "paper",
        enteredBy: authorMarkOf(key, user.id),
        codeCheckedOff: row.kind === "sampled",
      },
    );
  } catch (error) {
    if (codeHash) await database.write(giveBackCode, { surveyId, codeHash });
    throw error;
  }
  if (result.created) await database.write(paperAudit, { actor: actorOf(user), ward: row.wardCode, surveyId });
  return result;
}

const correctPaper = defineCountingWrite(
  "staff.correctPaper",
  async (
    trx,
    {
      surveyId,
      responseId,
      correction,
      user,
      author,
    }: { surveyId: string; responseId: string; correction: PaperCorrection; user: StaffUser; author: string },
    tally,
  ) => {
    const survey = await trx.selectFrom("surveys").selectAll().where("id", "=", surveyId).executeTakeFirst();
    if (!survey || !mayActFor(user, survey.wardCode)) throw new AppError("surveys.not_found", { survey: surveyId });
    if (survey.status === "closed" || Date.now() >= Date.parse(survey.closesAt)) throw new AppError("surveys.closed", { survey: surveyId });
    const response = await trx
      .selectFrom("responses")
      .selectAll()
      .where("id", "=", responseId)
      .where("surveyId", "=", surveyId)
      .where("enteredBy", "=", author)
      .executeTakeFirst();
    if (!response) throw new AppError("paper.not_found", { response: responseId });
    const definition = definitionOf(survey);
    const answers = withNoAnswers(definition, correction.answers);
    const issues = checkAnswers(
      definition,
      answers,
      correction.profile,
      await areasFor({ db: trx }, survey.wardCode, correction.profile.area),
      {
        paper: true,
      },
    );
    if (issues.length > 0) throw new AppError("responses.invalid", { issues: describeIssues(definition, issues) });
    // The old answers' counts come off, the new ones' go on.
    tally.addResponse(
      surveyId,
      joinCounts(countsOf(definition, JSON.parse(response.answers) as RecordedAnswers, profileOf(response), "paper")),
      -1,
    );
    tally.addResponse(surveyId, joinCounts(countsOf(definition, answers, correction.profile, "paper")));
    await trx
      .updateTable("responses")
      .set({
        answers: JSON.stringify(answers),
        ageBand: correction.profile.ageBand ?? null,
        areaId: correction.profile.area ?? null,
        childrenUnder6: correction.profile.childrenUnder6 ?? null,
        yearsInWard: correction.profile.yearsInWard ?? null,
      })
      .where("id", "=", responseId)
      .execute();
    await audit(trx, actorOf(user), { action: "paper.correct", ward: survey.wardCode, target: surveyId });
  },
);

/** Corrects a paper entry (by the server's id): only its author, and only until the survey closes. */
export async function correctPaperEntry(
  database: Database,
  user: StaffUser,
  surveyId: string,
  responseId: string,
  correction: PaperCorrection,
) {
  const author = authorMarkOf(await responseKey(database), user.id);
  return database.write(correctPaper, { surveyId, responseId, correction, user, author });
}

/** The paper entries this staff member typed into a survey, newest day first (for correcting them): no code, no time. */
export async function myPaperEntries(database: Database, user: StaffUser, surveyId: string) {
  const survey = await database.db.selectFrom("surveys").select("wardCode").where("id", "=", surveyId).executeTakeFirst();
  if (!survey || !mayActFor(user, survey.wardCode)) throw new AppError("surveys.not_found", { survey: surveyId });
  const rows = await database.db
    .selectFrom("responses")
    .select(["id", "receivedAt", "receiptCode", "answers", "ageBand", "areaId", "childrenUnder6", "yearsInWard"])
    .where("surveyId", "=", surveyId)
    .where("enteredBy", "=", authorMarkOf(await responseKey(database), user.id))
    .orderBy("receivedAt", "desc")
    .orderBy("receiptCode")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    receivedAt: row.receivedAt,
    receiptCode: row.receiptCode,
    answers: JSON.parse(row.answers) as RecordedAnswers,
    profile: profileOf(row),
  }));
}
