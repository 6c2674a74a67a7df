import type { Generated } from "kysely";

/**
 * Kysely's view of the tables. Columns are snake_case in the database and camelCase here
 * (CamelCasePlugin maps them), so queries read like the rest of the code on both dialects.
 */
/** 区 */
export interface WardTable {
  code: string;
  name: string;
  reading: string;
  nameEn: string;
  nameZh: string;
  nameKo: string;
  nameVi: string;
  population: number;
  births: number;
}

/** 地域 (地域活動協議会 area) */
export interface AreaTable {
  id: string;
  wardCode: string;
  name: string;
  reading: string;
  nameEn: string;
  population: number;
  sortOrder: number;
}

/** Rows the health check writes to prove that a durable write succeeds; pruned after an hour. */
export interface WriteProbeTable {
  id: string;
  checkedAt: string;
}

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

export interface RateLimitTable {
  key: string;
  windowStart: string;
  count: number;
}

/** Whether a table of derived counts is exact (see migrations/0004_count_state.ts). */
export interface CountStateTable {
  name: string;
  clean: number;
}

/** 職員: a ward's staff member (ward_code set) or a city administrator (ward_code null). */
export interface StaffUserTable {
  id: string;
  login: string;
  displayName: string;
  role: "ward_staff" | "city_admin";
  wardCode: string | null;
  /** scrypt, with its parameters: see staff/passwords.ts. */
  passwordHash: string;
  failedLogins: number;
  lockedUntil: string | null;
  disabled: number;
  createdAt: string;
}

/** A staff session: the cookie carries a random token, stored here only as its SHA-256. */
export interface StaffSessionTable {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** What staff did, and when: published, closed, exported, entered paper answers, ended sessions. */
export interface AuditLogTable {
  id: string;
  at: string;
  userId: string | null;
  login: string;
  wardCode: string | null;
  action: string;
  target: string | null;
  /** JSON */
  details: string;
}

/** A ward's population in one age band: the weights of post-stratified results. */
export interface WardPopulationTable {
  wardCode: string;
  ageBand: string;
  population: number;
}

/** A policy theme staff gave a free-text answer. */
export interface CommentThemeTable {
  responseId: string;
  questionId: string;
  theme: string;
}

/** 施策: a ward's policy, tagged with the themes it addresses. */
export interface PolicyTable {
  id: string;
  wardCode: string;
  title: string;
  /** Where in the plan it comes from, e.g. "3(1)". */
  chapter: string;
  /** JSON: Theme[] */
  themes: string;
  createdAt: string;
  updatedAt: string;
}

/** 目標・指標: the share choosing some options of a question, tracked year by year against a target. */
export interface IndicatorTable {
  id: string;
  /** null: a city-wide indicator that every ward tracks */
  wardCode: string | null;
  name: string;
  questionId: string;
  /** JSON: option ids */
  optionIds: string;
  baselineYear: number;
  targetYear: number;
  /** The target as a change from the baseline, in percentage points (+10). */
  targetPoints: number;
  createdAt: string;
}

/** One year's value of an indicator in one ward: from a survey in the app, or recorded (share and n). */
export interface IndicatorYearTable {
  indicatorId: string;
  wardCode: string;
  year: number;
  surveyId: string | null;
  recordedShare: number | null;
  recordedN: number | null;
}

/** A row of local data (place, association, council or meeting): its fields as JSON, and when it changed or went. */
export interface LocalRowTable {
  id: string;
  wardCode: string;
  /** JSON: the item's input (shared/local/schemas.ts) */
  data: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** 町会への加入申込: personal fields are null once purged after the retention period. */
export interface JoinRequestTable {
  id: string;
  associationId: string;
  wardCode: string;
  name: string | null;
  contact: string | null;
  address: string | null;
  message: string | null;
  status: "new" | "contacted" | "done";
  receivedAt: string;
  statusChangedAt: string;
  purgedAt: string | null;
}

export interface ServerSettingTable {
  key: string;
  value: string;
}

/** A browser's push subscription: where to send (checked against SSRF) and how to encrypt for it. */
export interface PushSubscriptionTable {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  wardCode: string | null;
  locale: string;
  createdAt: string;
  updatedAt: string;
}

/** A subscription's cohorts: "born:YYYY-MM" or "due:YYYY-MM", never a date. */
export interface PushSubscriptionCohortTable {
  subscriptionId: string;
  cohort: string;
}

export interface NoticeTable {
  id: string;
  /** A timeline notice's natural key; null for a broadcast. */
  key: string | null;
  kind: "timeline" | "broadcast";
  /** The ward a broadcast is from (null: city-wide, or a timeline notice). */
  wardCode: string | null;
  /** JSON: shared/notices/schemas.ts Segment */
  segment: string;
  /** JSON: the text in each locale (a broadcast) or the timeline item and its window (a timeline notice) */
  content: string;
  sendAt: string;
  status: "scheduled" | "sending" | "done" | "cancelled";
  createdBy: string | null;
  createdAt: string;
  /** When sending began: the audience is the subscriptions made by then. */
  startedAt: string | null;
  finishedAt: string | null;
  sent: Generated<number>;
  failed: Generated<number>;
  expired: Generated<number>;
}

/** The send log: one row per (notice, subscription). */
export interface NoticeDeliveryTable {
  noticeId: string;
  subscriptionId: string;
  state: "claimed" | "sent" | "retry" | "failed" | "expired";
  attempts: number;
  nextAt: string | null;
  /** The sender that claimed it (a lease holder). */
  holder: string | null;
}

export interface LeaseTable {
  name: string;
  holder: string;
  expiresAt: string;
}

export interface DB {
  wards: WardTable;
  areas: AreaTable;
  writeProbes: WriteProbeTable;
  surveys: SurveyTable;
  responses: ResponseTable;
  invitationCodes: InvitationCodeTable;
  pollDevices: PollDeviceTable;
  surveyAggregates: SurveyAggregateTable;
  rateLimits: RateLimitTable;
  countState: CountStateTable;
  staffUsers: StaffUserTable;
  staffSessions: StaffSessionTable;
  auditLog: AuditLogTable;
  wardPopulation: WardPopulationTable;
  commentThemes: CommentThemeTable;
  policies: PolicyTable;
  indicators: IndicatorTable;
  indicatorYears: IndicatorYearTable;
  places: LocalRowTable & { kind: string };
  associations: LocalRowTable;
  councils: LocalRowTable;
  meetings: LocalRowTable & { startsAt: string };
  joinRequests: JoinRequestTable;
  serverSettings: ServerSettingTable;
  pushSubscriptions: PushSubscriptionTable;
  pushSubscriptionCohorts: PushSubscriptionCohortTable;
  notices: NoticeTable;
  noticeDeliveries: NoticeDeliveryTable;
  leases: LeaseTable;
}
