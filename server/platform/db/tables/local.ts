/** The tables of local data (通いの場, 町会, 地活協, 区政会議) and 町会 join requests. */

/** A row of local data (place, association, council or meeting): its fields as JSON, and when it changed or went. */
export interface LocalRowTable {
  id: string;
  wardCode: string;
  /** JSON: the item's input (shared/local/schemas.ts) */
  data: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** 町会への加入申込: personal fields are null once purged after the retention period. */
export interface JoinRequestTable {
  id: string;
  associationId: string;
  wardCode: string;
  name: string | null;
  contact: string | null;
  address: string | null;
  message: string | null;
  status: "new" | "contacted" | "done";
  receivedAt: string;
  statusChangedAt: string;
  purgedAt: string | null;
}
