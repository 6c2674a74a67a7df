/**
 * Kysely's view of the tables. Columns are snake_case in the database and camelCase here
 * (CamelCasePlugin maps them), so queries read like the rest of the code on both dialects.
 */
/** 区 */
export interface WardTable {
  code: string;
  name: string;
  reading: string;
  nameEn: string;
  nameZh: string;
  nameKo: string;
  nameVi: string;
  population: number;
  births: number;
}

/** 地域 (地域活動協議会 area) */
export interface AreaTable {
  id: string;
  wardCode: string;
  name: string;
  reading: string;
  nameEn: string;
  population: number;
  sortOrder: number;
}

/** Rows the health check writes to prove that a durable write succeeds; pruned after an hour. */
export interface WriteProbeTable {
  id: string;
  checkedAt: string;
}

export interface DB {
  wards: WardTable;
  areas: AreaTable;
  writeProbes: WriteProbeTable;
}
