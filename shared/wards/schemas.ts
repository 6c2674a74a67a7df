/** API contracts for wards (区) and areas (地域 = 地域活動協議会 areas). */
import { z } from "zod/mini";

/** 全国地方公共団体コード of an Osaka city ward, without check digit: 27102 (都島区) … 27128 (中央区). */
export const WardCode = z.string().check(z.regex(/^271\d{2}$/, "a 5-digit Osaka ward code such as 27102"));
export type WardCode = z.infer<typeof WardCode>;

/** An area's id: its ward code and a two-digit number, e.g. 27127-03. */
export const AreaId = z.string().check(z.regex(/^271\d{2}-\d{2}$/, "an area id such as 27127-03"));

/** 区 */
export const Ward = z.object({
  code: WardCode,
  name: z.string(),
  reading: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  nameKo: z.string(),
  nameVi: z.string(),
  population: z.int(),
});
export type Ward = z.infer<typeof Ward>;

/** 地域: one 地域活動協議会 area, about one elementary-school district. */
export const Area = z.object({
  id: AreaId,
  wardCode: WardCode,
  name: z.string(),
  reading: z.string(),
  nameEn: z.string(),
  population: z.int(),
});
export type Area = z.infer<typeof Area>;

export const WardList = z.object({ wards: z.array(Ward) });
export const AreaList = z.object({ ward: WardCode, areas: z.array(Area) });
export const WardParam = z.object({ ward: WardCode });
