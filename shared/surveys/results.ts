/** Survey results as the API gives them: counts per option and segment, hidden (null) under the minimum cell size. */
import { z } from "zod/mini";
import { breakdowns } from "./aggregates";

export const SurveyResults = z.object({
  surveyId: z.string(),
  /** Counts under this are null: show them as "<minCell". */
  minCell: z.int(),
  breakdown: z.nullable(z.enum(breakdowns)),
  /** When these counts were published (the snapshot's time); null while nothing is published yet. */
  publishedAt: z.nullable(z.string()),
  segments: z.array(
    z.object({
      segment: z.string(),
      responses: z.nullable(z.int()),
      questions: z.array(
        z.object({
          id: z.string(),
          answered: z.nullable(z.int()),
          options: z.array(z.object({ key: z.string(), count: z.nullable(z.int()) })),
        }),
      ),
    }),
  ),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

export const ResultsQuery = z.object({ by: z.optional(z.enum(breakdowns)) });
