/**
 * Push in the service worker: a push's payload becomes a notification — for the timeline, a
 * personal one worked out from the children kept in IndexedDB — and a line in the in-app inbox.
 * The notice's id is the notification's tag and the inbox key, so a push delivered twice shows and
 * keeps one. A click opens the notice's page in an open window, or a new one.
 */
/// <reference lib="webworker" />

import type { Child } from "../../../shared/childcare/timeline";
import { jstToday } from "../../../shared/time";
import { done, openExisting, readAll, readOne } from "../db/raw-idb";
import { compose, isPushPayload, type Shown } from "../notices/compose";

declare const self: ServiceWorkerGlobalScope;

function isChild(value: unknown): value is Child {
  const c = value as Partial<Child> | null;
  return (
    typeof c === "object" &&
    c !== null &&
    typeof c.id === "string" &&
    typeof c.nickname === "string" &&
    (c.kind === "due" || c.kind === "born") &&
    typeof c.date === "string" &&
    /^\d{4}-\d{2}-\d{2}$/.test(c.date)
  );
}

async function keepInInbox(shown: Shown): Promise<void> {
  const database = await openExisting().catch(() => null);
  if (!database) return;
  try {
    if (!database.objectStoreNames.contains("inbox")) return;
    const store = database.transaction("inbox", "readwrite").objectStore("inbox");
    // A repeat of the same notice keeps the first arrival.
    if ((await done(store.get(shown.id))) !== undefined) return;
    await done(store.put({ id: shown.id, title: shown.title, body: shown.body, url: shown.url, receivedAt: Date.now(), read: false }));
  } finally {
    database.close();
  }
}

async function onPush(data: PushMessageData | null): Promise<void> {
  let payload: unknown = null;
  try {
    payload = data?.json() ?? null;
  } catch {
    payload = null;
  }
  if (!isPushPayload(payload)) {
    // Something arrived that this version cannot read: say so rather than nothing (a push must show).
    await self.registration.showNotification("まちの声", { body: "", tag: "machikoe-unknown" });
    return;
  }
  const children = (await readAll("children")).filter(isChild);
  const ticked = new Set(
    (await readAll("timelineDone")).flatMap((d) => (typeof (d as { key?: unknown }).key === "string" ? [(d as { key: string }).key] : [])),
  );
  const shown = compose(payload, children, ticked, jstToday());
  await keepInInbox(shown);
  await self.registration.showNotification(shown.title, {
    body: shown.body,
    tag: shown.id,
    data: { url: shown.url, id: shown.id },
    icon: "/icons/icon-192.png",
    badge: "/icons/icon-192.png",
    ...(shown.lang ? { lang: shown.lang } : {}),
  });
  for (const page of await self.clients.matchAll({ type: "window" })) page.postMessage({ type: "inbox" });
}

async function onClick(notification: Notification): Promise<void> {
  notification.close();
  const data = notification.data as { url?: unknown } | null;
  const path = typeof data?.url === "string" && data.url.startsWith("/") ? data.url : "/";
  const url = new URL(path, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows[0];
  if (open) {
    const navigated = await open.navigate(url).catch(() => null);
    await (navigated ?? open).focus();
    return;
  }
  await self.clients.openWindow(url);
}

/** Not in every TypeScript lib yet. */
interface PushSubscriptionChangeEvent extends ExtendableEvent {
  readonly newSubscription: PushSubscription | null;
  readonly oldSubscription: PushSubscription | null;
}

async function lastRegistration(): Promise<{
  ward: string | null;
  locale: string;
  cohorts: string[];
  /** Absent in a registration made before topics (the server then keeps childcare and ward news). */
  topics?: string[];
  keys: { auth: string };
  endpoint: string;
} | null> {
  // db/notices.ts registrationKey: the page writes it when the server takes a registration.
  const row = (await readOne("meta", "push:registered")) as { value?: unknown } | undefined;
  if (typeof row?.value !== "string") return null;
  try {
    return JSON.parse(row.value);
  } catch {
    return null;
  }
}

/**
 * The push service replaced the subscription (keys expire, a browser resets them): register the new
 * one with the same ward, language, topics and months, and remove the old record, so notices keep coming
 * without the resident doing anything.
 */
async function onSubscriptionChange(event: PushSubscriptionChangeEvent): Promise<void> {
  const previous = await lastRegistration();
  if (!previous) return;
  let subscription = event.newSubscription;
  if (!subscription) {
    const key = event.oldSubscription?.options.applicationServerKey ?? null;
    if (!key) return;
    subscription = await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  }
  const keys = subscription.toJSON().keys ?? {};
  const body = {
    endpoint: subscription.endpoint,
    keys: { p256dh: keys.p256dh ?? "", auth: keys.auth ?? "" },
    ward: previous.ward,
    locale: previous.locale,
    cohorts: previous.cohorts,
    ...(previous.topics ? { topics: previous.topics } : {}),
  };
  const headers = { "content-type": "application/json" };
  const registered = await fetch("/api/push/subscription", { method: "PUT", headers, body: JSON.stringify(body) });
  if (!registered.ok) return;
  if (previous.endpoint !== body.endpoint) {
    await fetch("/api/push/subscription", {
      method: "DELETE",
      headers,
      body: JSON.stringify({ endpoint: previous.endpoint, auth: previous.keys.auth }),
    }).catch(() => undefined);
  }
  const database = await openExisting().catch(() => null);
  if (!database) return;
  try {
    await done(
      database
        .transaction("meta", "readwrite")
        .objectStore("meta")
        .put({ key: "push:registered", value: JSON.stringify(body) }),
    );
  } finally {
    database.close();
  }
}

export function handlePush(): void {
  self.addEventListener("push", (event) => event.waitUntil(onPush(event.data)));
  self.addEventListener("notificationclick", (event) => event.waitUntil(onClick(event.notification)));
  self.addEventListener("pushsubscriptionchange", (event) => {
    const change = event as PushSubscriptionChangeEvent;
    change.waitUntil(onSubscriptionChange(change));
  });
}
