/** A ward's name as the accounts pages write it: from its code, in the staff member's language (furigana markup in やさしい日本語). */

import type { Locale } from "../../../../shared/locales/locales";
import { wardRecords } from "../../../../shared/wards/data";
import { wardName } from "../../../../shared/wards/names";

export function wardLabel(code: string, locale: Locale): string {
  const record = wardRecords.find((w) => w.code === code);
  return record ? wardName(record, locale) : code;
}
