/** The tables of surveys: definitions, responses, invitation codes, poll devices, running counts and comment themes. */
import type { Generated } from "kysely";

/** アンケート. `definition` is the SurveyDefinition as JSON; `resultsPublic` is 0 or 1. */
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
}

/** 回答: one per respondent, with the optional profile used for breakdowns. */
export interface ResponseTable {
  id: string;
  surveyId: string;
  receiptCode: string;
  mode: "online" | "paper";
  receivedAt: string;
  ageBand: string | null;
  areaId: string | null;
  childrenUnder6: string | null;
  yearsInWard: string | null;
  /** The answers, as JSON: question id → Answer (shared/surveys/answers.ts). Counts live in survey_aggregates. */
  answers: string;
  /** The staff member who typed in a paper answer (only they may correct it); null for online responses. */
  enteredBy: Generated<string | null>;
}

/** 招待コード: stored only as a hash, with whether (not by whom) it was used. */
export interface InvitationCodeTable {
  codeHash: string;
  surveyId: string;
  batchId: string | null;
  usedAt: string | null;
}

/** Marks that a device answered a poll: a hash of survey and device id, never linked to the response. */
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

/** A policy theme staff gave a free-text answer. */
export interface CommentThemeTable {
  responseId: string;
  questionId: string;
  theme: string;
}
