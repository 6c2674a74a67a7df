/** What the survey builder sends: a survey's place, kind, period and definition. */
import { z } from "zod/mini";
import { WardCode } from "../../wards/schemas";
import { PaperAnswer, ResponseId } from "../answers";
import { Profile, QuestionId, SurveyDefinition, surveyKinds, Timestamp } from "../model";

export const SurveyInput = z.object({
  /** null: a city-wide survey (city administrators only). */
  ward: z.nullable(WardCode),
  kind: z.enum(surveyKinds),
  resultsPublic: z.boolean(),
  opensAt: Timestamp,
  closesAt: Timestamp,
  definition: SurveyDefinition,
});
export type SurveyInput = z.infer<typeof SurveyInput>;

/** An edit names the version it was made from: a concurrent edit by someone else is refused, not overwritten. */
export const SurveyEdit = z.object({ ...SurveyInput.shape, version: z.int() });
export type SurveyEdit = z.infer<typeof SurveyEdit>;

/**
 * A mailed paper answer, typed in by staff: the letter's code (sampled surveys) and what the form says.
 * An item left out (or sent as `{ noAnswer: true }`) is recorded as 無回答, a required one too.
 */
export const PaperEntry = z.object({
  /** Made by the console with the entry, so a double click or a retry stores it once. */
  id: ResponseId,
  code: z.optional(z.string().check(z.maxLength(40))),
  answers: z.record(QuestionId, PaperAnswer),
  profile: Profile,
});
export type PaperEntry = z.infer<typeof PaperEntry>;

export const PaperCorrection = z.object({ answers: z.record(QuestionId, PaperAnswer), profile: Profile });
export type PaperCorrection = z.infer<typeof PaperCorrection>;
