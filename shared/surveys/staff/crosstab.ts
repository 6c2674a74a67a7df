/**
 * Cross-tabs as the console reads them (issue 16): one choice question's answers by another choice
 * question's, or by a profile field (age band, 地域, children, years in the ward) or the mode. Rows are
 * the groups, columns the question's keys; each count with its row share and, for a sampled survey,
 * its 95 % Wilson interval; null where disclosure control hides it; and, when asked for, the share
 * weighted by age band.
 */
import { z } from "zod/mini";
import { breakdowns } from "../aggregates";
import { ShareCell } from "./results";

/** A cross-tab's "by": a profile breakdown, or `q:` and a choice question's id. */
export const CrosstabBy = z.union([z.enum(breakdowns), z.string().check(z.regex(/^q:[a-z][a-z0-9_]{0,31}$/, "q: and a question id"))]);

export const CrosstabQuery = z.object({
  question: z.string().check(z.regex(/^[a-z][a-z0-9_]{0,31}$/, "a question id")),
  by: CrosstabBy,
  /** "age": also each share weighted to the ward's population by age band (not by age band itself). */
  weight: z.optional(z.enum(["age"])),
});
export type CrosstabQuery = z.infer<typeof CrosstabQuery>;

export const CrosstabRow = z.object({
  /** A profile segment ("age:30s"), or the by-question's option key. */
  group: z.string(),
  /** The row of everyone: all respondents (by a profile field), or all who answered the by-question. */
  total: z.boolean(),
  /** The row's respondents who answered the question: the row shares' denominator. */
  answered: z.nullable(z.int()),
  cells: z.array(ShareCell),
});
export type CrosstabRow = z.infer<typeof CrosstabRow>;

export const Crosstab = z.object({
  surveyId: z.string(),
  kind: z.enum(["poll", "sampled"]),
  minCell: z.int(),
  publishedAt: z.nullable(z.string()),
  question: z.string(),
  by: z.string(),
  /** The question's keys, in column order (with `_noAnswer` when the counts hold it). */
  keys: z.array(z.string()),
  rows: z.array(CrosstabRow),
});
export type Crosstab = z.infer<typeof Crosstab>;
