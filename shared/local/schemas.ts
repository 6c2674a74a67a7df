/**
 * Local life (issue: 通いの場, 町会, 地域活動協議会, 区政会議): what residents read, cached on the device
 * and kept current by incremental sync, and the join request they send to a 町会 through the ward.
 * The content is the ward's own, in Japanese, with optional translations and readings (translations.ts).
 */
import { z } from "zod/mini";
import { locales } from "../locales/locales";
import { ResponseId } from "../surveys/answers";
import { AreaId, WardCode } from "../wards/schemas";
import { Schedule } from "./schedule";
import { languageFields } from "./translations";

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const optionalText = (max: number) => z.string().check(z.trim(), z.maxLength(max));
const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD"));
const Url = z.url({ protocol: /^https?$/ });
const Timestamp = z.iso.datetime({ offset: true });

/** 通いの場 kinds, the finder's first filter. The plan's スマホ教室 and round tables are listed in the same finder. */
export const placeKinds = [
  "hyakusai",
  "kamikami",
  "frailty",
  "health_talk",
  "salon",
  "kosodate_salon",
  "smartphone",
  "roundtable",
] as const;
export const PlaceKind = z.enum(placeKinds);
export type PlaceKind = z.infer<typeof PlaceKind>;

/** What staff enter for a 通いの場 (the open-data columns and the schedule). */
export const PlaceInput = z.object({
  ward: WardCode,
  area: z.nullable(AreaId),
  kind: PlaceKind,
  name: text(100),
  nameKana: optionalText(200),
  address: text(200),
  /** 方書: the hall or room */
  building: optionalText(100),
  latitude: z.number().check(z.minimum(33), z.maximum(36)),
  longitude: z.number().check(z.minimum(134), z.maximum(137)),
  schedule: Schedule,
  capacity: z.nullable(z.int().check(z.minimum(1), z.maximum(10000))),
  fee: optionalText(100),
  /** Who it is for (対象) */
  audience: optionalText(200),
  contactName: optionalText(100),
  phone: z.string().check(z.regex(/^$|^[0-9+\-() ]{6,20}$/, "a phone number")),
  url: z.nullable(Url),
  barrierFree: optionalText(200),
  /** Languages spoken there besides Japanese */
  languages: z.array(z.enum(locales)).check(z.maxLength(locales.length)),
  notes: optionalText(500),
  /** The date the ward last confirmed it still meets */
  confirmedOn: IsoDate,
  ...languageFields,
});
export type PlaceInput = z.infer<typeof PlaceInput>;

export const Place = z.object({ ...PlaceInput.shape, id: z.uuid(), updatedAt: Timestamp });
export type Place = z.infer<typeof Place>;

/** What a 町会 does: the page explains each, 防災 first. */
export const associationActivities = [
  "disaster_drill",
  "watch",
  "festival",
  "cleanup",
  "children",
  "elderly",
  "sports",
  "newsletter",
] as const;

export const AssociationInput = z.object({
  ward: WardCode,
  area: z.nullable(AreaId),
  name: text(100),
  nameKana: optionalText(200),
  /** The 丁目 it covers, as written in addresses: 扇町1丁目 */
  chome: z.array(text(40)).check(z.minLength(1), z.maxLength(60)),
  activities: z.array(z.enum(associationActivities)).check(z.maxLength(associationActivities.length)),
  /** The yearly fee, from–to, in yen */
  feeMinYen: z.int().check(z.minimum(0), z.maximum(100000)),
  feeMaxYen: z.int().check(z.minimum(0), z.maximum(100000)),
  howToJoin: optionalText(1000),
  notes: optionalText(1000),
  ...languageFields,
});
export type AssociationInput = z.infer<typeof AssociationInput>;
export const Association = z.object({ ...AssociationInput.shape, id: z.uuid(), updatedAt: Timestamp });
export type Association = z.infer<typeof Association>;

/** 地域活動協議会: one per 地域, with its subsidised projects listed for transparency. */
export const CouncilInput = z.object({
  ward: WardCode,
  area: AreaId,
  name: text(100),
  activities: optionalText(2000),
  projects: z
    .array(z.object({ year: z.int().check(z.minimum(2000), z.maximum(2100)), title: text(200), amountYen: z.int().check(z.minimum(0)) }))
    .check(z.maxLength(100)),
  contact: optionalText(200),
  url: z.nullable(Url),
  ...languageFields,
});
export type CouncilInput = z.infer<typeof CouncilInput>;
export const Council = z.object({ ...CouncilInput.shape, id: z.uuid(), updatedAt: Timestamp });
export type Council = z.infer<typeof Council>;

/** 区政会議: a meeting, watched live on the web and kept with its recording and minutes. */
export const MeetingInput = z.object({
  ward: WardCode,
  title: text(200),
  startsAt: Timestamp,
  endsAt: Timestamp,
  place: optionalText(200),
  agenda: optionalText(4000),
  liveUrl: z.nullable(Url),
  recordingUrl: z.nullable(Url),
  minutesUrl: z.nullable(Url),
  /** A one-question poll shown on the meeting's page */
  pollSurveyId: z.nullable(z.uuid()),
  ...languageFields,
});
export type MeetingInput = z.infer<typeof MeetingInput>;
export const Meeting = z.object({ ...MeetingInput.shape, id: z.uuid(), updatedAt: Timestamp });
export type Meeting = z.infer<typeof Meeting>;

export const localKinds = ["place", "association", "council", "meeting"] as const;

/**
 * A ward's local data since a moment: what changed (all of it when `since` is absent) and what was
 * removed. The client keeps `syncedAt` and asks for changes since then next time.
 */
export const LocalChanges = z.object({
  ward: WardCode,
  syncedAt: Timestamp,
  full: z.boolean(),
  places: z.array(Place),
  associations: z.array(Association),
  councils: z.array(Council),
  meetings: z.array(Meeting),
  removed: z.array(z.object({ kind: z.enum(localKinds), id: z.string() })),
});
export type LocalChanges = z.infer<typeof LocalChanges>;

export const LocalQuery = z.object({ since: z.optional(Timestamp) });

/** 町会への加入申込: made on the phone, queued offline like a survey response, delivered once (its id). */
export const JoinRequestInput = z.object({
  id: ResponseId,
  name: text(100),
  contact: text(200),
  address: text(200),
  message: optionalText(1000),
  /** The resident agreed to the consent text shown with the form. */
  consent: z.literal(true),
});
export type JoinRequestInput = z.infer<typeof JoinRequestInput>;

export const joinRequestStates = ["new", "contacted", "done"] as const;
export const JoinReceipt = z.object({ id: z.string(), receivedAt: Timestamp });
export type JoinReceipt = z.infer<typeof JoinReceipt>;
