/** The tables of wards (区) and their areas (地域). */

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
