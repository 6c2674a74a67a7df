/** What the staff console reads of surveys: the list with response counts, and results with intervals. */
import { z } from "zod/mini";
import { WardCode } from "../../wards/schemas";
import { SurveySummary } from "../model";
import { SurveyResults } from "../results";

export const StaffSurveyList = z.object({
  /** K (RESULTS_MIN_CELL): under it, "received" is null. */
  minCell: z.int(),
  surveys: z.array(
    z.object({
      ...SurveySummary.shape,
      /** The responses the published results count (null: nothing published yet). */
      responses: z.nullable(z.int()),
      publishedAt: z.nullable(z.string()),
      /** About how many are received so far: rounded to tens, null under RESULTS_MIN_CELL. */
      received: z.nullable(z.int()),
    }),
  ),
});
export type StaffSurveyList = z.infer<typeof StaffSurveyList>;

const Interval = z.nullable(z.tuple([z.number(), z.number()]));

/** A shown count with its share of the respondents, its interval and, when asked for, its weighted share; null where hidden. */
export const ShareCell = z.object({
  key: z.string(),
  count: z.nullable(z.int()),
  share: z.nullable(z.number()),
  interval: Interval,
  /** Weighted to the ward's population by age band (when asked for), with its interval for a sampled survey. */
  weighted: z.optional(z.nullable(z.object({ share: z.number(), interval: Interval }))),
  /** Why there is no weighted share: a band it would use has hidden counts, or no band has a population. */
  weightedUnavailable: z.optional(z.enum(["hidden_cells", "no_population"])),
});

/** Results as staff see them: each shown count with its share of the question's respondents and, for a sampled survey, its 95 % Wilson interval. */
export const StaffResults = z.object({
  ...SurveyResults.shape,
  kind: z.enum(["poll", "sampled"]),
  segments: z.array(
    z.object({
      segment: z.string(),
      responses: z.nullable(z.int()),
      questions: z.array(
        z.object({
          id: z.string(),
          answered: z.nullable(z.int()),
          options: z.array(ShareCell),
        }),
      ),
    }),
  ),
});
export type StaffResults = z.infer<typeof StaffResults>;

export const ResultsOptions = z.object({
  by: z.optional(z.enum(["ageBand", "area", "childrenUnder6", "yearsInWard", "mode"])),
  /** "age": also weight each share to the ward's population by age band. */
  weight: z.optional(z.enum(["age"])),
});

export const PopulationTable = z.object({
  ward: WardCode,
  bands: z.record(z.enum(["10s", "20s", "30s", "40s", "50s", "60s", "70s", "80plus"]), z.int().check(z.minimum(0), z.maximum(10_000_000))),
});
