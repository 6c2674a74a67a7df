/**
 * The staff console's strings: an i18next namespace of their own ("staff"), in files that belong to
 * this lazily loaded chunk, so residents never download them.
 */
import i18next from "i18next";
import { type Locale, localeOf } from "../../../shared/locales/locales";
import { i18nextCode } from "../app/i18n";

const urls = import.meta.glob<string>("../../../shared/locales/staff/*.json", { query: "?url", import: "default", eager: true });

export async function loadStaffStrings(locale: Locale = localeOf(i18next.language)): Promise<void> {
  const code = i18nextCode(locale);
  if (i18next.hasResourceBundle(code, "staff")) return;
  const url = urls[`../../../shared/locales/staff/${locale}.json`] ?? urls["../../../shared/locales/staff/ja.json"];
  const response = await fetch(url as string);
  if (!response.ok) throw new Error(`staff strings for ${locale}: ${response.status}`);
  i18next.addResourceBundle(code, "staff", await response.json());
}
