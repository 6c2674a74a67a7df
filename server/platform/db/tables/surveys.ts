/** The tables of surveys: definitions, responses, invitation codes, poll devices, running counts and comment themes. */
import type { Generated } from "kysely";

/**
 * アンケート. `definition` is the SurveyDefinition as JSON; `resultsPublic` is 0 or 1. 区の対応: `followUp` is
 * a LocalizedText as JSON, shown to residents once `followUpAt` (its publication) is set.
 */
export interface SurveyTable {
  id: string;
  wardCode: string | null;
  kind: "poll" | "sampled";
  status: "draft" | "open" | "closed";
  opensAt: string;
  closesAt: string;
  resultsPublic: number;
  version: number;
  definition: string;
  createdAt: string;
  updatedAt: string;
  followUp: string | null;
  followUpAt: string | null;
  /** The first publication, kept when withdrawn: a notice goes out once. */
  followUpFirstAt: string | null;
}

/**
 * 回答: one per respondent, with the optional profile used for breakdowns. Its id is the server's own
 * (random); the device's id and the secret kept with its draft survive only as keyed hashes; of its
 * time only the day (Japan time, YYYY-MM-DD) is kept.
 */
export interface ResponseTable {
  id: string;
  surveyId: string;
  /** HMAC of the id the device sent: a repeat finds its response by it (unique). */
  submissionHash: string;
  /** HMAC of the secret kept with the draft: a repeat that shows it gets the receipt again. */
  proofHash: string | null;
  receiptCode: string;
  mode: "online" | "paper";
  /** The day received, YYYY-MM-DD in Japan. */
  receivedAt: string;
  ageBand: string | null;
  areaId: string | null;
  childrenUnder6: string | null;
  yearsInWard: string | null;
  /** The answers, as JSON: question id → Answer (shared/surveys/answers.ts). Counts live in survey_aggregates. */
  answers: string;
  /** Who typed in a paper answer (only they may correct it), as a keyed hash of their id; null for online responses. */
  enteredBy: Generated<string | null>;
  /** 1 once a results snapshot took it in: only then is its free text shown (0 or 1). */
  published: Generated<number>;
}

/**
 * 招待コード: stored only as a hash, with its batch and whether (not when, nor by whom) it was used:
 * `used` is 0 or 1. Keyed by the hash (WITHOUT ROWID on SQLite) and inserted shuffled, so the order
 * of the rows says nothing either.
 */
export interface InvitationCodeTable {
  codeHash: string;
  surveyId: string;
  batchId: string | null;
  used: number;
}

/**
 * 督促状: one per batch of letters, for the codes not yet used when it was made. Only counts: its letters
 * and the batch's codes used before it (so its own response rate can be read), and the day; never which codes.
 */
export interface ReminderBatchTable {
  id: string;
  surveyId: string;
  batchId: string;
  letters: number;
  usedBefore: number;
  /** The day it was made, in Japan (YYYY-MM-DD). */
  madeOn: string;
}

/**
 * Marks that a device answered a poll: a keyed hash of survey and device id, never linked to the
 * response; keyed by it (WITHOUT ROWID on SQLite), so the rows come in no order of arrival.
 */
export interface PollDeviceTable {
  surveyId: string;
  deviceHash: string;
}

/** Running counts per survey, question, option and segment ("all", "age:30s", "mode:paper" …). */
export interface SurveyAggregateTable {
  surveyId: string;
  questionId: string;
  optionKey: string;
  segment: string;
  count: number;
}

/**
 * A survey's published results: its running counts as they were when the snapshot was made
 * (`counts`: JSON [segment, questionId, optionKey, count][]), and the responses they count. One per
 * survey, replaced by the next (surveys/snapshots.ts).
 */
export interface ResultSnapshotTable {
  surveyId: string;
  /** Random, new with each snapshot: what derived caches are keyed by. */
  id: string;
  madeAt: string;
  responses: number;
  counts: string;
}

/** A policy theme staff gave a free-text answer. */
export interface CommentThemeTable {
  responseId: string;
  questionId: string;
  theme: string;
}

/** A word a ward leaves out of its free-text keywords (beside the built-in stop words). */
export interface KeywordStopWordTable {
  wardCode: string;
  word: string;
  createdAt: string;
}
