/**
 * Push on the page: whether this browser can receive notices, turning them on for some topics
 * (permission, then a subscription with the server's VAPID key — given up after subscribeTimeoutMs,
 * since a browser may never settle it — then the registration with the ward, language, topics and,
 * with childcare only, cohort months), changing the topics, keeping the registration current when a
 * child is added or born, and turning them off — the server's record is removed at once, or as soon
 * as the phone is back online (an outbox of its own, sync/engine.ts).
 */
import { cohortOf } from "../../../shared/childcare/timeline";
import type { Locale } from "../../../shared/locales/locales";
import { topics as allTopics, legacyTopics, type PushRegistration, type Topic } from "../../../shared/notices/schemas";
import { api } from "../app/api";
import { errorKeyOf } from "../app/errors";
import { metaValue, setMetaValue } from "../db/meta";
import { queueRemoval, registrationKey, removalQueue, removalWaiting } from "../db/notices";
import type { ChildRecord } from "../db/schemas";
import { createOutbox } from "../sync/engine";
import { sendSoon } from "../sync/triggers";
import { removalKind } from "./send-removal";

export type Availability = "supported" | "ios-install" | "unsupported";

/** iOS and iPadOS deliver web push only to an app added to the home screen (16.4 and later). */
export function availability(): Availability {
  const ios = /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);
  const standalone =
    window.matchMedia("(display-mode: standalone)").matches || (navigator as Navigator & { standalone?: boolean }).standalone === true;
  const capable = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
  if (ios && !standalone) return "ios-install";
  return capable ? "supported" : "unsupported";
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!("serviceWorker" in navigator)) return null;
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager.getSubscription()) ?? null;
}

const cohortsOf = (children: readonly ChildRecord[]) => [...new Set(children.map(cohortOf))].sort();

/** What the resident chose, in the one order; the months only go with the childcare topic. */
function registrationOf(subscription: PushSubscription, { ward, locale, children, topics }: Wanted): PushRegistration {
  const json = subscription.toJSON();
  const chosen = allTopics.filter((t) => topics.includes(t));
  return {
    endpoint: subscription.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
    ward,
    locale,
    cohorts: chosen.includes("childcare") ? cohortsOf(children) : [],
    topics: chosen,
  };
}

/** What a registration is made of: the ward, the language, the children (for their months) and the topics. */
export interface Wanted {
  ward: string | null;
  locale: Locale;
  children: readonly ChildRecord[];
  topics: readonly Topic[];
}

/** The topics of the registration the server last took (one made before topics: childcare and ward news); none when off. */
export async function registeredTopics(): Promise<Topic[]> {
  const stored = await metaValue(registrationKey);
  if (stored === null) return [];
  try {
    const body = JSON.parse(stored) as { topics?: unknown };
    if (!Array.isArray(body.topics)) return [...legacyTopics];
    return allTopics.filter((t) => (body.topics as unknown[]).includes(t));
  } catch {
    return [];
  }
}

/** How long subscribing may take before the resident is told and offered a retry. */
export const subscribeTimeoutMs = 10_000;

class TimedOut extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimedOut()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** A failure in words: the wait given up, the browser's push refusing, or (a fetch that failed) the connection. */
async function failureKey(error: unknown): Promise<string> {
  if (error instanceof TimedOut) return "notices.timeout";
  if (error instanceof DOMException) return "notices.pushFailed";
  return errorKeyOf(error);
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64url.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

type Outcome = { ok: true } | { ok: false; errorKey: string };

async function register(body: PushRegistration): Promise<Outcome> {
  try {
    const response = await api.api.push.subscription.$put({ json: body });
    if (!response.ok) return { ok: false, errorKey: await errorKeyOf(response) };
    await setMetaValue(registrationKey, JSON.stringify(body));
    return { ok: true };
  } catch (error) {
    return { ok: false, errorKey: await failureKey(error) };
  }
}

async function subscribe(): Promise<PushSubscription> {
  const keyResponse = await api.api.push.key.$get();
  if (!keyResponse.ok) throw keyResponse;
  const { publicKey } = await keyResponse.json();
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.getSubscription();
  return subscription ?? registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
}

/**
 * Asks for permission, subscribes (given up after `timeoutMs`) and registers these topics.
 * "denied": the resident (or the browser) said no.
 */
export async function turnOn(wanted: Wanted, timeoutMs = subscribeTimeoutMs): Promise<Outcome | { ok: false; denied: true }> {
  if (availability() !== "supported") return { ok: false, errorKey: "notices.unsupportedBrowser" };
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return { ok: false, denied: true };
  try {
    const subscription = await withTimeout(subscribe(), timeoutMs);
    return await register(registrationOf(subscription, wanted));
  } catch (error) {
    return { ok: false, errorKey: error instanceof Response ? await errorKeyOf(error) : await failureKey(error) };
  }
}

/** Sends the registration again when the ward, the language or the children's months changed since the last one the server took. */
export async function keepRegistrationCurrent(wanted: Omit<Wanted, "topics">): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription || Notification.permission !== "granted") return;
  const topics = await registeredTopics();
  if (topics.length === 0) return;
  const body = registrationOf(subscription, { ...wanted, topics });
  if ((await metaValue(registrationKey)) === JSON.stringify(body)) return;
  await register(body);
}

/** Removals of the server's record, kept until the server has answered (sent again at start and on reconnection). */
export const removalOutbox = createOutbox({ ...removalKind, store: removalQueue });

/** Stops notices: unsubscribes this browser and removes the server's record (now, or once back online). */
export async function turnOff(): Promise<"removed" | "queued"> {
  const subscription = await currentSubscription();
  await setMetaValue(registrationKey, null);
  if (!subscription) return "removed";
  const removal = { endpoint: subscription.endpoint, auth: subscription.toJSON().keys?.auth ?? "" };
  await queueRemoval(removal);
  await subscription.unsubscribe().catch(() => false);
  await sendSoon(removalOutbox);
  return (await removalWaiting(removal.endpoint)) ? "queued" : "removed";
}
