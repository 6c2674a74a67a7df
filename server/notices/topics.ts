/**
 * Notices on a topic, made by the server itself rather than written by staff: a new survey in a ward,
 * a 区政会議 about to go on air, and whatever another feature wants a ward's subscribers to hear once
 * (「区の対応」 with the "news" topic). Each is a notice with a natural key, inserted once however often
 * or from however many instances it is asked for; the sender's lease and send log then send it once.
 *
 * For another feature: inside its own write, `await notifyTopicOnce(trx, { key, ward, topic, texts, path })`
 * (or `database.write(notifyTopic, …)` outside one), then `deps.notices.sender?.kick()` to send it now.
 */
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { type Locale, locales } from "../../shared/locales/locales";
import { plainText } from "../../shared/locales/ruby";
import type { NoticeText, Segment, Topic } from "../../shared/notices/schemas";
import type { LocalizedText } from "../../shared/surveys/model";
import type { Database } from "../platform/db/database";
import type { DB } from "../platform/db/schema";
import { defineWrite } from "../platform/db/write";
import { word } from "./words";

export interface TopicNotice {
  /** What makes it one notice, whoever asks again: "survey:<id>", "follow-up:<id>", … (at most 120 characters). */
  key: string;
  /** The ward whose subscribers hear it; null: the whole city. */
  ward: string | null;
  topic: Topic;
  /** The text in each language; Japanese is required and stands in for a missing one. */
  texts: Partial<Record<Locale, NoticeText>> & { ja: NoticeText };
  /** The app's page a click opens, such as /surveys/<id>. */
  path: string;
  /** When to send (ISO); now when absent. */
  sendAt?: string;
}

/** Makes the notice unless its key was made before; true when this call made it. Runs in the caller's transaction. */
export async function notifyTopicOnce(trx: Transaction<DB>, notice: TopicNotice, now = new Date().toISOString()): Promise<boolean> {
  const segment: Segment = { ward: notice.ward, audience: { kind: "all" }, topic: notice.topic };
  const result = await trx
    .insertInto("notices")
    .values({
      id: randomUUID(),
      key: notice.key,
      kind: "broadcast",
      wardCode: notice.ward,
      segment: JSON.stringify(segment),
      content: JSON.stringify({ texts: notice.texts, path: notice.path }),
      sendAt: notice.sendAt ?? now,
      status: "scheduled",
      createdBy: null,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
    })
    .onConflict((oc) => oc.column("key").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** notifyTopicOnce as a write of its own, for a caller outside a transaction. */
export const notifyTopic = defineWrite("notices.notifyTopic", (trx, notice: TopicNotice) => notifyTopicOnce(trx, notice));

/** Cancels a topic notice that has not started (a survey closed before it opened, say). */
export async function cancelTopicNotice(trx: Transaction<DB>, key: string): Promise<void> {
  await trx.updateTable("notices").set({ status: "cancelled" }).where("key", "=", key).where("status", "=", "scheduled").execute();
}

/** The same title in each language from the app's locale files, with a body per language. */
function textsOf(titleKey: string, body: (locale: Locale) => string): TopicNotice["texts"] {
  const entries = locales.map(
    (locale) => [locale, { title: word(locale, titleKey), body: plainText(body(locale)).slice(0, 300) }] as const,
  );
  return Object.fromEntries(entries) as TopicNotice["texts"];
}

export const surveyNoticeKey = (surveyId: string) => `survey:${surveyId}`;

/** A survey's "new survey" notice: to its ward's subscribers (every one, for a city-wide survey), when it opens. */
export function surveyOpened(
  survey: { id: string; wardCode: string | null; opensAt: string; title: LocalizedText },
  now: string,
): TopicNotice {
  const opens = new Date(Math.max(Date.parse(survey.opensAt), Date.parse(now))).toISOString();
  return {
    key: surveyNoticeKey(survey.id),
    ward: survey.wardCode,
    topic: "surveys",
    texts: textsOf("notices.topicPush.surveyTitle", (locale) => survey.title[locale] ?? survey.title.ja),
    path: `/surveys/${survey.id}`,
    sendAt: opens,
  };
}

/** A survey's 区の対応, published for the first time: once, to its ward's "ward news" subscribers, opening its results. */
export function followUpPublished(survey: { id: string; wardCode: string | null; title: LocalizedText }): TopicNotice {
  return {
    key: `follow-up:${survey.id}`,
    ward: survey.wardCode,
    topic: "news",
    texts: textsOf("notices.topicPush.followUpTitle", (locale) => survey.title[locale] ?? survey.title.ja),
    path: `/surveys/${survey.id}/results`,
  };
}

/** A 区政会議's "on air soon" notice, once per start time (a meeting moved to another time is told again). */
export function meetingSoon(meeting: { id: string; ward: string; title: string; startsAt: string }): TopicNotice {
  return {
    key: `meeting:${meeting.id}:${meeting.startsAt}`,
    ward: meeting.ward,
    topic: "meetings",
    texts: textsOf("notices.topicPush.meetingTitle", () => meeting.title),
    path: `/community#meeting-${meeting.id}`,
  };
}

/** Meetings that start within `leadMs` from now (and have not started): each is told once, shortly before. */
export async function meetingsStartingSoon(database: Database, now: number, leadMs: number): Promise<TopicNotice[]> {
  // startsAt is kept as written (with its offset): a day either side makes the text comparison safe, the parse decides.
  const day = 86_400_000;
  const rows = await database.db
    .selectFrom("meetings")
    .select(["id", "wardCode", "data"])
    .where("deletedAt", "is", null)
    .where("startsAt", ">=", new Date(now - day).toISOString().slice(0, 10))
    .where("startsAt", "<=", new Date(now + leadMs + day).toISOString().slice(0, 10))
    .execute();
  return rows.flatMap((row) => {
    const data = JSON.parse(row.data) as { title?: unknown; startsAt?: unknown };
    if (typeof data.title !== "string" || typeof data.startsAt !== "string") return [];
    const starts = Date.parse(data.startsAt);
    if (!(starts > now && starts - leadMs <= now)) return [];
    return [meetingSoon({ id: row.id, ward: row.wardCode, title: data.title, startsAt: new Date(starts).toISOString() })];
  });
}

/** Makes the notices of several topic events; answers how many were new. */
export const planTopicNotices = defineWrite(
  "notices.planTopics",
  async (trx, { notices, now }: { notices: TopicNotice[]; now: string }): Promise<number> => {
    let made = 0;
    for (const notice of notices) if (await notifyTopicOnce(trx, notice, now)) made++;
    return made;
  },
);
