/**
 * How an audit entry reads to a person, in the console and in the CSV alike: the action's label and
 * its details as short translated phrases, ward names instead of codes, never a raw key or JSON.
 * `t` is the staff strings' lookup (i18next on the client, the locale files on the server).
 */
import type { Locale } from "../locales/locales";
import { topics } from "../notices/schemas";
import { toJstIso } from "../time";
import { wardRecords } from "../wards/data";
import { wardName } from "../wards/names";
import { type AuditEntry, auditActionKey, auditActions } from "./audit";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

const known = new Set<string>(auditActions);

/** The action's label; an action this version does not know reads as "another action". */
export const auditActionLabel = (action: string, t: Translate): string =>
  t(known.has(action) ? auditActionKey(action) : "audit.actions.unknown");

/** The ward's name in the locale (furigana markup in やさしい日本語), or "the whole city" for a city-wide entry. */
export function auditWardLabel(ward: string | null, locale: Locale, t: Translate): string {
  if (ward === null) return t("audit.city");
  const record = wardRecords.find((w) => w.code === ward);
  return record ? wardName(record, locale) : t("audit.otherWard");
}

const text = (value: unknown): string | null => (typeof value === "string" && value.length > 0 && value.length <= 200 ? value : null);
const number = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

const roleOf = (value: unknown, t: Translate): string | null =>
  value === "ward_staff" || value === "city_admin" ? t(`users.roles.${value}`) : null;

/** An account's place, as an account change's before and after hold it: "区職員（北区）". */
function placement(value: unknown, locale: Locale, t: Translate): string | null {
  if (typeof value !== "object" || value === null) return null;
  const { role, ward } = value as { role?: unknown; ward?: unknown };
  const name = roleOf(role, t);
  if (!name) return null;
  return typeof ward === "string" ? t("audit.detail.placement", { role: name, ward: auditWardLabel(ward, locale, t) }) : name;
}

/** The entry's details as phrases: only fields the log is known to hold, each in words. */
export function auditDetails(entry: AuditEntry, locale: Locale, t: Translate): string {
  const d = entry.details;
  const parts: string[] = [];
  const login = text(d.login);
  const role = roleOf(d.role, t);
  if (login) parts.push(role ? t("audit.detail.accountRole", { login, role }) : t("audit.detail.account", { login }));
  else if (role) parts.push(role);
  const title = text(d.title) ?? text(d.name);
  if (title) parts.push(t("audit.detail.title", { title }));
  const version = number(d.version);
  if (version !== null) parts.push(t("audit.detail.version", { version }));
  const year = number(d.year);
  if (year !== null) parts.push(t("audit.detail.year", { year }));
  const count = number(d.count);
  if (count !== null) parts.push(t("audit.detail.count", { count }));
  const [before, after] = [placement(d.before, locale, t), placement(d.after, locale, t)];
  if (before && after && before !== after) parts.push(t("audit.detail.change", { before, after }));
  if (d.via === "change" || d.via === "reset_link") parts.push(t(`audit.detail.via.${d.via}`));
  const expires = text(d.expiresAt);
  if (expires && !Number.isNaN(Date.parse(expires)))
    parts.push(t("audit.detail.expires", { time: toJstIso(new Date(expires)).slice(0, 16).replace("T", " ") }));
  const sessions = number(d.sessions) ?? number(d.sessionsEnded) ?? number(d.otherSessionsEnded);
  if (sessions !== null) parts.push(t("audit.detail.sessions", { count: sessions }));
  const [created, updated, unchanged] = [number(d.created), number(d.updated), number(d.unchanged)];
  if (created !== null && updated !== null && unchanged !== null) parts.push(t("audit.detail.imported", { created, updated, unchanged }));
  const [added, changed] = [number(d.added), number(d.updated)];
  if (added !== null && changed !== null && created === null) parts.push(t("audit.detail.addedUpdated", { added, updated: changed }));
  if (d.format === "csv" || d.format === "json") parts.push(t("audit.detail.format", { format: d.format.toUpperCase() }));
  if (d.what === "matrix" || d.what === "wards") parts.push(t(`audit.detail.what.${d.what}`));
  if (d.status === "new" || d.status === "contacted" || d.status === "done") parts.push(t(`audit.detail.status.${d.status}`));
  const minutes = number(d.minutes);
  if (minutes !== null) parts.push(t("audit.detail.lockMinutes", { minutes }));
  if (Array.isArray(d.themes)) parts.push(t("audit.detail.themes", { count: d.themes.length }));
  if (Array.isArray(d.reworded) && d.reworded.length > 0)
    parts.push(t(d.freeText === true ? "audit.detail.rewordedFreeText" : "audit.detail.reworded", { count: d.reworded.length }));
  if (topics.some((topic) => topic === d.topic)) parts.push(t(`notices.topicShort.${d.topic as string}`));
  if (Array.isArray(d.languages)) parts.push(t("audit.detail.languages", { count: d.languages.length }));
  if (typeof d.published === "boolean") parts.push(t(d.published ? "audit.detail.published" : "audit.detail.unpublished"));
  return parts.join(t("audit.detail.separator"));
}
