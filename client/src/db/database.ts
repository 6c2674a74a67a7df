/**
 * The app's IndexedDB ("machikoe"), through Dexie: the one place that defines its tables. Versions
 * only ever go up; a version that moves data says how in its upgrade, so what is on a resident's
 * phone survives every update. The service worker reads and writes a few stores with plain
 * IndexedDB (raw-idb.ts, outbox-idb.ts); this schema owns their shape. Each feature's records are
 * read and written in its own module beside this one (surveys.ts, local.ts, childcare.ts, ...).
 */
import { Dexie, type EntityTable } from "dexie";
import type { Association, Council, Meeting, Place } from "../../../shared/local/schemas";
import type { Settings } from "../../../shared/settings/settings";
import type { JoinOutboxItem } from "./join-schemas";
import type { ChildRecord, DoneRecord, Draft, InboxRecord, OpenedSurvey, OutboxItem, PushRemovalItem, SavedSurvey } from "./schemas";

export interface SettingsRow extends Settings {
  id: "settings";
}

export interface MetaRow {
  key: string;
  value: string;
}

/** Where a push removal waited before version 6: one JSON value in meta. */
const legacyRemovalKey = "push:removal";

class MachikoeDatabase extends Dexie {
  settings!: EntityTable<SettingsRow, "id">;
  drafts!: EntityTable<Draft, "id">;
  /** Survey responses: waiting, refused, and sent ones kept as "my answers". */
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
  pushRemovals!: EntityTable<PushRemovalItem, "id">;
  /** The list's open surveys, kept so they open offline (db/saved-surveys.ts). */
  savedSurveys!: EntityTable<SavedSurvey, "id">;
  /** Surveys opened on this device: the others are 新着. */
  openedSurveys!: EntityTable<OpenedSurvey, "id">;

  constructor() {
    // No query cache: the service worker writes some stores with plain IndexedDB, which Dexie cannot
    // see; uncached, a live query run again (db/live.ts `deps`) reads what is really stored.
    super("machikoe", { cache: "disabled" });
    // One declaration of the whole schema. Dexie (3 and later) upgrades a device's database from whatever
    // version it has, by comparing what is installed with this; old versions need keeping only for an upgrade
    // function. Declaring each version with its own stores() cost the first page 250 ms of a throttled phone's
    // main thread (Dexie rebuilds every table's API at each), so they are folded into this one.
    //   2: drafts, outbox, meta · 3: 通いの場, 町会, 地活協, meetings, join requests · 4: children and their
    //   procedures · 5: the inbox, written by the service worker (sw/push.ts) when a push arrives ·
    //   6: push removals · 7: the list's surveys kept for offline use, and which ones were opened.
    this.version(7)
      .stores({
        settings: "id",
        drafts: "id, surveyId",
        outbox: "id, surveyId, state",
        meta: "key",
        places: "id, ward",
        associations: "id, ward",
        councils: "id, ward",
        meetings: "id, ward",
        joinOutbox: "id, state",
        children: "id",
        timelineDone: "key, child",
        inbox: "id, receivedAt",
        pushRemovals: "id, state",
        savedSurveys: "id",
        openedSurveys: "id",
      })
      // Before version 6, a push-subscription removal waited in meta: it moves over, still waiting, with its
      // endpoint as its id, to be sent like the other outbox items (sync/engine.ts). Nothing to do from 6 on.
      .upgrade(async (tx) => {
        const row = (await tx.table("meta").get(legacyRemovalKey)) as MetaRow | undefined;
        if (!row) return;
        const removal = legacyRemoval(row.value);
        if (removal)
          await tx
            .table("pushRemovals")
            .put({ id: removal.endpoint, payload: removal, state: "pending", queuedAt: Date.now(), attempts: 0 } satisfies PushRemovalItem);
        await tx.table("meta").delete(legacyRemovalKey);
      });
  }
}

function legacyRemoval(value: string): { endpoint: string; auth: string } | null {
  try {
    const parsed = JSON.parse(value) as { endpoint?: unknown; auth?: unknown };
    return typeof parsed.endpoint === "string" && typeof parsed.auth === "string" ? { endpoint: parsed.endpoint, auth: parsed.auth } : null;
  } catch {
    return null;
  }
}

export const db = new MachikoeDatabase();

/** The records of a list that the schema accepts: a damaged or outdated one is dropped, not trusted. */
export function valid<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, rows: unknown[]): T[] {
  return rows.flatMap((row) => {
    const parsed = schema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** One record if the schema accepts it, else null. */
export function validOne<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  row: unknown,
): T | null {
  if (row === undefined || row === null) return null;
  const parsed = schema.safeParse(row);
  return parsed.success ? parsed.data : null;
}
