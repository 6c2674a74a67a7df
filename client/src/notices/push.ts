/**
 * Push on the page: whether this browser can receive notices, turning them on (permission, then a
 * subscription with the server's VAPID key, then the registration with the ward, language and
 * cohort months), keeping the registration current when a child is added or born, and turning
 * them off — the server's record is removed at once, or as soon as the phone is back online (an
 * outbox of its own, sync/engine.ts).
 */
import { cohortOf } from "../../../shared/childcare/timeline";
import type { Locale } from "../../../shared/locales/locales";
import type { PushRegistration } from "../../../shared/notices/schemas";
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

function registrationOf(
  subscription: PushSubscription,
  ward: string | null,
  locale: Locale,
  children: readonly ChildRecord[],
): PushRegistration {
  const json = subscription.toJSON();
  return {
    endpoint: subscription.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
    ward,
    locale,
    cohorts: cohortsOf(children),
  };
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
    return { ok: false, errorKey: await errorKeyOf(error) };
  }
}

/** Asks for permission and subscribes. "denied": the resident (or the browser) said no. */
export async function turnOn(
  ward: string | null,
  locale: Locale,
  children: readonly ChildRecord[],
): Promise<Outcome | { ok: false; denied: true }> {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return { ok: false, denied: true };
  try {
    const keyResponse = await api.api.push.key.$get();
    if (!keyResponse.ok) return { ok: false, errorKey: await errorKeyOf(keyResponse) };
    const { publicKey } = await keyResponse.json();
    const registration = await navigator.serviceWorker.ready;
    let subscription = await registration.pushManager.getSubscription();
    if (subscription === null) {
      subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
    }
    return await register(registrationOf(subscription, ward, locale, children));
  } catch (error) {
    return { ok: false, errorKey: await errorKeyOf(error) };
  }
}

/** Sends the registration again when the ward, the language or the children's months changed since the last one the server took. */
export async function keepRegistrationCurrent(ward: string | null, locale: Locale, children: readonly ChildRecord[]): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription || Notification.permission !== "granted") return;
  const body = registrationOf(subscription, ward, locale, children);
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
