/**
 * Push notices: what a browser registers (its endpoint, keys, ward, locale, topics and cohorts), what
 * staff send (a notice in the six languages, on a topic, to a segment), and what a push carries to the
 * service worker. A cohort is a month, never a date: the phone alone knows the child's day.
 */
import { z } from "zod/mini";
import { locales } from "../locales/locales";
import { WardCode } from "../wards/schemas";

/** "born:2026-08" or "due:2027-01". */
export const Cohort = z.string().check(z.regex(/^(born|due):\d{4}-(0[1-9]|1[0-2])$/, "born:YYYY-MM or due:YYYY-MM"));
export type Cohort = z.infer<typeof Cohort>;

/**
 * 通知の種類: new surveys in my ward, a 区政会議 about to go on air, ward news (staff broadcasts), and the
 * child-rearing reminders (the only topic that keeps cohort months).
 */
export const topics = ["surveys", "meetings", "news", "childcare"] as const;
export const Topic = z.enum(topics);
export type Topic = z.infer<typeof Topic>;

/** What a registration made before topics existed receives: what it received then. */
export const legacyTopics: readonly Topic[] = ["childcare", "news"];

const base64url = (min: number, max: number) =>
  z.string().check(z.minLength(min), z.maxLength(max), z.regex(/^[A-Za-z0-9_-]+=*$/, "base64url"));

export const PushRegistration = z.object({
  endpoint: z.string().check(z.minLength(8), z.maxLength(1024)),
  keys: z.object({ p256dh: base64url(80, 100), auth: base64url(16, 40) }),
  ward: z.nullable(WardCode),
  locale: z.enum(locales),
  /** Kept only with the childcare topic. */
  cohorts: z.array(Cohort).check(z.maxLength(12)),
  /** Absent (a registration from an older version): childcare and ward news, as before topics. */
  topics: z.optional(z.array(Topic).check(z.minLength(1), z.maxLength(topics.length))),
});
export type PushRegistration = z.infer<typeof PushRegistration>;

/** Stop, or delete my data: the endpoint and its auth secret, which only that browser knows, prove it is theirs. */
export const PushRemoval = z.object({ endpoint: z.string().check(z.maxLength(1024)), auth: base64url(16, 40) });
export type PushRemoval = z.infer<typeof PushRemoval>;

/** Who a notice goes to, within its ward (or the whole city). */
export const Audience = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all") }),
  /** Anyone expecting: a due cohort. */
  z.object({ kind: z.literal("pregnant") }),
  /** Parents of children aged fromYears to toYears (inclusive, whole years) on the day it is sent. */
  z.object({
    kind: z.literal("children"),
    fromYears: z.number().check(z.int(), z.minimum(0), z.maximum(12)),
    toYears: z.number().check(z.int(), z.minimum(0), z.maximum(12)),
  }),
  /** One cohort: the timeline's own notices. */
  z.object({ kind: z.literal("cohort"), cohort: Cohort }),
]);
export type Audience = z.infer<typeof Audience>;

/**
 * A notice's topic and, within its ward (or the whole city), its audience. Only childcare narrows by
 * cohorts; another topic goes to all its subscribers. Absent topic (a notice made before topics): ward
 * news for "all", childcare for the rest.
 */
export const Segment = z.object({ ward: z.nullable(WardCode), audience: Audience, topic: z.optional(Topic) });
export type Segment = z.infer<typeof Segment>;

export function topicOf(segment: Segment): Topic {
  return segment.topic ?? (segment.audience.kind === "all" ? "news" : "childcare");
}

const NoticeText = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  body: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
});
export type NoticeText = z.infer<typeof NoticeText>;

/** A staff broadcast: Japanese is required, the other languages fall back to it. */
export const BroadcastInput = z.object({
  texts: z.object({
    ja: NoticeText,
    "ja-easy": z.optional(NoticeText),
    en: z.optional(NoticeText),
    "zh-Hans": z.optional(NoticeText),
    ko: z.optional(NoticeText),
    vi: z.optional(NoticeText),
  }),
  /** A page of the app the notice opens, such as /places; the home page when absent. */
  path: z.optional(z.string().check(z.regex(/^\/[A-Za-z0-9/_#?=&-]{0,200}$/, "a path of this app, such as /places"))),
  segment: Segment,
  /** When to send (ISO time with offset); null sends now. */
  sendAt: z.nullable(z.iso.datetime({ offset: true })),
});
export type BroadcastInput = z.infer<typeof BroadcastInput>;

/** The words a timeline push carries, in the subscriber's language; the phone fills in names and dates. */
export interface TimelineWords {
  /** The item's title. */
  item: string;
  /** "{{names}}の{{item}}の時期です" */
  open: string;
  /** "{{names}}の{{item}}は{{date}}からです" */
  upcoming: string;
  /** For a device that no longer holds a child of this cohort. */
  fallback: string;
  /** "{{name}}ちゃん" */
  child: string;
  /** How names are joined: "・" */
  join: string;
  /** The notification's title: "子育てのお知らせ". */
  title: string;
  /** The language tag dates are written in (ja, en, zh-Hans, ko, vi). */
  lang: string;
}

/** What a push carries (encrypted) to the service worker. */
export type PushPayload =
  | { v: 1; id: string; kind: "broadcast"; title: string; body: string; url: string; sentAt: string }
  | {
      v: 1;
      id: string;
      kind: "timeline";
      item: string;
      cohort: string;
      /** The window's start for the cohort's earliest day (YYYY-MM-DD). */
      start: string;
      url: string;
      words: TimelineWords;
      sentAt: string;
    };
