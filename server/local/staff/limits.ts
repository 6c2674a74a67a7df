/**
 * How much local data one ward may keep, by kind: enough for every 通いの場, 町会, 地活協 and 区政会議 a ward
 * has (Osaka's largest ward has about 90 町会), and a bound on the public answer of
 * /api/wards/:ward/local that every resident's device downloads. Checked when an item is added and when a
 * file is imported (local.ward_full); a file holds at most maxCsvRows rows (platform/http/csv-upload.ts).
 */
import type { LocalKind } from "../service";

export const wardLimits: Record<LocalKind, number> = { place: 500, association: 800, council: 100, meeting: 300 };
