/**
 * The app's IndexedDB, through Dexie: the only module that touches it through Dexie (the service
 * worker reads the outbox with plain IndexedDB, see outbox-idb.ts). Whatever it loads is re-parsed
 * with the shared schemas, so a damaged or outdated record is dropped, not trusted. Schema versions
 * only ever go up.
 *
 * Surveys: a draft is written on every answer, so a closed tab or a flat battery loses nothing.
 * Sending moves the draft into the outbox in one transaction; an outbox item keeps its response id
 * for every retry, and leaves only when the resident discards it — sent ones stay as "my answers".
 */
import { Dexie, type EntityTable } from "dexie";
import { Association, Council, type LocalChanges, Meeting, Place } from "../../../shared/local/schemas";
import { Settings } from "../../../shared/settings/settings";
import type { AnswerIssue, Receipt } from "../../../shared/surveys/answers";
import { ChildRecord, DoneRecord, Draft, InboxRecord, JoinOutboxItem, OutboxItem } from "./schemas";

export { ChildRecord, Draft, InboxRecord, JoinOutboxItem, OutboxItem, type OutboxState, outboxStates } from "./schemas";

interface SettingsRow extends Settings {
  id: "settings";
}

interface MetaRow {
  key: string;
  value: string;
}

class MachikoeDatabase extends Dexie {
  settings!: EntityTable<SettingsRow, "id">;
  drafts!: EntityTable<Draft, "id">;
  outbox!: EntityTable<OutboxItem, "id">;
  meta!: EntityTable<MetaRow, "key">;
  places!: EntityTable<Place, "id">;
  associations!: EntityTable<Association, "id">;
  councils!: EntityTable<Council, "id">;
  meetings!: EntityTable<Meeting, "id">;
  joinOutbox!: EntityTable<JoinOutboxItem, "id">;
  children!: EntityTable<ChildRecord, "id">;
  timelineDone!: EntityTable<DoneRecord, "key">;
  inbox!: EntityTable<InboxRecord, "id">;

  constructor() {
    super("machikoe");
    this.version(1).stores({ settings: "id" });
    this.version(2).stores({ drafts: "id, surveyId", outbox: "id, surveyId, state", meta: "key" });
    this.version(3).stores({
      places: "id, ward",
      associations: "id, ward",
      councils: "id, ward",
      meetings: "id, ward",
      joinOutbox: "id, state",
    });
    this.version(4).stores({ children: "id", timelineDone: "key, child" });
    // The inbox is written by the service worker (sw/inbox-idb.ts) when a push arrives.
    this.version(5).stores({ inbox: "id, receivedAt" });
  }
}

export const db = new MachikoeDatabase();

export async function loadSettings(): Promise<Settings | null> {
  const row = await db.settings.get("settings");
  if (!row) return null;
  const { id: _id, ...fields } = row;
  const parsed = Settings.safeParse(fields);
  return parsed.success ? parsed.data : null;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await db.settings.put({ id: "settings", ...Settings.parse(settings) });
}

/** This device's id, made once: polls take one response per device. It says nothing about the person. */
export async function deviceId(): Promise<string> {
  return db.transaction("rw", db.meta, async () => {
    const row = await db.meta.get("deviceId");
    if (row) return row.value;
    const value = crypto.randomUUID();
    await db.meta.put({ key: "deviceId", value });
    return value;
  });
}

export async function draftFor(surveyId: string): Promise<Draft | null> {
  const rows = await db.drafts.where("surveyId").equals(surveyId).toArray();
  const newest = rows.sort((a, b) => b.updatedAt - a.updatedAt)[0];
  if (!newest) return null;
  const parsed = Draft.safeParse(newest);
  return parsed.success ? parsed.data : null;
}

export async function saveDraft(draft: Draft): Promise<void> {
  await db.drafts.put(Draft.parse({ ...draft, updatedAt: Date.now() }));
}

/** Moves a finished draft into the outbox, atomically: it is in exactly one of the two at any moment. */
export async function queueResponse(item: Omit<OutboxItem, "state" | "queuedAt" | "attempts">): Promise<void> {
  await db.transaction("rw", db.drafts, db.outbox, async () => {
    const existing = await db.outbox.get(item.id);
    if (!existing) await db.outbox.put(OutboxItem.parse({ ...item, state: "pending", queuedAt: Date.now(), attempts: 0 }));
    await db.drafts.delete(item.id);
  });
}

export async function outboxItems(): Promise<OutboxItem[]> {
  const rows = await db.outbox.toArray();
  return rows
    .map((row) => OutboxItem.safeParse(row))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
    .sort((a, b) => b.queuedAt - a.queuedAt);
}

export async function pendingOutbox(): Promise<OutboxItem[]> {
  return (await outboxItems()).filter((item) => item.state === "pending");
}

export async function markSent(id: string, receipt: Receipt): Promise<void> {
  await db.outbox.update(id, { state: "sent", receipt, errorCode: undefined, issues: undefined });
}

export async function markAttention(id: string, errorCode: string, issues?: AnswerIssue[]): Promise<void> {
  await db.outbox.update(id, { state: "attention", errorCode, ...(issues ? { issues } : {}) });
}

export async function markAttempt(id: string): Promise<void> {
  await db.outbox
    .where("id")
    .equals(id)
    .modify((item) => {
      item.attempts += 1;
    });
}

/** Removes an outbox item the server never counted (pending or refused); a sent one stays as a record. */
export async function discardUnsent(id: string): Promise<boolean> {
  return db.transaction("rw", db.outbox, async () => {
    const item = await db.outbox.get(id);
    if (!item || item.state === "sent") return false;
    await db.outbox.delete(id);
    return true;
  });
}

/** Ids of surveys this device has sent (or queued) a response to. */
export async function answeredSurveyIds(): Promise<Set<string>> {
  return new Set((await db.outbox.toArray()).map((item) => item.surveyId));
}

/**
 * Local life (通いの場, 町会, 地活協, 区政会議) per ward, as the last sync left it. A full sync replaces
 * the ward's rows; an incremental one adds, replaces and removes what changed — in one transaction,
 * with the sync time, so a half-applied sync never happens.
 */
export interface LocalData {
  places: Place[];
  associations: Association[];
  councils: Council[];
  meetings: Meeting[];
  syncedAt: string | null;
}

const localTables = () => [db.places, db.associations, db.councils, db.meetings] as const;

export async function applyLocalChanges(changes: LocalChanges): Promise<void> {
  await db.transaction("rw", [...localTables(), db.meta], async () => {
    if (changes.full) for (const table of localTables()) await table.where("ward").equals(changes.ward).delete();
    await db.places.bulkPut(changes.places);
    await db.associations.bulkPut(changes.associations);
    await db.councils.bulkPut(changes.councils);
    await db.meetings.bulkPut(changes.meetings);
    const tableOf = { place: db.places, association: db.associations, council: db.councils, meeting: db.meetings } as const;
    for (const { kind, id } of changes.removed) await tableOf[kind].delete(id);
    await db.meta.put({ key: `local:${changes.ward}`, value: changes.syncedAt });
  });
}

function valid<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, rows: unknown[]): T[] {
  return rows.flatMap((row) => {
    const parsed = schema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function localData(ward: string): Promise<LocalData> {
  const [places, associations, councils, meetings, synced] = await Promise.all([
    db.places.where("ward").equals(ward).toArray(),
    db.associations.where("ward").equals(ward).toArray(),
    db.councils.where("ward").equals(ward).toArray(),
    db.meetings.where("ward").equals(ward).toArray(),
    db.meta.get(`local:${ward}`),
  ]);
  return {
    places: valid(Place, places),
    associations: valid(Association, associations),
    councils: valid(Council, councils),
    meetings: valid(Meeting, meetings),
    syncedAt: synced?.value ?? null,
  };
}

export async function localSyncedAt(ward: string): Promise<string | null> {
  return (await db.meta.get(`local:${ward}`))?.value ?? null;
}

/** Queues a join request; the same id twice is one request. */
export async function queueJoin(item: Omit<JoinOutboxItem, "state" | "queuedAt" | "attempts">): Promise<void> {
  await db.transaction("rw", db.joinOutbox, async () => {
    if (!(await db.joinOutbox.get(item.id)))
      await db.joinOutbox.put(JoinOutboxItem.parse({ ...item, state: "pending", queuedAt: Date.now(), attempts: 0 }));
  });
}

export async function joinOutboxItems(): Promise<JoinOutboxItem[]> {
  return valid(JoinOutboxItem, await db.joinOutbox.toArray()).sort((a, b) => b.queuedAt - a.queuedAt);
}

export async function updateJoin(
  id: string,
  changes: Partial<Pick<JoinOutboxItem, "state" | "receipt" | "errorCode" | "attempts">>,
): Promise<void> {
  await db.joinOutbox.update(id, changes);
}

export async function discardJoin(id: string): Promise<void> {
  await db.joinOutbox.delete(id);
}

export async function localPlace(id: string): Promise<Place | null> {
  const row = await db.places.get(id);
  const parsed = row ? Place.safeParse(row) : null;
  return parsed?.success ? parsed.data : null;
}

export async function localAssociation(id: string): Promise<Association | null> {
  const row = await db.associations.get(id);
  const parsed = row ? Association.safeParse(row) : null;
  return parsed?.success ? parsed.data : null;
}

export async function localCouncil(id: string): Promise<Council | null> {
  const row = await db.councils.get(id);
  const parsed = row ? Council.safeParse(row) : null;
  return parsed?.success ? parsed.data : null;
}

/** The family's children as stored on this device (never sent anywhere), in the order they were added. */
export async function children(): Promise<ChildRecord[]> {
  return valid(ChildRecord, await db.children.toArray()).sort((a, b) => a.addedAt - b.addedAt);
}

export async function saveChild(child: ChildRecord): Promise<void> {
  await db.children.put(ChildRecord.parse(child));
}

/** Removes a child and everything ticked off for it, together. */
export async function removeChild(id: string): Promise<void> {
  await db.transaction("rw", db.children, db.timelineDone, async () => {
    await db.timelineDone.where("child").equals(id).delete();
    await db.children.delete(id);
  });
}

export async function doneItems(): Promise<DoneRecord[]> {
  return valid(DoneRecord, await db.timelineDone.toArray());
}

export async function setDone(child: string, item: string, done: boolean): Promise<void> {
  const key = `${child}:${item}`;
  if (done) await db.timelineDone.put({ key, child, item, at: Date.now() });
  else await db.timelineDone.delete(key);
}

/** Received notices, newest first. */
export async function inboxItems(): Promise<InboxRecord[]> {
  return valid(InboxRecord, await db.inbox.toArray()).sort((a, b) => b.receivedAt - a.receivedAt);
}

export async function markInboxRead(id: string): Promise<void> {
  await db.inbox.update(id, { read: true });
}

export async function removeInboxItem(id: string): Promise<void> {
  await db.inbox.delete(id);
}

/** "Delete my data": the children, their ticks and the inbox, all at once. */
export async function removeChildcareData(): Promise<void> {
  await db.transaction("rw", [db.children, db.timelineDone, db.inbox, db.meta], async () => {
    await db.children.clear();
    await db.timelineDone.clear();
    await db.inbox.clear();
    await db.meta.delete("push:registered");
  });
}

export async function metaValue(key: string): Promise<string | null> {
  return (await db.meta.get(key))?.value ?? null;
}

export async function setMetaValue(key: string, value: string | null): Promise<void> {
  if (value === null) await db.meta.delete(key);
  else await db.meta.put({ key, value });
}
