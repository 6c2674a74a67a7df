/** The tables of push notices: subscriptions and cohorts, notices, the send log, the sender's lease and settings. */
import type { Generated } from "kysely";

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
  /** The first instant of the month it was made and last changed (UTC): never finer. */
  createdAt: string;
  updatedAt: string;
}

/** A subscription's cohorts: "born:YYYY-MM" or "due:YYYY-MM", never a date. */
export interface PushSubscriptionCohortTable {
  subscriptionId: string;
  cohort: string;
}

/** A subscription's topics: "surveys", "meetings", "news" or "childcare" (shared/notices/schemas.ts). */
export interface PushSubscriptionTopicTable {
  subscriptionId: string;
  topic: string;
}

export interface NoticeTable {
  id: string;
  /** A notice's natural key, made once: a timeline notice's, or a topic notice's (survey:<id>, meeting:<id>:<startsAt>, …); null for a broadcast. */
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
  /** When sending began: the audience is the subscriptions made by then (by their month: see PushSubscriptionTable). */
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
