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
import { Settings } from "../../../shared/settings/settings";
import type { AnswerIssue, Receipt } from "../../../shared/surveys/answers";
import { Draft, OutboxItem } from "./schemas";

export { Draft, OutboxItem, type OutboxState, outboxStates } from "./schemas";

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

  constructor() {
    super("machikoe");
    this.version(1).stores({ settings: "id" });
    this.version(2).stores({ drafts: "id, surveyId", outbox: "id, surveyId, state", meta: "key" });
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
