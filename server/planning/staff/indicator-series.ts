/**
 * Reading yearly targets (see shared/planning/indicators.ts). A year's value from a survey is worked
 * out from its published counts when read, with the same hiding as the results: if any option in the
 * indicator is a hidden cell, the value is hidden too, so a sum can never reveal what the results
 * table hides. A year from a self-selected poll is flagged and stays out of the trend, the baseline,
 * the status and the city's average until staff confirm it. Ward staff see their ward's series; city
 * administrators also see the city (全区平均) and every ward.
 */
import type { StaffUser } from "../../../shared/accounts/schemas";
import type { Indicator, IndicatorPoint, IndicatorSeries } from "../../../shared/planning/indicators";
import { countOf, themeCount } from "../../../shared/planning/matching";
import { averageOfShares } from "../../../shared/stats/average";
import { wilsonInterval } from "../../../shared/stats/wilson";
import { inWardOrder } from "../../../shared/wards/order";
import { mayActFor } from "../../accounts/access";
import type { Database } from "../../platform/db/database";
import type { IndicatorTable, IndicatorYearTable } from "../../platform/db/schema";
import { definitionOf } from "../../surveys/read";
import { surveyResults } from "../../surveys/results";
import type { Publication } from "../../surveys/snapshots";

/** May this user see the indicator at all? A city-wide one: everyone; a ward's: its staff and administrators. */
export const visible = (user: StaffUser, row: Pick<IndicatorTable, "wardCode">) => row.wardCode === null || mayActFor(user, row.wardCode);

interface Measured {
  share: number | null;
  n: number | null;
  interval: [number, number] | null;
  selfSelected: boolean;
}

const nothing = (selfSelected: boolean): Measured => ({ share: null, n: null, interval: null, selfSelected });

type SurveyRow = { id: string; version: number; definition: string; kind: string };
/** Reads a survey's row once per listing, however many years and the wording name it. */
type SurveyReader = (surveyId: string) => Promise<SurveyRow | undefined>;

function surveyReader(database: Database): SurveyReader {
  const read = new Map<string, Promise<SurveyRow | undefined>>();
  return (surveyId) => {
    let row = read.get(surveyId);
    if (!row) {
      row = database.db.selectFrom("surveys").select(["id", "version", "definition", "kind"]).where("id", "=", surveyId).executeTakeFirst();
      read.set(surveyId, row);
    }
    return row;
  };
}

async function fromSurvey(
  database: Database,
  survey: SurveyReader,
  surveyId: string,
  indicator: IndicatorTable,
  publication: Publication,
): Promise<Measured> {
  const row = await survey(surveyId);
  if (!row) return nothing(false);
  const selfSelected = row.kind === "poll";
  const optionIds = JSON.parse(indicator.optionIds) as string[];
  const definition = definitionOf(row);
  const question = definition.questions.find((q) => q.id === indicator.questionId);
  if (!question || (question.type !== "single" && question.type !== "multiple")) return nothing(selfSelected);
  const results = await surveyResults(database, surveyId, { ...publication, publicOnly: false, includeDrafts: true });
  const counted = results.segments[0]?.questions.find((q) => q.id === question.id);
  if (!counted) return nothing(selfSelected);
  const k = themeCount(
    question.type,
    optionIds.map((id) => countOf(counted.options, id)),
  );
  const n = counted.answered;
  if (k === null || n === null || n === 0) return { ...nothing(selfSelected), n };
  // A poll's respondents chose themselves: no sampling interval describes them.
  return { share: k / n, n, interval: selfSelected ? null : wilsonInterval(k, n), selfSelected };
}

async function wordingOf(survey: SurveyReader, surveyId: string, indicator: IndicatorTable): Promise<Indicator["wording"]> {
  const row = await survey(surveyId);
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
  return { share, n, interval: wilsonInterval(Math.round(share * n), n), selfSelected: false };
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

function seriesOf(ward: string | null, indicator: IndicatorTable, points: IndicatorPoint[]): IndicatorSeries {
  const baseline = points.find((p) => p.year === indicator.baselineYear && p.inTrend)?.share ?? null;
  return {
    ward,
    baseline,
    target: baseline === null ? null : clamp(baseline + indicator.targetPoints / 100),
    points: points.sort((a, b) => a.year - b.year),
  };
}

async function pointOf(
  database: Database,
  survey: SurveyReader,
  year: IndicatorYearTable,
  indicator: IndicatorTable,
  publication: Publication,
) {
  const measured = year.surveyId ? await fromSurvey(database, survey, year.surveyId, indicator, publication) : recorded(year);
  const point: IndicatorPoint = {
    year: year.year,
    ...measured,
    source: year.surveyId ? "survey" : "recorded",
    surveyId: year.surveyId,
    inTrend: !measured.selfSelected || year.pollConfirmedAt !== null,
  };
  return point;
}

export async function listIndicators(database: Database, user: StaffUser, publication: Publication): Promise<Indicator[]> {
  await database.settleCounts();
  const rows = (await database.db.selectFrom("indicators").selectAll().orderBy("createdAt").execute()).filter((row) => visible(user, row));
  const indicators: Indicator[] = [];
  const survey = surveyReader(database);
  for (const row of rows) {
    let query = database.db.selectFrom("indicatorYears").selectAll().where("indicatorId", "=", row.id);
    if (user.role !== "city_admin") query = query.where("wardCode", "=", user.ward as string);
    const years = await query.orderBy("wardCode").orderBy("year").execute();
    const byWard = new Map<string, IndicatorPoint[]>();
    for (const year of years) {
      byWard.set(year.wardCode, [...(byWard.get(year.wardCode) ?? []), await pointOf(database, survey, year, row, publication)]);
    }
    const newest = years.filter((y) => y.surveyId !== null).sort((a, b) => b.year - a.year)[0];
    const wording = newest?.surveyId ? await wordingOf(survey, newest.surveyId, row) : null;
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

/** The city's series: each year, the average of the wards whose value for that year is shown and in the trend. */
function citySeries(indicator: IndicatorTable, wards: IndicatorSeries[]): IndicatorSeries {
  const years = [...new Set(wards.flatMap((w) => w.points.map((p) => p.year)))];
  const points = years.flatMap((year): IndicatorPoint[] => {
    const values = wards.flatMap((w) =>
      w.points
        .filter((p) => p.year === year && p.share !== null && p.n !== null && p.inTrend)
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
        selfSelected: false,
        inTrend: true,
      },
    ];
  });
  return seriesOf(null, indicator, points);
}
