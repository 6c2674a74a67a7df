/**
 * Local life (通いの場, 町会, 地活協, 区政会議) per ward, as the last sync left it. A full sync replaces
 * the ward's rows; an incremental one adds, replaces and removes what changed — in one transaction,
 * with the sync time, so a half-applied sync never happens. And 町会 join requests on their way.
 */
import { Association, Council, type LocalChanges, Meeting, Place } from "../../../shared/local/schemas";
import { db, valid, validOne } from "./database";
import { JoinOutboxItem } from "./join-schemas";
import { dexieQueue, enqueue } from "./queue";

export interface LocalData {
  places: Place[];
  associations: Association[];
  councils: Council[];
  meetings: Meeting[];
  syncedAt: string | null;
}

const localTables = () => [db.places, db.associations, db.councils, db.meetings] as const;
const syncedKey = (ward: string) => `local:${ward}`;

export async function applyLocalChanges(changes: LocalChanges): Promise<void> {
  await db.transaction("rw", [...localTables(), db.meta], async () => {
    if (changes.full) for (const table of localTables()) await table.where("ward").equals(changes.ward).delete();
    await db.places.bulkPut(changes.places);
    await db.associations.bulkPut(changes.associations);
    await db.councils.bulkPut(changes.councils);
    await db.meetings.bulkPut(changes.meetings);
    const tableOf = { place: db.places, association: db.associations, council: db.councils, meeting: db.meetings } as const;
    for (const { kind, id } of changes.removed) await tableOf[kind].delete(id);
    await db.meta.put({ key: syncedKey(changes.ward), value: changes.syncedAt });
  });
}

export async function localData(ward: string): Promise<LocalData> {
  const [places, associations, councils, meetings, synced] = await Promise.all([
    db.places.where("ward").equals(ward).toArray(),
    db.associations.where("ward").equals(ward).toArray(),
    db.councils.where("ward").equals(ward).toArray(),
    db.meetings.where("ward").equals(ward).toArray(),
    db.meta.get(syncedKey(ward)),
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
  return (await db.meta.get(syncedKey(ward)))?.value ?? null;
}

export const localPlace = async (id: string): Promise<Place | null> => validOne(Place, await db.places.get(id));
export const localAssociation = async (id: string): Promise<Association | null> => validOne(Association, await db.associations.get(id));
export const localCouncil = async (id: string): Promise<Council | null> => validOne(Council, await db.councils.get(id));

/** Queues a join request; the same id twice is one request. */
export async function queueJoin(item: Omit<JoinOutboxItem, "state" | "queuedAt" | "attempts">): Promise<void> {
  await enqueue(db.joinOutbox, JoinOutboxItem, item);
}

/** Every join request from this device, newest first. */
export async function joinOutboxItems(): Promise<JoinOutboxItem[]> {
  return valid(JoinOutboxItem, await db.joinOutbox.toArray()).sort((a, b) => b.queuedAt - a.queuedAt);
}

/** The join requests for the outbox engine. */
export const joinQueue = dexieQueue(db.joinOutbox, JoinOutboxItem);
