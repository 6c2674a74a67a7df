/** What the app keeps in IndexedDB, as zod schemas: every record is re-parsed with these when loaded. */
import { z } from "zod/mini";
import { Answer, ResponseId, ResponseInput, SendAnswer } from "../../../shared/surveys/answers";
import { LocalizedText, Profile, Survey } from "../../../shared/surveys/model";
import { Area, WardCode } from "../../../shared/wards/schemas";
import { queuedStates } from "../sync/engine";

export const Draft = z.object({
  /** The response id (UUIDv7), made when the draft is made and kept through every retry. */
  id: ResponseId,
  surveyId: z.string(),
  /** The survey as it was when answering began, so resuming works offline. */
  survey: Survey,
  answers: z.record(z.string(), Answer),
  profile: Profile,
  invitationCode: z.optional(z.string()),
  /** Which screen the resident was on ("code", "q:q3", "profile", "review"): resuming returns there. */
  screen: z.string(),
  updatedAt: z.number(),
  /** The ward's 地域 for the profile question, when the draft was made from a survey saved on the device. */
  areas: z.optional(z.array(Area)),
});
export type Draft = z.infer<typeof Draft>;

/**
 * A survey of the list kept on the device (saved when the list loads online), with everything its
 * screens need, so that it opens and can be answered without a signal: the survey (definition,
 * estimated minutes, closing time) and its ward's 地域 when it asks for one.
 */
export const SavedSurvey = z.object({
  id: z.string(),
  survey: Survey,
  areas: z.array(Area),
  savedAt: z.number(),
});
export type SavedSurvey = z.infer<typeof SavedSurvey>;

/** A survey the resident has opened on this device: those never opened are marked 新着 in the list. */
export const OpenedSurvey = z.object({ id: z.string(), openedAt: z.number() });
export type OpenedSurvey = z.infer<typeof OpenedSurvey>;

/** Every outbox item is in one of these (sync/engine.ts): 送信待ち, 送信済み, 確認が必要. */
export const outboxStates = queuedStates;
export type OutboxState = (typeof outboxStates)[number];

export const OutboxItem = z.object({
  id: ResponseId,
  surveyId: z.string(),
  surveyTitle: LocalizedText,
  payload: ResponseInput,
  state: z.enum(outboxStates),
  queuedAt: z.number(),
  attempts: z.int(),
  /** The receipt, or only "already received" when a repeat was all the server got (items queued before the secret existed). */
  receipt: z.optional(SendAnswer),
  /** Why the server refused it (an error code of the catalog), with the answer issues if any. */
  errorCode: z.optional(z.string()),
  issues: z.optional(z.array(z.object({ question: z.string(), code: z.string() }))),
  resultsPublic: z.boolean(),
  /** The survey's ward (null: city-wide), for whom to call when the server refuses a used code. */
  ward: z.optional(z.nullable(WardCode)),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

/**
 * Turning push notices off while offline: the server's record of this browser's subscription is
 * removed once a connection returns. Its id is the endpoint; it leaves the device once answered.
 */
export const PushRemovalItem = z.object({
  id: z.string(),
  payload: z.object({ endpoint: z.string(), auth: z.string() }),
  state: z.enum(outboxStates),
  queuedAt: z.number(),
  attempts: z.int(),
});
export type PushRemovalItem = z.infer<typeof PushRemovalItem>;

/** A child in the 子育てタイムライン: a nickname and a due or birth date, kept only on this device. */
export const ChildRecord = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  nickname: z.string().check(z.trim(), z.minLength(1), z.maxLength(20)),
  kind: z.enum(["due", "born"]),
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  multiple: z.optional(z.boolean()),
  addedAt: z.number(),
});
export type ChildRecord = z.infer<typeof ChildRecord>;

/** A timeline item ticked off for a child. */
export const DoneRecord = z.object({ key: z.string(), child: z.string(), item: z.string(), at: z.number() });
export type DoneRecord = z.infer<typeof DoneRecord>;

/** A notice the service worker received (and showed), kept for the in-app inbox. */
export const InboxRecord = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  title: z.string().check(z.maxLength(200)),
  body: z.string().check(z.maxLength(1000)),
  url: z.string().check(z.regex(/^\//)),
  receivedAt: z.number(),
  read: z.boolean(),
});
export type InboxRecord = z.infer<typeof InboxRecord>;
