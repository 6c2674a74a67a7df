/**
 * 区の対応 as staff write it: the text in six languages (Japanese required), and whether residents see
 * it now (publish) or it is kept unpublished (withdrawn, or not yet ready). A sampled survey's results
 * are made public (or private again) on their own request.
 */
import { z } from "zod/mini";
import { LocalizedText, Timestamp } from "../model";

export const FollowUpInput = z.object({ text: LocalizedText, publish: z.boolean() });
export type FollowUpInput = z.infer<typeof FollowUpInput>;

/** The survey's 区の対応 as the console edits it, published or not. */
export const StaffFollowUp = z.object({ text: LocalizedText, publishedAt: z.nullable(Timestamp) });
export type StaffFollowUp = z.infer<typeof StaffFollowUp>;

/** What saving answered: `firstPublication` is true only the first time residents were shown it. */
export const FollowUpSaved = z.object({ publishedAt: z.nullable(Timestamp), firstPublication: z.boolean() });
export type FollowUpSaved = z.infer<typeof FollowUpSaved>;

export const ResultsPublicInput = z.object({ public: z.boolean() });
export type ResultsPublicInput = z.infer<typeof ResultsPublicInput>;
