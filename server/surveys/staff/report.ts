/**
 * 結果報告書: everything the printable report shows, read only from what is published. The tables
 * are the screens' own (staffSurveyResults: the survey's latest snapshot through disclosure control),
 * the method's online and paper figures are the published breakdown by mode, and free text is
 * summarised as counts (report-free-text.ts). So the report hides exactly what the screens hide.
 */
import type { StaffUser } from "../../../shared/accounts/schemas";
import { ageBands } from "../../../shared/surveys/model";
import type { ReportMethod, SurveyReport } from "../../../shared/surveys/staff/report";
import type { StaffResults } from "../../../shared/surveys/staff/results";
import { actorOf, mayActFor } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import { populationOf } from "../../planning/staff/population";
import type { Database } from "../../platform/db/database";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";
import { followUpTextOf } from "../read";
import { surveyResults } from "../results";
import type { Publication } from "../snapshots";
import { reportFreeText } from "./report-free-text";
import { staffSurveyResults } from "./results";

/** The report of one survey, for staff of its ward (a city-wide survey's, or any ward's: a city administrator). */
export async function surveyReport(
  database: Database,
  user: StaffUser,
  surveyId: string,
  options: Publication & { withKeywords: boolean },
): Promise<SurveyReport> {
  const { withKeywords, ...publication } = options;
  const row = await database.db.selectFrom("surveys").selectAll().where("id", "=", surveyId).executeTakeFirst();
  if (!row || !mayActFor(user, row.wardCode)) throw new AppError("surveys.not_found", { survey: surveyId });
  const ageTable = await populationOf(database, row.wardCode);
  const weighting = ageBands.some((band) => ageTable[band] > 0) ? "age" : "none";
  const results = await staffSurveyResults(database, user, surveyId, {
    ...publication,
    weight: weighting === "age" ? "age" : undefined,
  });
  const byMode = await surveyResults(database, surveyId, { ...publication, breakdown: "mode", publicOnly: false, includeDrafts: true });
  const method = await methodOf(database, row, results, byMode.segments, weighting);
  const followUp = followUpTextOf(row);
  await database.write(recordReportView, { user, surveyId, ward: row.wardCode });
  return {
    surveyId,
    ward: row.wardCode,
    kind: row.kind,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    publishedAt: results.publishedAt,
    method,
    results,
    freeText: await reportFreeText(database, row, results, { minCell: publication.minCell, withKeywords }),
    followUp: followUp ? { text: followUp, publishedAt: row.followUpAt } : null,
  };
}

async function methodOf(
  database: Database,
  survey: { id: string; wardCode: string | null; kind: "poll" | "sampled" },
  results: StaffResults,
  modes: { segment: string; responses: number | null }[],
  weighting: ReportMethod["weighting"],
): Promise<ReportMethod> {
  let wards = database.db.selectFrom("wards").select((eb) => eb.fn.sum<number>("population").as("population"));
  if (survey.wardCode) wards = wards.where("code", "=", survey.wardCode);
  const population = (await wards.executeTakeFirst())?.population;
  const sampled = survey.kind === "sampled";
  const letters = sampled
    ? Number(
        (
          await database.db
            .selectFrom("invitationCodes")
            .select((eb) => eb.fn.countAll<number>().as("letters"))
            .where("surveyId", "=", survey.id)
            .executeTakeFirst()
        )?.letters ?? 0,
      )
    : null;
  // The responses the published tables count: the snapshot's total, as the screens show it.
  const responses = results.segments.find((s) => s.segment === "all")?.responses ?? null;
  // A mode nobody used has no segment: 0 is known, not hidden.
  const mode = (name: string) => {
    const segment = modes.find((s) => s.segment === `mode:${name}`);
    return segment ? segment.responses : results.publishedAt === null ? null : 0;
  };
  return {
    population: population === undefined || population === null ? null : Number(population),
    sample: letters,
    letters,
    responses,
    responseRate: letters && responses !== null ? responses / letters : null,
    online: mode("online"),
    paper: mode("paper"),
    weighting,
  };
}

const recordReportView = defineWrite(
  "staff.reportViewed",
  async (trx, { user, surveyId, ward }: { user: StaffUser; surveyId: string; ward: string | null }) => {
    await audit(trx, actorOf(user), { action: "results.report", ward, target: surveyId, details: {} });
  },
);
