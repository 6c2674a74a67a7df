/** The tables of wards (区) and their areas (地域). */
import type { WardRecord } from "../../../../shared/wards/data";

/** 区: the row is the shared ward record (shared/wards/data.ts). */
export type WardTable = WardRecord;

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

/** A ward's 問い合わせ先 as its letters print it: the section, phone, hours and, optionally, e-mail. */
export interface WardContactTable {
  wardCode: string;
  section: string;
  phone: string;
  hours: string;
  email: string | null;
  updatedAt: string;
}
