/** API contracts for wards (区) and areas (地域 = 地域活動協議会 areas). */
import { z } from "zod/mini";
import { wardRecords } from "./data";

const wardCodeForm = /^271\d{2}$/;
const knownWards = new Set(wardRecords.map((ward) => ward.code));

/** The issue params of a well-formed code that names no ward: the API answers it 404 `wards.not_found`, not 400. */
export const unknownWardIssue = { unknownWard: true } as const;

/**
 * 全国地方公共団体コード of an Osaka city ward, without check digit: 27102 (都島区) … 27128 (中央区).
 * One of the 24 (reference data, the same on every database).
 */
export const WardCode = z.string().check(
  z.regex(wardCodeForm, "a 5-digit Osaka ward code such as 27102"),
  // Only a well-formed code is looked up, so a malformed one has one issue, not two.
  z.refine((code) => !wardCodeForm.test(code) || knownWards.has(code), {
    message: "no Osaka ward has this code",
    params: unknownWardIssue,
  }),
);
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
