/**
 * How a ward or area name is written in each locale. やさしい日本語 carries its reading as furigana
 * markup `{漢字|かな}`. A ward is named from its record or from its code alone (北区, never 27127);
 * a code that names no ward is given back as it is.
 */
import type { Locale } from "../locales/locales";
import { wardRecords } from "./data";
import type { Area, Ward } from "./schemas";

type Named = Pick<Ward, "name" | "reading" | "nameEn" | "nameZh" | "nameKo" | "nameVi">;

const byCode = new Map<string, Named>(wardRecords.map((ward) => [ward.code, ward]));

export function wardName(wardOrCode: Named | string, locale: Locale): string {
  const ward = typeof wardOrCode === "string" ? byCode.get(wardOrCode) : wardOrCode;
  if (!ward) return wardOrCode as string;
  switch (locale) {
    case "ja":
      return ward.name;
    case "ja-easy":
      return `{${ward.name}|${ward.reading}}`;
    case "en":
      return `${ward.nameEn} Ward`;
    case "zh-Hans":
      return ward.nameZh;
    case "ko":
      return ward.nameKo;
    case "vi":
      return ward.nameVi;
  }
}

export function areaName(area: Pick<Area, "name" | "reading" | "nameEn">, locale: Locale): string {
  if (locale === "ja" || locale === "zh-Hans") return area.name;
  if (locale === "ja-easy") return `{${area.name}|${area.reading}}`;
  return area.nameEn;
}
