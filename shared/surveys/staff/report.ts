/**
 * 結果報告書 (the printable results report) as the console reads it: the method's figures, every
 * question's published table (the same disclosure-controlled results as the screens), the free-text
 * themes and keywords as counts, and 区の対応 where it has been written. Nothing in it is live.
 */
import { z } from "zod/mini";
import { LocalizedText, Theme, Timestamp } from "../model";
import { StaffResults } from "./results";

/** A count as published: null when disclosure control hides it (1 … K−1, or worked out by subtraction). */
const Shown = z.nullable(z.int());

export const ReportMethod = z.object({
  /** The ward's population (the city's for a city-wide survey), from the reference data. */
  population: z.nullable(z.int()),
  /** 標本数: the addressees chosen, one invitation code each (null: a poll has no sample). */
  sample: z.nullable(z.int()),
  /** 依頼状: letters made for the survey (null: a poll sends none). */
  letters: z.nullable(z.int()),
  /** The responses the published snapshot counts (null: nothing published yet). */
  responses: z.nullable(z.int()),
  /** Responses over the sample (sampled surveys only). */
  responseRate: z.nullable(z.number()),
  /** Responses online and on paper, as the breakdown by mode publishes them. */
  online: Shown,
  paper: Shown,
  /** Post-stratification by age band to the population table, when the ward has one. */
  weighting: z.enum(["age", "none"]),
});
export type ReportMethod = z.infer<typeof ReportMethod>;

export const ReportFreeText = z.object({
  /** Free-text answers published (each text question's "answered", as disclosure control shows it). */
  questions: z.array(
    z.object({
      id: z.string(),
      answered: Shown,
      /** Of those, left blank on paper (無回答), as disclosure control shows it; absent when none was. */
      noAnswer: z.optional(Shown),
    }),
  ),
  /** Policy themes staff tagged free-text answers with: how many answers each (null: under K). */
  themes: z.array(z.object({ theme: Theme, count: Shown })),
  /**
   * Compound nouns used in at least K published answers, most used first; null for staff without the
   * permission to read personal data (words come out of free text, whoever counts them).
   */
  keywords: z.nullable(z.array(z.object({ word: z.string(), count: z.int() }))),
});
export type ReportFreeText = z.infer<typeof ReportFreeText>;

export const SurveyReport = z.object({
  surveyId: z.string(),
  ward: z.nullable(z.string()),
  kind: z.enum(["poll", "sampled"]),
  opensAt: Timestamp,
  closesAt: Timestamp,
  /** When the results in it were published (the snapshot's time; null: nothing published yet). */
  publishedAt: z.nullable(z.string()),
  method: ReportMethod,
  results: StaffResults,
  freeText: ReportFreeText,
  /** 区の対応 as written (published to residents at `publishedAt`, or not yet). */
  followUp: z.nullable(z.object({ text: LocalizedText, publishedAt: z.nullable(Timestamp) })),
});
export type SurveyReport = z.infer<typeof SurveyReport>;
