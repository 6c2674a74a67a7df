/**
 * Kysely's view of the database: every table, by its camelCase name (CamelCasePlugin maps the
 * snake_case columns). The tables' row types are in tables/, one file per feature; the platform
 * keeps them here, beside the migrations that make them, so it depends on no feature.
 */

import type { AuditLogTable, LoginAttemptTable, StaffSessionTable, StaffTokenTable, StaffUserTable } from "./tables/accounts";
import type { JoinRequestTable, LocalRowTable } from "./tables/local";
import type {
  LeaseTable,
  NoticeDeliveryTable,
  NoticeTable,
  PushSubscriptionCohortTable,
  PushSubscriptionTable,
  PushSubscriptionTopicTable,
  ServerSettingTable,
} from "./tables/notices";
import type { IndicatorTable, IndicatorYearTable, PolicyTable, WardPopulationTable } from "./tables/planning";
import type { CountStateTable, WriteProbeTable } from "./tables/platform";
import type {
  CommentThemeTable,
  InvitationCodeTable,
  KeywordStopWordTable,
  PollDeviceTable,
  ReminderBatchTable,
  ResponseTable,
  ResultSnapshotTable,
  SurveyAggregateTable,
  SurveyTable,
} from "./tables/surveys";
import type { AreaTable, WardContactTable, WardTable } from "./tables/wards";

export type { AuditLogTable, LoginAttemptTable, StaffSessionTable, StaffTokenTable, StaffUserTable } from "./tables/accounts";
export type { JoinRequestTable, LocalRowTable } from "./tables/local";
export type {
  LeaseTable,
  NoticeDeliveryTable,
  NoticeTable,
  PushSubscriptionCohortTable,
  PushSubscriptionTable,
  PushSubscriptionTopicTable,
  ServerSettingTable,
} from "./tables/notices";
export type { IndicatorTable, IndicatorYearTable, PolicyTable, WardPopulationTable } from "./tables/planning";
export type { CountStateTable, WriteProbeTable } from "./tables/platform";
export type {
  CommentThemeTable,
  InvitationCodeTable,
  KeywordStopWordTable,
  PollDeviceTable,
  ReminderBatchTable,
  ResponseTable,
  ResultSnapshotTable,
  SurveyAggregateTable,
  SurveyTable,
} from "./tables/surveys";
export type { AreaTable, WardContactTable, WardTable } from "./tables/wards";

export interface DB {
  wards: WardTable;
  areas: AreaTable;
  writeProbes: WriteProbeTable;
  surveys: SurveyTable;
  responses: ResponseTable;
  invitationCodes: InvitationCodeTable;
  reminderBatches: ReminderBatchTable;
  wardContacts: WardContactTable;
  pollDevices: PollDeviceTable;
  surveyAggregates: SurveyAggregateTable;
  resultSnapshots: ResultSnapshotTable;
  countState: CountStateTable;
  staffUsers: StaffUserTable;
  staffSessions: StaffSessionTable;
  loginAttempts: LoginAttemptTable;
  staffTokens: StaffTokenTable;
  auditLog: AuditLogTable;
  wardPopulation: WardPopulationTable;
  commentThemes: CommentThemeTable;
  keywordStopWords: KeywordStopWordTable;
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
  pushSubscriptionTopics: PushSubscriptionTopicTable;
  notices: NoticeTable;
  noticeDeliveries: NoticeDeliveryTable;
  leases: LeaseTable;
}
