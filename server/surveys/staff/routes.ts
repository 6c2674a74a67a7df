/**
 * The survey builder, results, letters, paper entry, exports and comments under /api/staff/surveys.
 * Every route is behind the staff session, and every read or change is scoped to the staff member's
 * ward: another ward's survey answers 404, exactly as one that does not exist.
 */
import { z } from "zod/mini";
import { SendAnswer, StoredResponseId } from "../../../shared/surveys/answers";
import { QuestionId, Theme } from "../../../shared/surveys/model";
import { ResultsQuery } from "../../../shared/surveys/results";
import { PaperCorrection, PaperEntry, SurveyEdit, SurveyInput } from "../../../shared/surveys/staff/editor";
import { ResultsOptions } from "../../../shared/surveys/staff/results";
import { personalData, staffApp } from "../../accounts/middleware";
import { describeRoute } from "../../platform/http/openapi";
import { validate } from "../../platform/http/validate";
import { setCommentThemes, surveyComments } from "./comments";
import { closeSurvey, createDraft, duplicateSurvey, editSurvey, publishSurvey, staffSurvey } from "./editor";
import { exportFor, toCsv } from "./export";
import { generateLetters, letterBatches } from "./letters";
import { correctPaperEntry, enterPaper, myPaperEntries } from "./paper";
import { recordResultsRead } from "./reads";
import { StaffResults, StaffSurveyList, staffSurveyResults, staffSurveys } from "./results";

const IdParam = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });

export const surveyStaffRoutes = staffApp()
  .get(
    "/",
    describeRoute({
      summary: "The surveys staff may see: their ward's (a city administrator: every survey), drafts and closed ones too",
      tags: ["staff"],
      responses: { 200: { description: "Surveys with their response counts", schema: StaffSurveyList } },
    }),
    async (c) => c.json(await staffSurveys(c.var.deps.database, c.var.staff.user, c.var.deps.surveys.minCell), 200),
  )
  .get(
    "/:id/results",
    describeRoute({
      summary: "A survey's results for staff: counts, shares and, for sampled surveys, 95 % Wilson intervals; small cells hidden",
      tags: ["staff"],
      responses: { 200: { description: "Results", schema: StaffResults }, 404: { description: "No such survey in this ward" } },
    }),
    validate("param", IdParam),
    validate("query", ResultsOptions),
    async (c) => {
      const results = await staffSurveyResults(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, {
        breakdown: c.req.valid("query").by,
        minCell: c.var.deps.surveys.minCell,
        refreshHours: c.var.deps.surveys.refreshHours,
        weight: c.req.valid("query").weight,
      });
      await recordResultsRead(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, c.req.valid("query").by);
      return c.json(results, 200);
    },
  )
  .get(
    "/:id",
    describeRoute({
      summary: "A survey as the builder edits it, any status, with the locales its texts lack",
      tags: ["staff"],
      responses: { 200: { description: "The survey" }, 404: { description: "No such survey in this ward" } },
    }),
    validate("param", IdParam),
    async (c) => c.json(await staffSurvey(c.var.deps.database, c.var.staff.user, c.req.valid("param").id), 200),
  )
  .post(
    "/",
    describeRoute({
      summary: "Create a draft survey in the staff member's ward (city-wide: administrators)",
      tags: ["staff"],
      responses: { 201: { description: "The new draft's id", schema: z.object({ id: z.string() }) } },
    }),
    validate("json", SurveyInput),
    async (c) => c.json({ id: await createDraft(c.var.deps.database, c.var.staff.user, c.req.valid("json")) }, 201),
  )
  .put(
    "/:id",
    describeRoute({
      summary: "Save an edit made from `version`. An open survey takes wording only (`surveys.unsafe_edit` lists why not).",
      tags: ["staff"],
      responses: { 200: { description: "The new version", schema: z.object({ version: z.int() }) } },
    }),
    validate("param", IdParam),
    validate("json", SurveyEdit),
    async (c) =>
      c.json({ version: await editSurvey(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, c.req.valid("json")) }, 200),
  )
  .post(
    "/:id/publish",
    describeRoute({
      summary: "Publish a draft; its ward's subscribers to new surveys are told once, when it opens",
      tags: ["staff"],
      responses: { 200: { description: "Published" } },
    }),
    validate("param", IdParam),
    async (c) => {
      const published = await publishSurvey(c.var.deps.database, c.var.staff.user, c.req.valid("param").id);
      // Its "new surveys" notice was made with it: send it now if it opens now.
      c.var.deps.notices.sender?.kick();
      return c.json(published, 200);
    },
  )
  .post(
    "/:id/close",
    describeRoute({ summary: "Close an open survey now", tags: ["staff"], responses: { 200: { description: "Closed" } } }),
    validate("param", IdParam),
    async (c) => c.json(await closeSurvey(c.var.deps.database, c.var.staff.user, c.req.valid("param").id), 200),
  )
  .post(
    "/:id/duplicate",
    describeRoute({
      summary: "Copy a survey as a new draft (e.g. last year's 区民意識調査)",
      tags: ["staff"],
      responses: { 200: { description: "The copy's id" } },
    }),
    validate("param", IdParam),
    async (c) => c.json(await duplicateSurvey(c.var.deps.database, c.var.staff.user, c.req.valid("param").id), 200),
  )
  .post(
    "/:id/paper",
    describeRoute({
      summary: "Enter a mailed paper answer; its letter's code is used up, so the same letter cannot be entered twice",
      tags: ["staff"],
      responses: {
        201: { description: "Stored", schema: SendAnswer },
        200: { description: "This entry id was stored before (its receipt for its author)", schema: SendAnswer },
      },
    }),
    validate("param", IdParam),
    validate("json", PaperEntry),
    async (c) => {
      const { receipt, created } = await enterPaper(
        c.var.deps.database,
        c.var.deps.surveys,
        c.var.staff.user,
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      return created ? c.json(receipt, 201) : c.json(receipt, 200);
    },
  )
  .get(
    "/:id/paper",
    describeRoute({
      summary: "The paper entries this staff member made in a survey",
      tags: ["staff"],
      responses: { 200: { description: "Entries" } },
    }),
    validate("param", IdParam),
    async (c) => c.json({ entries: await myPaperEntries(c.var.deps.database, c.var.staff.user, c.req.valid("param").id) }, 200),
  )
  .put(
    "/:id/paper/:responseId",
    describeRoute({
      summary: "Correct one's own paper entry, until the survey closes",
      tags: ["staff"],
      responses: { 204: { description: "Corrected" } },
    }),
    validate("param", z.object({ id: IdParam.shape.id, responseId: StoredResponseId })),
    validate("json", PaperCorrection),
    async (c) => {
      const { id, responseId } = c.req.valid("param");
      await correctPaperEntry(c.var.deps.database, c.var.staff.user, id, responseId, c.req.valid("json"));
      return c.body(null, 204);
    },
  )
  .get(
    "/:id/export.csv",
    describeRoute({
      summary: "Results as CSV for Excel (UTF-8 with BOM, formula-safe cells, small cells hidden), then free-text answers",
      tags: ["staff"],
      responses: { 200: { description: "text/csv" } },
    }),
    validate("param", IdParam),
    validate("query", ResultsQuery),
    async (c) => {
      const { id } = c.req.valid("param");
      const options = {
        breakdown: c.req.valid("query").by,
        minCell: c.var.deps.surveys.minCell,
        refreshHours: c.var.deps.surveys.refreshHours,
        withComments: c.var.staff.permissions.includes("personal"),
      };
      const data = await exportFor(c.var.deps.database, c.var.staff.user, id, options, "csv");
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", `attachment; filename="survey-${id}.csv"`);
      return c.body(toCsv(data), 200);
    },
  )
  .get(
    "/:id/export.json",
    describeRoute({
      summary: "Results as JSON (the same data as the CSV)",
      tags: ["staff"],
      responses: { 200: { description: "Results" } },
    }),
    validate("param", IdParam),
    validate("query", ResultsQuery),
    async (c) => {
      const { id } = c.req.valid("param");
      const options = {
        breakdown: c.req.valid("query").by,
        minCell: c.var.deps.surveys.minCell,
        refreshHours: c.var.deps.surveys.refreshHours,
        withComments: c.var.staff.permissions.includes("personal"),
      };
      const data = await exportFor(c.var.deps.database, c.var.staff.user, id, options, "json");
      c.header("content-disposition", `attachment; filename="survey-${id}.json"`);
      return c.json({ results: data.results, comments: data.comments }, 200);
    },
  )
  .post(
    "/:id/letters",
    describeRoute({
      summary: "Make a batch of invitation codes for a sampled survey; answers them once, as CSV for mail-merge",
      description:
        "Refused with `letters.public_url_missing` unless the server has PUBLIC_URL: the links are built from it, never from the request.",
      tags: ["staff"],
      responses: { 201: { description: "text/csv: number, code, the link for the QR code" } },
    }),
    validate("param", IdParam),
    validate("json", z.object({ count: z.int().check(z.minimum(1), z.maximum(5000)) })),
    async (c) => {
      const { deps } = c.var;
      // A letter's link and QR code are printed on paper for weeks: built from PUBLIC_URL, never from the request's Host header.
      const { batchId, csv } = await generateLetters(
        deps.database,
        c.var.staff.user,
        c.req.valid("param").id,
        c.req.valid("json").count,
        deps.publicUrl,
        deps.surveys.letterBatchMin,
      );
      c.header("content-type", "text/csv; charset=utf-8");
      c.header("content-disposition", `attachment; filename="letters-${batchId}.csv"`);
      return c.body(csv, 201);
    },
  )
  .get(
    "/:id/letters",
    describeRoute({
      summary: "Batches of letters with their response rates",
      tags: ["staff"],
      responses: { 200: { description: "Batches" } },
    }),
    validate("param", IdParam),
    async (c) =>
      c.json(
        {
          batches: await letterBatches(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, c.var.deps.surveys.minCell),
          /** The fewest letters a new batch may have (LETTER_BATCH_MIN), and under how many answers a batch shows none. */
          minimum: c.var.deps.surveys.letterBatchMin,
          minCell: c.var.deps.surveys.minCell,
          refreshHours: c.var.deps.surveys.refreshHours,
          // The address letters lead to; null: letters cannot be made until PUBLIC_URL is set.
          publicUrl: c.var.deps.publicUrl ?? null,
        },
        200,
      ),
  )
  .get(
    "/:id/comments",
    describeRoute({
      summary: "Free-text answers: searchable (q), by theme, with compound-noun keyword counts; hidden under the minimum cell",
      tags: ["staff"],
      responses: { 200: { description: "Comments and keywords" } },
    }),
    personalData,
    validate("param", IdParam),
    validate("query", z.object({ q: z.optional(z.string().check(z.maxLength(100))), theme: z.optional(Theme) })),
    async (c) => {
      const { q, theme } = c.req.valid("query");
      return c.json(
        await surveyComments(c.var.deps.database, c.var.staff.user, c.req.valid("param").id, {
          q,
          theme,
          minCell: c.var.deps.surveys.minCell,
          refreshHours: c.var.deps.surveys.refreshHours,
        }),
        200,
      );
    },
  )
  .put(
    "/:id/comments/:responseId/:questionId/themes",
    describeRoute({ summary: "Tag a free-text answer with policy themes", tags: ["staff"], responses: { 204: { description: "Tagged" } } }),
    personalData,
    validate("param", z.object({ id: IdParam.shape.id, responseId: StoredResponseId, questionId: QuestionId })),
    validate("json", z.object({ themes: z.array(Theme).check(z.maxLength(8)) })),
    async (c) => {
      const { id, responseId, questionId } = c.req.valid("param");
      await setCommentThemes(c.var.deps.database, c.var.staff.user, id, responseId, questionId, c.req.valid("json").themes);
      return c.body(null, 204);
    },
  );
