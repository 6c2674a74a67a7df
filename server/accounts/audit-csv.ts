/**
 * The audit log as CSV (shared/csv.ts: BOM, formula-safe), in the staff member's language: the same
 * labels, ward names and detail phrases as the console (shared/accounts/audit-labels.ts), times in Japan.
 */
import type { AuditEntry } from "../../shared/accounts/audit";
import { auditActionLabel, auditDetails, auditWardLabel, type Translate } from "../../shared/accounts/audit-labels";
import { csvFile, csvLine } from "../../shared/csv";
import { fallbackLocale, htmlLang, type Locale } from "../../shared/locales/locales";
import { plainText } from "../../shared/locales/ruby";
import en from "../../shared/locales/staff/en.json";
import ja from "../../shared/locales/staff/ja.json";
import jaEasy from "../../shared/locales/staff/ja-easy.json";
import ko from "../../shared/locales/staff/ko.json";
import vi from "../../shared/locales/staff/vi.json";
import zhHans from "../../shared/locales/staff/zh-Hans.json";
import { toJstIso } from "../../shared/time";

const bundles: Record<Locale, unknown> = { ja, "ja-easy": jaEasy, en, "zh-Hans": zhHans, ko, vi };

function lookup(bundle: unknown, key: string): string | undefined {
  let node: unknown = bundle;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** The staff strings' lookup as i18next does it: plural forms for {{count}}, Japanese for a missing key, placeholders filled. */
export function staffTranslator(locale: Locale): Translate {
  const plural = new Intl.PluralRules(htmlLang(locale));
  return (key, values = {}) => {
    const forms = typeof values.count === "number" ? [`${key}_${plural.select(values.count)}`, key] : [key];
    const found =
      forms.map((k) => lookup(bundles[locale], k)).find((s) => s !== undefined) ??
      forms.map((k) => lookup(bundles[fallbackLocale], k)).find((s) => s !== undefined) ??
      "";
    return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ""));
  };
}

/** The entries as a CSV file, column names and labels in `locale`, furigana markup removed. */
export function auditCsv(entries: readonly AuditEntry[], locale: Locale): string {
  const t = staffTranslator(locale);
  const header = ["audit.at", "audit.who", "audit.ward", "audit.action", "audit.details", "audit.target"].map((k) => plainText(t(k)));
  const lines = entries.map((entry) =>
    csvLine([
      toJstIso(new Date(entry.at)),
      entry.login,
      plainText(auditWardLabel(entry.ward, locale, t)),
      plainText(auditActionLabel(entry.action, t)),
      plainText(auditDetails(entry, locale, t)),
      entry.target,
    ]),
  );
  return csvFile([csvLine(header), ...lines]);
}
